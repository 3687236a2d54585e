// The fleet screen: the boats with their maintenance status, a form to add or edit one, and the
// maintenance log of the selected boat with filters. The rules live in app/fleet.h; all store work
// runs on the session's worker.
#pragma once

#include "app/fleet.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/dialog.h>
#include <wx/panel.h>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class wxButton;
class wxChoice;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace narcisse::ui {

class OutOfServiceDialog;

// Adding (no boat given) or editing a boat. Modeless: it saves on the worker, shows a refusal on
// the field it names, and closes itself once the boat is saved.
class BoatDialog : public wxDialog {
public:
    BoatDialog(wxWindow* parent, std::shared_ptr<Session> session, std::optional<domain::Boat> boat);
    void SetOnSaved(std::function<void(const domain::Boat&)> callback) { m_onSaved = std::move(callback); }
    void Save();

    // For the UI tests.
    bool IsBusy() const { return m_busy; }
    bool IsSaved() const { return m_saved; }
    wxTextCtrl* NameField() const { return m_name; }
    wxTextCtrl* CapacityField() const { return m_capacity; }
    wxTextCtrl* ColourField() const { return m_colour; }
    wxTextCtrl* RegistrationField() const { return m_registration; }
    wxWindow* HighlightedField() const { return m_highlighted; }
    wxString ErrorText() const;

private:
    void OnFailed(const Failure& failure);
    void Highlight(wxWindow* field);

    std::shared_ptr<Session> m_session;
    std::optional<domain::Boat> m_boat;
    std::function<void(const domain::Boat&)> m_onSaved;
    bool m_busy = false;
    bool m_saved = false;
    wxTextCtrl* m_name = nullptr;
    wxTextCtrl* m_capacity = nullptr;
    wxTextCtrl* m_colour = nullptr;
    wxChoice* m_status = nullptr;
    wxTextCtrl* m_registration = nullptr;
    wxTextCtrl* m_notes = nullptr;
    wxStaticText* m_error = nullptr;
    wxButton* m_save = nullptr;
    wxWindow* m_highlighted = nullptr;
};

class FleetPanel : public wxPanel {
public:
    FleetPanel(wxWindow* parent, std::shared_ptr<Session> session);

    // Reads the fleet and the selected boat's log again (on the worker).
    void Reload();
    // Opens the boat form (modeless) to add a boat, or to edit the selected one; returns it.
    BoatDialog* OpenBoatForm(bool edit);
    // Opens the out-of-service dialog (modeless) for the selected boat; null without one.
    OutOfServiceDialog* OpenOutOfService();

    // For the UI tests.
    bool IsBusy() const { return m_pending > 0; }
    bool IsLoaded() const { return m_loaded; }
    const std::vector<app::FleetBoat>& Fleet() const { return m_fleet; }
    const std::vector<app::MaintenanceLine>& Log() const { return m_log; }
    wxListCtrl* Boats() const { return m_boats; }
    void SelectBoat(long row);
    wxString StatusText() const;

private:
    void BuildLayout();
    void OnFleet(std::vector<app::FleetBoat> fleet);
    void LoadLog();
    void OnLog(std::vector<app::MaintenanceLine> log);
    void OnRetire();
    void OnAddMaintenance();
    void OnMarkDone();
    void ShowStatus(const wxString& text, bool error);
    void UpdateButtons();
    std::optional<domain::Boat> Selected() const;
    std::optional<domain::Uuid> Employee() const;

    std::shared_ptr<Session> m_session;
    std::vector<app::FleetBoat> m_fleet;
    std::vector<app::MaintenanceLine> m_log;
    std::optional<domain::Uuid> m_selectedId;
    bool m_loaded = false;
    int m_pending = 0;

    wxListCtrl* m_boats = nullptr;
    wxButton* m_add = nullptr;
    wxButton* m_edit = nullptr;
    wxButton* m_retire = nullptr;
    wxButton* m_outOfService = nullptr;
    wxStaticText* m_status = nullptr;
    wxStaticText* m_logTitle = nullptr;
    wxChoice* m_kindFilter = nullptr;
    wxChoice* m_stateFilter = nullptr;
    wxChoice* m_priorityFilter = nullptr;
    wxListCtrl* m_logList = nullptr;
    wxButton* m_addMaintenance = nullptr;
    wxButton* m_markDone = nullptr;
};

}  // namespace narcisse::ui
