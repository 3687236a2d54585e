#include "ui/staff_panel.h"

#include "ui/access.h"
#include "ui/days_off_dialog.h"
#include "ui/employee_dialog.h"
#include "ui/format.h"
#include "ui/permissions_dialog.h"

#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

namespace narcisse::ui {
namespace {

const wxColour kExpired(0xC5, 0x30, 0x30);
const wxColour kExpiresSoon(0xB2, 0x6B, 0x00);
const wxColour kMutedText(0x5F, 0x6B, 0x7A);
const wxColour kBodyText(0x23, 0x2F, 0x3E);

enum Column { kName, kLogin, kRole, kActive, kSignIn, kLicence, kColumns };

// A virtual list so the licence cell alone takes the colour of its state.
class StaffList : public wxListCtrl {
public:
    StaffList(wxWindow* parent, const app::StaffList& staff)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxLC_HRULES),
          m_staff(staff)
    {
    }

    wxString OnGetItemText(long item, long column) const override
    {
        const auto& row = m_staff.rows[static_cast<std::size_t>(item)];
        const auto& e = row.employee;
        switch (column) {
        case kName: return wxString::FromUTF8(e.name);
        case kLogin: return wxString::FromUTF8(e.login);
        case kRole: return RoleName(e.role);
        case kActive: return e.active ? _("Active") : _("Deactivated");
        case kSignIn: return e.canSignIn && !e.passwordHash.empty() ? _("Yes") : _("No");
        case kLicence: {
            if (!e.licenceExpiry) return e.licenceNumber.empty() ? wxString() : _("no expiry recorded");
            const wxString date = ToWxDate(*e.licenceExpiry).FormatDate();
            if (row.licence == app::LicenceState::Expired) return wxString::Format(_("%s — expired"), date);
            if (row.licence == app::LicenceState::ExpiresSoon) return wxString::Format(_("%s — expires soon"), date);
            return date;
        }
        }
        return {};
    }

    // The generic list (GTK) colours whole rows only: a licence to renew colours its employee's row,
    // and the licence cell says why.
    wxItemAttr* OnGetItemAttr(long item) const override
    {
        const auto& row = m_staff.rows[static_cast<std::size_t>(item)];
        m_attr = wxItemAttr();
        if (!row.employee.active)
            m_attr.SetTextColour(kMutedText);
        else if (row.licence == app::LicenceState::Expired)
            m_attr.SetTextColour(kExpired);
        else if (row.licence == app::LicenceState::ExpiresSoon)
            m_attr.SetTextColour(kExpiresSoon);
        return m_attr.HasTextColour() ? &m_attr : nullptr;
    }

    wxColour ColourOf(long item) const
    {
        const auto* attr = OnGetItemAttr(item);
        return attr ? attr->GetTextColour() : wxColour();
    }

private:
    const app::StaffList& m_staff;
    mutable wxItemAttr m_attr;
};

}  // namespace

StaffPanel::StaffPanel(wxWindow* parent, std::shared_ptr<Session> session)
    : wxPanel(parent, wxID_ANY), m_session(std::move(session))
{
    BuildLayout();
    Reload();
}

