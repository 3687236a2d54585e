// Employees, their roles, and the permission table role × action checked by the use cases.
#pragma once

#include "domain/time.h"
#include "domain/uuid.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace narcisse::domain {

enum class Role { Admin, Manager, Accountant, Staff };
std::string_view toString(Role r);                       // admin, manager, accountant, staff
std::optional<Role> parseRole(std::string_view s);

enum class Action {
    ViewPlanning,
    SellRide,
    BoardPassenger,
    MoveBooking,
    CancelBooking,
    RefundPayment,
    EditTimetable,
    ManageClosures,
    ManageFleet,
    ManageStaff,
    ViewAccounting,
    ExportAccounting,
    CloseDay,
    EditSettings,
    ViewAuditLog,
    ManageCash,        // open the drawer, pay cash in or out
    ExtendVoucher,     // move a gift voucher's expiry later
};
std::string_view toString(Action a);                     // sell_ride, …
const std::vector<Action>& allActions();

bool isAllowed(Role role, Action action);
// Throws PermissionDenied naming the role and the action.
void requirePermission(Role role, Action action);

struct Employee {
    Uuid id;
    std::string login;
    std::string name;
    Role role = Role::Staff;
    bool active = true;
    std::string passwordHash;   // bcrypt "$2b$…"; empty: cannot sign in
    std::string email;
    // Added with the staff screens; defaulted so brace-initialised employees need not name them.
    std::string phone{};
    bool canSignIn = true;        // boatmen may have no account
    std::string licenceNumber{};  // skipper licence, for boatmen
    std::optional<LocalDate> licenceExpiry{};
    std::string notes{};

    void validate() const;
};

// A day off or an absence, inclusive of both dates.
struct DayOff {
    Uuid id;
    Uuid employeeId;
    LocalDate from;
    LocalDate to;
    std::string reason;

    bool covers(LocalDate date) const { return from <= date && date <= to; }
    void validate() const;
};

}  // namespace narcisse::domain
