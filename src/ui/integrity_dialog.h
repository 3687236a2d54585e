// "Verify integrity": walks every hash chain on the worker and shows each with its record count and
// either "All records sound" or, in red, the first broken record; below, the technical event journal
// (app/integrity.h).
#pragma once

#include "app/integrity.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <memory>
#include <optional>
#include <vector>

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace narcisse::ui {

class IntegrityDialog : public wxDialog {
public:
    IntegrityDialog(wxWindow* parent, std::shared_ptr<Session> session);

    void Verify();
    void LoadEvents();

    // For the UI tests.
    bool IsBusy() const { return m_busy; }
    bool EventsLoaded() const { return m_eventsLoaded; }
    const std::optional<app::IntegrityReport>& Report() const { return m_report; }
    wxListCtrl* Chains() const { return m_chains; }
    wxListCtrl* Events() const { return m_events; }
    wxString SummaryText() const;

private:
    void ShowReport(app::IntegrityReport report);
    void ShowEvents(const std::vector<domain::TechnicalEvent>& events);
    void SetBusy(bool busy);

    std::shared_ptr<Session> m_session;
    std::optional<app::IntegrityReport> m_report;
    bool m_busy = false;
    bool m_eventsLoaded = false;
    wxStaticText* m_summary = nullptr;
    wxListCtrl* m_chains = nullptr;
    wxListCtrl* m_events = nullptr;
    wxButton* m_verify = nullptr;
};

// Opens the dialog (modeless; it destroys itself when closed) and starts a verification.
IntegrityDialog* ShowIntegrity(wxWindow* parent, std::shared_ptr<Session> session);

}  // namespace narcisse::ui
