#include "ui/access.h"

#include <wx/window.h>

#include <array>
#include <vector>

namespace narcisse::ui {
namespace {

// What the action is, to end "Only … may": lower case, as in a sentence.
wxString ActionPhrase(domain::Action action)
{
    using domain::Action;
    switch (action) {
    case Action::ViewPlanning: return _("view the planning");
    case Action::SellRide: return _("sell a ride");
    case Action::BoardPassenger: return _("board passengers");
    case Action::MoveBooking: return _("move a booking");
    case Action::CancelBooking: return _("cancel a booking");
    case Action::RefundPayment: return _("refund a payment");
    case Action::EditTimetable: return _("edit the timetable and the crew");
    case Action::ManageClosures: return _("close and reopen departures");
    case Action::ManageFleet: return _("manage the fleet");
    case Action::ManageStaff: return _("manage staff");
    case Action::ViewAccounting: return _("view the accounts");
    case Action::ExportAccounting: return _("export the accounts");
    case Action::CloseDay: return _("close the day's cash");
    case Action::EditSettings: return _("edit the settings");
    case Action::ViewAuditLog: return _("view the audit log");
    case Action::ManageCash: return _("open the cash drawer and pay cash in or out");
    case Action::ExtendVoucher: return _("extend a gift voucher");
    }
    return wxString::FromUTF8(std::string(domain::toString(action)));
}

// A role as the subject of "may": "an administrator".
wxString RoleSubject(domain::Role role)
{
    switch (role) {
    case domain::Role::Admin: return _("an administrator");
    case domain::Role::Manager: return _("a manager");
    case domain::Role::Accountant: return _("an accountant");
    case domain::Role::Staff: return _("a member of staff");
    }
    return wxString::FromUTF8(std::string(domain::toString(role)));
}

}  // namespace

bool May(const Session& session, domain::Action action)
{
    return !session.employee || domain::isAllowed(session.employee->role, action);
}

wxString WhoMay(domain::Action action)
{
    constexpr std::array kRoles{domain::Role::Admin, domain::Role::Manager, domain::Role::Accountant,
                                domain::Role::Staff};
    std::vector<wxString> who;
    for (auto role : kRoles)
        if (domain::isAllowed(role, action)) who.push_back(RoleSubject(role));
    if (who.size() == kRoles.size()) return wxString();   // everyone may: nothing to explain
    if (who.empty()) return wxString::Format(_("Nobody may %s"), ActionPhrase(action));
    wxString roles = who.front();
    for (std::size_t i = 1; i < who.size(); ++i)
        // TRANSLATORS: joins the roles that may do something: "an administrator, a manager or an accountant"
        roles += (i + 1 == who.size() ? _(" or ") : wxString(", ")) + who[i];
    // TRANSLATORS: why a button is disabled; %s are the roles, then the action ("manage staff")
    return wxString::Format(_("Only %s may %s"), roles, ActionPhrase(action));
}

void AllowFor(wxWindow* control, const Session& session, domain::Action action, bool otherwise, const wxString& tooltip)
{
    const bool allowed = May(session, action);
    control->Enable(allowed && otherwise);
    const wxString tip = allowed ? tooltip : WhoMay(action);
    if (tip.empty())
        control->UnsetToolTip();
    else
        control->SetToolTip(tip);
}

}  // namespace narcisse::ui
