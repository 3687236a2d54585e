// Staff use cases: employees, their accounts and their days off. Each change is one write
// transaction with one audit entry; the CLI and the staff panel share them. When an employee acts,
// they need the manage_staff permission (resetting a password: an administrator).
#pragma once

#include "domain/store.h"

#include <optional>
#include <string>
#include <vector>

namespace narcisse::app {

// A new employee as typed on the form or the command line.
struct NewEmployee {
    std::string login;
    std::string name;
    domain::Role role = domain::Role::Staff;
    std::string email;
    std::string phone;
    bool canSignIn = false;
    std::string password;                          // the initial one; required when canSignIn
    std::string licenceNumber;
    std::optional<domain::LocalDate> licenceExpiry;
    std::string notes;
};

// What an edit changes: fields left empty stay as they are (so the CLI can change just one).
struct EmployeeEdit {
    std::optional<std::string> login;
    std::optional<std::string> name;
    std::optional<domain::Role> role;
    std::optional<std::string> email;
    std::optional<std::string> phone;
    // Switching it off removes the password; switching it on needs one set by resetPassword.
    std::optional<bool> canSignIn;
    std::optional<std::string> licenceNumber;
    std::optional<std::optional<domain::LocalDate>> licenceExpiry;   // holding nullopt: clears it
    std::optional<std::string> notes;
};

// How an employee's skipper licence stands on a day: the staff list colours it.
enum class LicenceState { None, Valid, ExpiresSoon, Expired };
inline constexpr int kLicenceWarningDays = 30;
LicenceState licenceState(const domain::Employee& employee, domain::LocalDate today);

struct StaffRow {
    domain::Employee employee;
    LicenceState licence = LicenceState::None;
};

struct StaffList {
    domain::LocalDate today;
    std::vector<StaffRow> rows;                    // everyone, active or not, by name
};

// Every employee by name, with the state of their licence on the business's today.
StaffList loadStaff(domain::Store& store, domain::Instant now);

// Throws ValidationError naming the field (login taken or missing, name missing, password missing or
// shorter than 8 characters, licence expiry in the past), PermissionDenied for an acting employee
// without manage_staff.
domain::Employee addEmployee(domain::Store& store, const domain::Clock& clock, const NewEmployee& form,
                             std::optional<domain::Uuid> actingEmployeeId);

// `employee` is a login or an id. A role change is audited with the old and the new role.
domain::Employee editEmployee(domain::Store& store, const domain::Clock& clock, const std::string& employee,
                              const EmployeeEdit& edit, std::optional<domain::Uuid> actingEmployeeId);

// Employees are never deleted once they acted: they are deactivated and can no longer sign in.
// ConflictError when already inactive, or for the acting employee themselves.
domain::Employee deactivateEmployee(domain::Store& store, const domain::Clock& clock, const std::string& employee,
                                    std::optional<domain::Uuid> actingEmployeeId);

// Sets a new bcrypt password (and lets them sign in). PermissionDenied unless the acting employee
// is an administrator.
void resetPassword(domain::Store& store, const domain::Clock& clock, const std::string& employee,
                   const std::string& password, std::optional<domain::Uuid> actingEmployeeId);

struct DayOffRequest {
    std::string employee;                          // a login or an id
    domain::LocalDate from;
    domain::LocalDate to;
    std::string reason;
};
domain::DayOff addDayOff(domain::Store& store, const domain::Clock& clock, const DayOffRequest& request,
                         std::optional<domain::Uuid> actingEmployeeId);
// NotFound for an unknown id.
void removeDayOff(domain::Store& store, const domain::Clock& clock, const domain::Uuid& dayOffId,
                  std::optional<domain::Uuid> actingEmployeeId);

struct DayOffRow {
    domain::DayOff dayOff;
    std::string employeeName;
};
// Days off overlapping [from, to], of one employee (login or id) or of everyone when empty.
std::vector<DayOffRow> listDaysOff(domain::Store& store, const std::string& employee, domain::LocalDate from,
                                   domain::LocalDate to);

}  // namespace narcisse::app
