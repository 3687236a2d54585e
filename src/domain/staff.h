// Employees, their roles, and the permission table role × action checked by the use cases.
#pragma once

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

    void validate() const;
};

}  // namespace narcisse::domain
