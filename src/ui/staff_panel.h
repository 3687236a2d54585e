// The staff screen: every employee with their role, account and licence (expiring soon in amber,
// expired in red), and the actions on them. The lead wires it into the main frame; it reads the
// store only through the staff use cases, on the session's worker.
#pragma once

#include "app/staff.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/panel.h>

#include <memory>

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace narcisse::ui {

class DaysOffDialog;
class EmployeeDialog;
class PermissionsDialog;

class StaffPanel : public wxPanel {
public:
    StaffPanel(wxWindow* parent, std::shared_ptr<Session> session);

    // Reads the employees again (after a change elsewhere, or when the panel is shown).
    void Reload();

    // State and actions, for the UI tests and the menus.
    bool IsBusy() const { return m_pending > 0; }
    bool IsLoaded() const { return m_loaded; }
    const app::StaffList& Staff() const { return m_staff; }
    wxListCtrl* List() const { return m_list; }
    wxString CellText(long row, int column) const;
    wxColour LicenceColour(long row) const;
    EmployeeDialog* OpenAddDialog();
    EmployeeDialog* OpenEditDialog();          // for the selected employee; nullptr without one
    DaysOffDialog* OpenDaysOff();              // for the selected employee; nullptr without one
    wxButton* AddButton() const { return m_add; }
    wxButton* EditButton() const { return m_edit; }
    wxButton* DaysOffButton() const { return m_daysOff; }
    PermissionsDialog* OpenPermissions();
    wxString StatusText() const;

private:
    void BuildLayout();
    void OnLoaded(app::StaffList staff);
    void UpdateButtons();
    const domain::Employee* Selected() const;
    void OnDeactivate();
    void OnResetPassword();
    void RunChange(std::function<void(domain::Store&)> change, const wxString& done);

    std::shared_ptr<Session> m_session;
    app::StaffList m_staff;
    bool m_loaded = false;
    int m_pending = 0;

    wxListCtrl* m_list = nullptr;
    wxButton* m_add = nullptr;
    wxButton* m_edit = nullptr;
    wxButton* m_daysOff = nullptr;
    wxButton* m_deactivate = nullptr;
    wxButton* m_password = nullptr;
    wxStaticText* m_status = nullptr;
};

}  // namespace narcisse::ui
