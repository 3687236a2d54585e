// The permission table, read-only: which role may do what (domain::isAllowed), so a manager sees
// who may do what without asking an administrator.
#pragma once

#include "domain/staff.h"

#include <wx/dialog.h>

class wxListCtrl;

namespace narcisse::ui {

// A readable name for each action ("Manage staff").
wxString ActionName(domain::Action action);

class PermissionsDialog : public wxDialog {
public:
    explicit PermissionsDialog(wxWindow* parent);

    // What the grid shows for a role and an action: true for a tick. For the UI tests.
    bool ShowsAllowed(domain::Role role, domain::Action action) const;
    wxListCtrl* Grid() const { return m_grid; }

private:
    wxListCtrl* m_grid = nullptr;
};

}  // namespace narcisse::ui
