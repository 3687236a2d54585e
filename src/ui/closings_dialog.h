// The stored closings (daily, monthly, annual), newest first: print one again, and build a month's
// or a year's closing from the daily ones (app/cash_drawer.h on the worker).
#pragma once

#include "app/cash_drawer.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <memory>
#include <vector>

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace narcisse::ui {

class ClosingsDialog : public wxDialog {
public:
    ClosingsDialog(wxWindow* parent, std::shared_ptr<Session> session);

    void Reload();
    void PrintSelected();
    void CloseMonth(int year, unsigned month);
    void CloseYear(int year);

    // For the UI tests.
    bool IsLoaded() const { return m_loaded; }
    bool IsBusy() const { return m_busy; }
    const std::vector<domain::Closing>& Closings() const { return m_closings; }
    wxListCtrl* List() const { return m_list; }
    wxString MessageText() const;

private:
    void ShowList(std::vector<domain::Closing> closings);
    void ShowMessage(const wxString& text, bool error);
    void AskMonth();
    void AskYear();
    void SetBusy(bool busy);

    std::shared_ptr<Session> m_session;
    std::vector<domain::Closing> m_closings;
    bool m_loaded = false;
    bool m_busy = false;
    wxListCtrl* m_list = nullptr;
    wxStaticText* m_message = nullptr;
    wxButton* m_print = nullptr;
    wxButton* m_month = nullptr;
    wxButton* m_year = nullptr;
};

// Opens the list of closings (modeless; it destroys itself when closed).
ClosingsDialog* ShowClosings(wxWindow* parent, std::shared_ptr<Session> session);

}  // namespace narcisse::ui
