#include "ui/permissions_dialog.h"

#include "ui/format.h"
#include "ui/icons.h"

#include <wx/listctrl.h>
#include <wx/stattext.h>

#include <algorithm>
#include <array>

namespace narcisse::ui {
namespace {

constexpr std::array kRoles{domain::Role::Admin, domain::Role::Manager, domain::Role::Accountant, domain::Role::Staff};
const wxString kAllowed = wxString::FromUTF8("✓");
const wxString kDenied = wxString::FromUTF8("—");

}  // namespace

wxString ActionName(domain::Action action)
{
    using domain::Action;
    switch (action) {
    case Action::ViewPlanning: return _("View the planning");
    case Action::SellRide: return _("Sell a ride");
    case Action::BoardPassenger: return _("Board passengers");
    case Action::MoveBooking: return _("Move a booking");
    case Action::CancelBooking: return _("Cancel a booking");
    case Action::RefundPayment: return _("Refund a payment");
    case Action::EditTimetable: return _("Edit the timetable and crew");
    case Action::ManageClosures: return _("Close and reopen departures");
    case Action::ManageFleet: return _("Manage the fleet");
    case Action::ManageStaff: return _("Manage staff");
    case Action::ViewAccounting: return _("View the accounts");
    case Action::ExportAccounting: return _("Export the accounts");
    case Action::CloseDay: return _("Close the day's cash");
    case Action::EditSettings: return _("Edit the settings");
    case Action::ViewAuditLog: return _("View the audit log");
    case Action::ManageCash: return _("Open the cash drawer, pay cash in or out");
    case Action::ExtendVoucher: return _("Extend a gift voucher");
    }
    return wxString::FromUTF8(std::string(domain::toString(action)));
}

PermissionsDialog::PermissionsDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("Permissions"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER)
{
    SetIcons(GetAppIcons());
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Who may do what"));
    title->SetFont(GetFont().Scaled(1.4f).Bold());
    top->Add(title, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(18)));
    auto* hint = new wxStaticText(this, wxID_ANY, _("Each role's rights are fixed; an administrator changes roles on the staff screen."));
    hint->SetForegroundColour(wxColour(0x5F, 0x6B, 0x7A));
    top->Add(hint, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(18)));

    m_grid = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES);
    m_grid->AppendColumn(_("Action"), wxLIST_FORMAT_LEFT, FromDIP(260));
    for (auto role : kRoles) m_grid->AppendColumn(RoleName(role), wxLIST_FORMAT_CENTRE, FromDIP(110));
    const auto& actions = domain::allActions();
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const long row = m_grid->InsertItem(static_cast<long>(i), ActionName(actions[i]));
        for (std::size_t c = 0; c < kRoles.size(); ++c)
            m_grid->SetItem(row, static_cast<int>(c + 1), domain::isAllowed(kRoles[c], actions[i]) ? kAllowed : kDenied);
        if (i % 2) m_grid->SetItemBackgroundColour(row, wxColour(0xF4, 0xF6, 0xF9));
    }
    const int height = FromDIP(40) + static_cast<int>(actions.size()) * FromDIP(26);
    m_grid->SetMinSize(wxSize(FromDIP(260 + 4 * 110 + 8), height));
    top->Add(m_grid, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(18)));
    top->Add(CreateSeparatedButtonSizer(wxCLOSE), wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetEscapeId(wxID_CLOSE);
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    SetSizerAndFit(top);
    CentreOnParent();
}

bool PermissionsDialog::ShowsAllowed(domain::Role role, domain::Action action) const
{
    const auto& actions = domain::allActions();
    const auto row = std::find(actions.begin(), actions.end(), action) - actions.begin();
    const auto column = std::find(kRoles.begin(), kRoles.end(), role) - kRoles.begin() + 1;
    return m_grid->GetItemText(row, static_cast<int>(column)) == kAllowed;
}

}  // namespace narcisse::ui
