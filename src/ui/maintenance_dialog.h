// Planning maintenance work on a boat, and recording planned work as done (date, cost, who). Both
// save through app/fleet.h on the worker and show a refusal on the field it names.
#pragma once

#include "app/fleet.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <functional>
#include <memory>
#include <optional>

class wxButton;
class wxChoice;
class wxDatePickerCtrl;
class wxStaticText;
class wxTextCtrl;

namespace narcisse::ui {

class MaintenanceDialog : public wxDialog {
public:
    // Plans new work on `boat` when `record` is empty; records `record` as done otherwise.
    MaintenanceDialog(wxWindow* parent, std::shared_ptr<Session> session, domain::Boat boat,
                      std::optional<domain::MaintenanceRecord> record);
    void SetOnSaved(std::function<void()> callback) { m_onSaved = std::move(callback); }
    void Save();

    bool IsBusy() const { return m_busy; }
    wxTextCtrl* TitleField() const { return m_title; }
    wxWindow* HighlightedField() const { return m_highlighted; }

private:
    void BuildPlanFields(wxWindow* parent, class wxFlexGridSizer* fields);
    void BuildDoneFields(wxWindow* parent, class wxFlexGridSizer* fields);
    void OnFailed(const Failure& failure);

    std::shared_ptr<Session> m_session;
    domain::Boat m_boat;
    std::optional<domain::MaintenanceRecord> m_record;
    std::function<void()> m_onSaved;
    bool m_busy = false;
    wxWindow* m_highlighted = nullptr;
    // Plan
    wxChoice* m_kind = nullptr;
    wxTextCtrl* m_title = nullptr;
    wxTextCtrl* m_description = nullptr;
    wxChoice* m_priority = nullptr;
    wxDatePickerCtrl* m_planned = nullptr;
    wxTextCtrl* m_every = nullptr;
    // Done
    wxDatePickerCtrl* m_doneOn = nullptr;
    wxTextCtrl* m_cost = nullptr;
    wxTextCtrl* m_doneBy = nullptr;

    wxStaticText* m_error = nullptr;
    wxButton* m_save = nullptr;
};

wxString MaintenanceKindName(domain::MaintenanceKind kind);
wxString PriorityName(domain::Priority priority);

}  // namespace narcisse::ui
