#include "domain/staff.h"

#include "domain/errors.h"

namespace narcisse::domain {

std::string_view toString(Role r) {
    switch (r) {
        case Role::Admin: return "admin";
        case Role::Manager: return "manager";
        case Role::Accountant: return "accountant";
        case Role::Staff: return "staff";
    }
    return "staff";
}

std::optional<Role> parseRole(std::string_view s) {
    for (Role r : {Role::Admin, Role::Manager, Role::Accountant, Role::Staff})
        if (toString(r) == s) return r;
    return std::nullopt;
}

std::string_view toString(Action a) {
    switch (a) {
        case Action::ViewPlanning: return "view_planning";
        case Action::SellRide: return "sell_ride";
        case Action::BoardPassenger: return "board_passenger";
        case Action::MoveBooking: return "move_booking";
        case Action::CancelBooking: return "cancel_booking";
        case Action::RefundPayment: return "refund_payment";
        case Action::EditTimetable: return "edit_timetable";
        case Action::ManageClosures: return "manage_closures";
        case Action::ManageFleet: return "manage_fleet";
        case Action::ManageStaff: return "manage_staff";
        case Action::ViewAccounting: return "view_accounting";
        case Action::ExportAccounting: return "export_accounting";
        case Action::CloseDay: return "close_day";
        case Action::EditSettings: return "edit_settings";
        case Action::ViewAuditLog: return "view_audit_log";
        case Action::ManageCash: return "manage_cash";
        case Action::ExtendVoucher: return "extend_voucher";
    }
    return "";
}

const std::vector<Action>& allActions() {
    static const std::vector<Action> all = {
        Action::ViewPlanning,   Action::SellRide,       Action::BoardPassenger, Action::MoveBooking,
        Action::CancelBooking,  Action::RefundPayment,  Action::EditTimetable,  Action::ManageClosures,
        Action::ManageFleet,    Action::ManageStaff,    Action::ViewAccounting, Action::ExportAccounting,
        Action::CloseDay,       Action::EditSettings,   Action::ViewAuditLog,   Action::ManageCash,
        Action::ExtendVoucher};
    return all;
}

bool isAllowed(Role role, Action action) {
    switch (role) {
        case Role::Admin:
            return true;
        case Role::Manager:
            // Runs the desk and the schedule; does not manage staff or settings.
            return action != Action::ManageStaff && action != Action::EditSettings;
        case Role::Accountant:
            return action == Action::ViewPlanning || action == Action::ViewAccounting ||
                   action == Action::ExportAccounting || action == Action::ViewAuditLog ||
                   action == Action::CloseDay;
        case Role::Staff:
            // Boatmen and seasonal help: sell and board, see the planning; no money back.
            return action == Action::ViewPlanning || action == Action::SellRide || action == Action::BoardPassenger;
    }
    return false;
}

void requirePermission(Role role, Action action) {
    if (!isAllowed(role, action))
        throw PermissionDenied("the " + std::string(toString(role)) + " role may not " +
                               std::string(toString(action)));
}

void DayOff::validate() const {
    if (!from.ok()) throw ValidationError("from", "is not a date");
    if (!to.ok()) throw ValidationError("to", "is not a date");
    if (to < from) throw ValidationError("to", "must not be before from");
}

void Employee::validate() const {
    if (login.find_first_not_of(' ') == std::string::npos) throw ValidationError("login", "is required");
    for (char c : login)
        if (c == ' ') throw ValidationError("login", "must not contain spaces");
    if (name.find_first_not_of(' ') == std::string::npos) throw ValidationError("name", "is required");
}

}  // namespace narcisse::domain
