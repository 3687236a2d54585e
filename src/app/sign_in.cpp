#include "app/sign_in.h"

#include "app/demo_data.h"
#include "app/fiscal_log.h"
#include "app/settings.h"
#include "data/password.h"
#include "domain/errors.h"

namespace narcisse::app {

using namespace narcisse::domain;

Employee signIn(Store& store, const std::string& login, const std::string& password) {
    if (login.empty()) throw ValidationError("login", "enter your login");
    std::optional<Employee> employee;
    store.read([&](StoreReader& r) { employee = r.employeeByLogin(login); });
    // One message for an unknown login and a wrong password: do not tell which logins exist.
    if (!employee || !data::verifyPassword(password, employee->passwordHash))
        throw ValidationError("password", "wrong login or password");
    if (!employee->active) throw ConflictError(employee->name + "'s account is deactivated: ask an administrator");
    store.write([&](StoreWriter& w) {
        const Instant now = SystemClock().now();
        w.appendAudit({Uuid::generate(), now, employee->id, "session.sign_in", "employee", employee->id.str(),
                       employee->login});
        recordEvent(w, EventKind::SignIn, now, employee->id, employee->name);
    });
    return *employee;
}

void signOut(Store& store, const Clock& clock, const Employee& employee) {
    store.write([&](StoreWriter& w) {
        const Instant now = clock.now();
        w.appendAudit({Uuid::generate(), now, employee.id, "session.sign_out", "employee", employee.id.str(),
                       employee.login});
        recordEvent(w, EventKind::SignOut, now, employee.id, employee.name);
    });
}

std::optional<DemoCredentials> demoCredentials(Store& store) {
    bool demo = false;
    store.read([&](StoreReader& r) { demo = r.setting(setting_keys::kDemo).value_or("") == "1"; });
    if (!demo) return std::nullopt;
    return DemoCredentials{kDemoManagerLogin, kDemoPassword};
}

}  // namespace narcisse::app
