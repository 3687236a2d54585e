// The messages sent to customers (recipient, kind, status, error), newest first, with a retry for
// the failed ones: the retry and the send run on the worker.
#pragma once

#include "domain/notification.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <vector>

class wxButton;
class wxListView;
class wxStaticText;

namespace narcisse::ui {

class NotificationLogDialog : public wxDialog {
public:
    NotificationLogDialog(wxWindow* parent, Session& session);

    void Reload();
    void RetrySelected();
    bool IsBusy() const { return m_busy; }
    wxListView* List() const { return m_list; }
    const std::vector<domain::Notification>& Shown() const { return m_shown; }
    wxString StatusText() const;

private:
    void OnLoaded(std::vector<domain::Notification> log);
    void OnFailed(const wxString& message);
    void UpdateButtons();

    Session& m_session;
    std::vector<domain::Notification> m_shown;
    bool m_busy = false;
    wxListView* m_list = nullptr;
    wxButton* m_retry = nullptr;
    wxStaticText* m_status = nullptr;
};

void ShowNotificationLog(wxWindow* parent, Session& session);

}  // namespace narcisse::ui