void StaffPanel::BuildLayout()
{
    const int gap = FromDIP(8);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Staff"));
    title->SetFont(GetFont().Scaled(1.4f).Bold());
    title->SetForegroundColour(kBodyText);
    top->Add(title, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(18)));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_add = new wxButton(this, wxID_ANY, _("&Add…"));
    m_edit = new wxButton(this, wxID_ANY, _("&Edit…"));
    m_daysOff = new wxButton(this, wxID_ANY, _("Days o&ff…"));
    m_deactivate = new wxButton(this, wxID_ANY, _("&Deactivate"));
    m_password = new wxButton(this, wxID_ANY, _("Reset &password…"));
    auto* permissions = new wxButton(this, wxID_ANY, _("Permissions…"));
    for (auto* b : {m_add, m_edit, m_daysOff, m_deactivate, m_password}) buttons->Add(b, wxSizerFlags().Border(wxRIGHT, gap));
    buttons->AddStretchSpacer();
    buttons->Add(permissions);
    top->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(18)));

    auto* list = new StaffList(this, m_staff);
    m_list = list;
    m_list->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(200));
    m_list->AppendColumn(_("Login"), wxLIST_FORMAT_LEFT, FromDIP(110));
    m_list->AppendColumn(_("Role"), wxLIST_FORMAT_LEFT, FromDIP(120));
    m_list->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(110));
    m_list->AppendColumn(_("Can sign in"), wxLIST_FORMAT_LEFT, FromDIP(100));
    m_list->AppendColumn(_("Licence expires"), wxLIST_FORMAT_LEFT, FromDIP(220));
    top->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(18)));

    m_status = new wxStaticText(this, wxID_ANY, _("Loading…"));
    m_status->SetForegroundColour(kMutedText);
    top->Add(m_status, wxSizerFlags().Expand().Border(wxALL, FromDIP(18)));
    SetSizer(top);

    m_add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenAddDialog(); });
    m_edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenEditDialog(); });
    m_daysOff->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenDaysOff(); });
    m_deactivate->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnDeactivate(); });
    m_password->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnResetPassword(); });
    permissions->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenPermissions(); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { UpdateButtons(); });
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { UpdateButtons(); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
        if (m_edit->IsEnabled()) OpenEditDialog();
    });
    UpdateButtons();
}

void StaffPanel::Reload()
{
    ++m_pending;
    const auto now = m_session->Now();
    RunOnWorker(
        *m_session->worker, this, [now](domain::Store& store) { return app::loadStaff(store, now); },
        [](StaffPanel& p, app::StaffList staff) {
            --p.m_pending;
            p.OnLoaded(std::move(staff));
        },
        [](StaffPanel& p, const Failure& failure) {
            --p.m_pending;
            p.m_status->SetLabel(wxString::Format(_("The staff cannot be read: %s"), failure.message));
        });
}

void StaffPanel::OnLoaded(app::StaffList staff)
{
    m_staff = std::move(staff);
    m_loaded = true;
    m_list->SetItemCount(static_cast<long>(m_staff.rows.size()));
    m_list->Refresh();
    int active = 0;
    int licences = 0;
    for (const auto& r : m_staff.rows) {
        active += r.employee.active ? 1 : 0;
        licences += r.employee.active && (r.licence == app::LicenceState::Expired ||
                                          r.licence == app::LicenceState::ExpiresSoon) ? 1 : 0;
    }
    wxString status = wxString::Format(wxPLURAL("%d active employee", "%d active employees", active), active);
    if (licences)
        status += wxString(" · ") + wxString::Format(wxPLURAL("%d licence to renew", "%d licences to renew", licences),
                                                     licences);
    m_status->SetLabel(status);
    UpdateButtons();
}

const domain::Employee* StaffPanel::Selected() const
{
    const long item = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (item < 0 || static_cast<std::size_t>(item) >= m_staff.rows.size()) return nullptr;
    return &m_staff.rows[static_cast<std::size_t>(item)].employee;
}

void StaffPanel::UpdateButtons()
{
    // Changing staff is the administrator's; the others who see the list read it (days off included).
    const auto* e = Selected();
    using domain::Action;
    AllowFor(m_add, *m_session, Action::ManageStaff, true, _("Add an employee"));
    AllowFor(m_edit, *m_session, Action::ManageStaff, e != nullptr);
    m_daysOff->Enable(e != nullptr);
    AllowFor(m_deactivate, *m_session, Action::ManageStaff, e && e->active);
    AllowFor(m_password, *m_session, Action::ManageStaff, e && e->active);
}

