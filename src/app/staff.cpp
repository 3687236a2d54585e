#include "app/staff.h"

#include "app/fiscal_log.h"

#include "app/settings.h"
#include "data/password.h"
#include "domain/errors.h"

#include <algorithm>

namespace narcisse::app {

using namespace narcisse::domain;

namespace {

constexpr std::size_t kMinPasswordLength = 8;

std::optional<Employee> byId(StoreReader& r, const Uuid& id) {
    for (auto& e : r.employees())
        if (e.id == id) return e;
    return std::nullopt;
}

Employee findEmployee(StoreReader& r, const std::string& loginOrId) {
    if (const auto id = Uuid::parse(loginOrId))
        if (auto e = byId(r, *id)) return *e;
    if (auto e = r.employeeByLogin(loginOrId)) return *e;
    throw NotFound("there is no employee with the login \"" + loginOrId + "\"");
}

// Who acts, checked for `action`; nothing when the change comes from the command line.
std::optional<Employee> actingEmployee(StoreReader& r, const std::optional<Uuid>& acting, Action action) {
    if (!acting) return std::nullopt;
    auto e = byId(r, *acting);
    if (!e) throw NotFound("the signed-in employee no longer exists");
    requirePermission(e->role, action);
    return e;
}

std::string by(const std::optional<Employee>& acting) { return acting ? " by " + acting->name : std::string(); }

LocalDate today(StoreReader& r, Instant now) { return BusinessZone(loadBusinessSettings(r).timeZone).localDate(now); }

// The rules a saved employee must meet beyond its own validate(): they need the store or today.
void checkForSave(StoreReader& r, const Employee& e, LocalDate today) {
    e.validate();
    if (auto other = r.employeeByLogin(e.login); other && other->id != e.id)
        throw ValidationError("login", "\"" + e.login + "\" is already taken by " + other->name);
    // An inactive employee's old licence is history, not a mistake.
    if (e.active && e.licenceExpiry && *e.licenceExpiry < today) throw ValidationError("licence expiry", "is in the past");
}

void checkPassword(const std::string& password) {
    if (password.empty()) throw ValidationError("password", "is required to sign in");
    if (password.size() < kMinPasswordLength) throw ValidationError("password", "must have at least 8 characters");
}

void audit(StoreWriter& w, const Clock& clock, const std::optional<Employee>& acting, const char* action,
           const std::string& entity, const std::string& entityId, const std::string& details) {
    w.appendAudit({Uuid::generate(), clock.now(), acting ? std::optional(acting->id) : std::nullopt, action, entity,
                   entityId, details + by(acting)});
}

std::string range(const DayOff& d) { return isoDate(d.from) + " → " + isoDate(d.to); }

}  // namespace

LicenceState licenceState(const Employee& employee, LocalDate today) {
    if (!employee.licenceExpiry) return LicenceState::None;
    const auto expiry = date::sys_days{*employee.licenceExpiry};
    const auto day = date::sys_days{today};
    if (expiry < day) return LicenceState::Expired;
    if (expiry - day <= date::days{kLicenceWarningDays}) return LicenceState::ExpiresSoon;
    return LicenceState::Valid;
}

StaffList loadStaff(Store& store, Instant now) {
    StaffList list;
    store.read([&](StoreReader& r) {
        list.today = today(r, now);
        for (auto& e : r.employees()) list.rows.push_back({e, licenceState(e, list.today)});
    });
    return list;
}

Employee addEmployee(Store& store, const Clock& clock, const NewEmployee& form, std::optional<Uuid> actingEmployeeId) {
    Employee e{Uuid::generate(), form.login, form.name, form.role, true, "", form.email};
    e.phone = form.phone;
    e.canSignIn = form.canSignIn;
    e.licenceNumber = form.licenceNumber;
    e.licenceExpiry = form.licenceExpiry;
    e.notes = form.notes;
    store.write([&](StoreWriter& w) {
        const auto acting = actingEmployee(w, actingEmployeeId, Action::ManageStaff);
        checkForSave(w, e, today(w, clock.now()));
        if (e.canSignIn) {
            checkPassword(form.password);
            e.passwordHash = data::hashPassword(form.password);
        }
        w.saveEmployee(e);
        audit(w, clock, acting, "employee.add", "employee", e.id.str(),
              e.name + " (" + e.login + "), " + std::string(toString(e.role)));
    });
    return e;
}

Employee editEmployee(Store& store, const Clock& clock, const std::string& employee, const EmployeeEdit& edit,
                      std::optional<Uuid> actingEmployeeId) {
    Employee e;
    store.write([&](StoreWriter& w) {
        const auto acting = actingEmployee(w, actingEmployeeId, Action::ManageStaff);
        const Employee before = findEmployee(w, employee);
        e = before;
        std::vector<std::string> changed;
        auto apply = [&changed](auto& field, const auto& value, const char* name) {
            if (value && field != *value) {
                field = *value;
                changed.push_back(name);
            }
        };
        apply(e.login, edit.login, "login");
        apply(e.name, edit.name, "name");
        apply(e.email, edit.email, "email");
        apply(e.phone, edit.phone, "phone");
        apply(e.canSignIn, edit.canSignIn, "sign-in");
        apply(e.licenceNumber, edit.licenceNumber, "licence number");
        apply(e.licenceExpiry, edit.licenceExpiry, "licence expiry");
        apply(e.notes, edit.notes, "notes");
        if (edit.role) e.role = *edit.role;
        checkForSave(w, e, today(w, clock.now()));
        // signIn only checks the hash: without a hash nobody signs in, so the flag and the hash agree.
        if (!e.canSignIn) e.passwordHash.clear();
        if (e.canSignIn && e.passwordHash.empty())
            throw ValidationError("can sign in", "set a password with Reset password first");
        if (changed.empty() && e.role == before.role) return;   // nothing to save, nothing to audit
        w.saveEmployee(e);

        std::vector<std::string> parts;
        if (e.role != before.role)
            parts.push_back("role of " + e.name + ": " + std::string(toString(before.role)) + " → " +
                            std::string(toString(e.role)));
        if (!changed.empty()) {
            std::string list;
            for (const auto& c : changed) list += (list.empty() ? "" : ", ") + c;
            parts.push_back(e.name + ": " + list + " changed");
        }
        std::string details;
        for (const auto& p : parts) details += (details.empty() ? "" : "; ") + p;
        audit(w, clock, acting, e.role != before.role ? "employee.role" : "employee.edit", "employee", e.id.str(),
              details);
        // A change of rights belongs in the technical event journal too (cash-register law).
        if (e.role != before.role)
            recordEvent(w, EventKind::RightsChange, clock.now(), acting ? std::optional(acting->id) : std::nullopt,
                        parts.front());
    });
    return e;
}

Employee deactivateEmployee(Store& store, const Clock& clock, const std::string& employee,
                            std::optional<Uuid> actingEmployeeId) {
    Employee e;
    store.write([&](StoreWriter& w) {
        const auto acting = actingEmployee(w, actingEmployeeId, Action::ManageStaff);
        e = findEmployee(w, employee);
        if (!e.active) throw ConflictError(e.name + " is already inactive");
        // Nobody would be left to undo it on a small team.
        if (acting && acting->id == e.id) throw ConflictError("you cannot deactivate your own account");
        e.active = false;
        w.saveEmployee(e);
        audit(w, clock, acting, "employee.deactivate", "employee", e.id.str(), e.name + " deactivated");
    });
    return e;
}

void resetPassword(Store& store, const Clock& clock, const std::string& employee, const std::string& password,
                   std::optional<Uuid> actingEmployeeId) {
    checkPassword(password);
    // bcrypt is slow on purpose: hash before the transaction so it holds no lock meanwhile.
    const std::string hash = data::hashPassword(password);
    store.write([&](StoreWriter& w) {
        std::optional<Employee> acting;
        if (actingEmployeeId) {
            acting = byId(w, *actingEmployeeId);
            if (!acting) throw NotFound("the signed-in employee no longer exists");
            if (acting->role != Role::Admin)
                throw PermissionDenied("only an administrator may reset a password; " + acting->name + " is " +
                                       std::string(toString(acting->role)));
        }
        Employee e = findEmployee(w, employee);
        e.passwordHash = hash;
        e.canSignIn = true;
        w.saveEmployee(e);
        audit(w, clock, acting, "employee.password", "employee", e.id.str(), "password of " + e.name + " reset");
    });
}

DayOff addDayOff(Store& store, const Clock& clock, const DayOffRequest& request, std::optional<Uuid> actingEmployeeId) {
    DayOff off{Uuid::generate(), Uuid{}, request.from, request.to, request.reason};
    off.validate();
    store.write([&](StoreWriter& w) {
        const auto acting = actingEmployee(w, actingEmployeeId, Action::ManageStaff);
        const Employee e = findEmployee(w, request.employee);
        off.employeeId = e.id;
        w.saveDayOff(off);
        audit(w, clock, acting, "employee.day_off", "day_off", off.id.str(),
              e.name + " off " + range(off) + (off.reason.empty() ? "" : " (" + off.reason + ")"));
    });
    return off;
}

void removeDayOff(Store& store, const Clock& clock, const Uuid& dayOffId, std::optional<Uuid> actingEmployeeId) {
    store.write([&](StoreWriter& w) {
        const auto acting = actingEmployee(w, actingEmployeeId, Action::ManageStaff);
        // The port reads days off by dates only; these bounds hold every day off the business will record.
        const auto all = w.daysOff(LocalDate{date::year{1900}, date::January, date::day{1}},
                                   LocalDate{date::year{2999}, date::December, date::day{31}});
        const auto off = std::find_if(all.begin(), all.end(), [&](const DayOff& d) { return d.id == dayOffId; });
        if (off == all.end()) throw NotFound("there is no day off " + dayOffId.str());
        const auto e = byId(w, off->employeeId);
        w.deleteDayOff(dayOffId);
        audit(w, clock, acting, "employee.day_off_removed", "day_off", dayOffId.str(),
              "day off of " + (e ? e->name : std::string("an unknown employee")) + " " + range(*off) + " removed");
    });
}

std::vector<DayOffRow> listDaysOff(Store& store, const std::string& employee, LocalDate from, LocalDate to) {
    if (!from.ok()) throw ValidationError("from", "is not a date");
    if (!to.ok()) throw ValidationError("to", "is not a date");
    std::vector<DayOffRow> out;
    store.read([&](StoreReader& r) {
        std::optional<Uuid> only;
        if (!employee.empty()) only = findEmployee(r, employee).id;
        const auto everyone = r.employees();
        for (auto& d : r.daysOff(from, to)) {
            if (only && d.employeeId != *only) continue;
            const auto e = std::find_if(everyone.begin(), everyone.end(), [&](const Employee& x) { return x.id == d.employeeId; });
            out.push_back({d, e == everyone.end() ? std::string("an unknown employee") : e->name});
        }
    });
    return out;
}

}  // namespace narcisse::app