EmployeeDialog* StaffPanel::OpenAddDialog()
{
    auto* dialog = new EmployeeDialog(this, m_session, std::nullopt);
    dialog->SetOnSaved([panel = wxWeakRef<StaffPanel>(this)](const domain::Employee&) {
        if (panel) panel->Reload();
    });
    dialog->Show();
    return dialog;
}

EmployeeDialog* StaffPanel::OpenEditDialog()
{
    const auto* e = Selected();
    if (!e) return nullptr;
    auto* dialog = new EmployeeDialog(this, m_session, *e);
    dialog->SetOnSaved([panel = wxWeakRef<StaffPanel>(this)](const domain::Employee&) {
        if (panel) panel->Reload();
    });
    dialog->Show();
    return dialog;
}

DaysOffDialog* StaffPanel::OpenDaysOff()
{
    const auto* e = Selected();
    if (!e) return nullptr;
    auto* dialog = new DaysOffDialog(this, m_session, *e);
    dialog->SetOnChanged([panel = wxWeakRef<StaffPanel>(this)] {
        if (panel) panel->Reload();
    });
    dialog->Show();
    return dialog;
}

PermissionsDialog* StaffPanel::OpenPermissions()
{
    auto* dialog = new PermissionsDialog(this);
    dialog->Bind(wxEVT_CLOSE_WINDOW, [dialog](wxCloseEvent&) { dialog->Destroy(); });
    dialog->Show();
    return dialog;
}

void StaffPanel::RunChange(std::function<void(domain::Store&)> change, const wxString& done)
{
    ++m_pending;
    RunOnWorker(
        *m_session->worker, this,
        [change](domain::Store& store) {
            change(store);
            return true;
        },
        [done](StaffPanel& p, bool) {
            --p.m_pending;
            p.Reload();
            p.m_status->SetLabel(done);
        },
        [](StaffPanel& p, const Failure& failure) {
            --p.m_pending;
            wxMessageBox(failure.message, _("Staff"), wxOK | wxICON_WARNING, &p);
        });
}

void StaffPanel::OnDeactivate()
{
    const auto* e = Selected();
    if (!e) return;
    const wxString name = wxString::FromUTF8(e->name);
    wxMessageDialog ask(this,
                        wxString::Format(_("Deactivate %s? They will no longer be able to sign in; their history stays."),
                                         name),
                        _("Deactivate"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    ask.SetYesNoLabels(_("&Deactivate"), _("Cancel"));
    if (ask.ShowModal() != wxID_YES) return;
    const auto clock = m_session->clock;
    const auto id = e->id.str();
    const auto acting = m_session->employee ? std::optional(m_session->employee->id) : std::nullopt;
    RunChange([=](domain::Store& store) { app::deactivateEmployee(store, *clock, id, acting); },
              wxString::Format(_("%s deactivated."), name));
}

void StaffPanel::OnResetPassword()
{
    const auto* e = Selected();
    if (!e) return;
    const wxString name = wxString::FromUTF8(e->name);
    wxPasswordEntryDialog ask(this, wxString::Format(_("New password for %s (8 characters or more):"), name),
                              _("Reset password"));
    if (ask.ShowModal() != wxID_OK) return;
    const auto clock = m_session->clock;
    const auto id = e->id.str();
    const auto password = ask.GetValue().utf8_string();
    const auto acting = m_session->employee ? std::optional(m_session->employee->id) : std::nullopt;
    RunChange([=](domain::Store& store) { app::resetPassword(store, *clock, id, password, acting); },
              wxString::Format(_("The password of %s was reset."), name));
}

wxString StaffPanel::CellText(long row, int column) const
{
    return m_list->GetItemText(row, column);
}

wxColour StaffPanel::LicenceColour(long row) const
{
    return static_cast<const StaffList*>(m_list)->ColourOf(row);
}

wxString StaffPanel::StatusText() const
{
    return m_status->GetLabel();
}

}  // namespace narcisse::ui
