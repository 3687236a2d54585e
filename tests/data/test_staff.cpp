// Staff use cases on both engines: adding, editing, deactivating employees and resetting their
// passwords, days off; the refusals with their exact sentences and one audit entry per change.
#include "app/sign_in.h"
#include "app/integrity.h"
#include "app/staff.h"
#include "domain/errors.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

struct Team {
    Employee mathieu{Uuid::generate(), "mathieu", "Mathieu Kieffer", Role::Admin, true, "", ""};
    Employee claire{Uuid::generate(), "claire", "Claire Meyer", Role::Manager, true, "", ""};
};

Team seedTeam(Store& store) {
    Team t;
    store.write([&](StoreWriter& w) {
        w.saveEmployee(t.mathieu);
        w.saveEmployee(t.claire);
    });
    return t;
}

app::NewEmployee lucas() {
    app::NewEmployee n;
    n.login = "lucas";
    n.name = "Lucas Fischer";
    n.role = Role::Staff;
    n.phone = "+33 6 12 34 56 78";
    n.canSignIn = true;
    n.password = "rivière-2026";
    n.licenceNumber = "CR-68-1234";
    n.licenceExpiry = LocalDate{date::year{2027}, date::March, date::day{31}};
    return n;
}

template <typename F>
std::string refusal(F&& f) {
    try {
        f();
    } catch (const ValidationError& e) {
        return "[" + e.field() + "] " + e.what();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(accepted)";
}

std::vector<AuditEntry> audit(Store& store) {
    std::vector<AuditEntry> out;
    store.read([&](StoreReader& r) { out = r.latestAudit(20); });
    return out;
}

Employee stored(Store& store, const char* login) {
    std::optional<Employee> e;
    store.read([&](StoreReader& r) { e = r.employeeByLogin(login); });
    REQUIRE(e);
    return *e;
}

const FixedClock kClock(at("2026-07-14T08:00:00Z"));

}  // namespace

TEMPLATE_TEST_CASE("an employee is added with a bcrypt password and can sign in", "[staff]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const Team t = seedTeam(*store);

    const auto added = app::addEmployee(*store, kClock, lucas(), t.mathieu.id);
    const auto e = stored(*store, "lucas");
    CHECK(e.id == added.id);
    CHECK(e.name == "Lucas Fischer");
    CHECK(e.phone == "+33 6 12 34 56 78");
    CHECK(e.licenceNumber == "CR-68-1234");
    CHECK(e.licenceExpiry == LocalDate{date::year{2027}, date::March, date::day{31}});
    CHECK(e.passwordHash.rfind("$2b$", 0) == 0);
    CHECK(app::signIn(*store, "lucas", "rivière-2026").id == e.id);

    const auto entries = audit(*store);
    REQUIRE(entries.size() >= 2);
    CHECK(entries.back().action == "employee.add");
    CHECK(entries.back().details == "Lucas Fischer (lucas), staff by Mathieu Kieffer");
    CHECK(entries.back().employeeId == t.mathieu.id);

    const auto list = app::loadStaff(*store, kClock.now());
    CHECK(list.today == bastilleDay());
    REQUIRE(list.rows.size() == 3);
    CHECK(list.rows[1].employee.name == "Lucas Fischer");
    CHECK(list.rows[1].licence == app::LicenceState::Valid);
}

TEMPLATE_TEST_CASE("bad employees are refused naming the field, and nothing is written", "[staff]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    const Team t = seedTeam(*store);

    auto noName = lucas();
    noName.name = "  ";
    CHECK(refusal([&] { app::addEmployee(*store, kClock, noName, t.mathieu.id); }) == "[name] name: is required");
    auto taken = lucas();
    taken.login = "claire";
    CHECK(refusal([&] { app::addEmployee(*store, kClock, taken, t.mathieu.id); }) ==
          "[login] login: \"claire\" is already taken by Claire Meyer");
    auto expired = lucas();
    expired.licenceExpiry = LocalDate{date::year{2026}, date::July, date::day{13}};
    CHECK(refusal([&] { app::addEmployee(*store, kClock, expired, t.mathieu.id); }) ==
          "[licence expiry] licence expiry: is in the past");
    auto shortPassword = lucas();
    shortPassword.password = "ill";
    CHECK(refusal([&] { app::addEmployee(*store, kClock, shortPassword, t.mathieu.id); }) ==
          "[password] password: must have at least 8 characters");
    // A manager runs the desk, not the staff.
    CHECK(refusal([&] { app::addEmployee(*store, kClock, lucas(), t.claire.id); }) ==
          "the manager role may not manage_staff");
    CHECK_THROWS_AS(app::addEmployee(*store, kClock, lucas(), t.claire.id), PermissionDenied);

    CHECK(app::loadStaff(*store, kClock.now()).rows.size() == 2);
    CHECK(audit(*store).empty());
}

TEMPLATE_TEST_CASE("a role change is audited with the old and the new role", "[staff]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const Team t = seedTeam(*store);
    app::addEmployee(*store, kClock, lucas(), t.mathieu.id);

    app::EmployeeEdit promote;
    promote.role = Role::Manager;
    CHECK(app::editEmployee(*store, kClock, "lucas", promote, t.mathieu.id).role == Role::Manager);
    CHECK(stored(*store, "lucas").role == Role::Manager);
    auto entries = audit(*store);
    CHECK(entries[0].action == "employee.role");
    CHECK(entries[0].details == "role of Lucas Fischer: staff → manager by Mathieu Kieffer");
    // … and in the technical event journal, as a change of rights.
    const auto events = app::technicalEvents(*store, 5);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == EventKind::RightsChange);
    CHECK(events[0].employee == "mathieu");
    CHECK(events[0].details == "role of Lucas Fischer: staff → manager");

    app::EmployeeEdit contact;
    contact.phone = "+33 3 89 00 00 00";
    contact.notes = "Prefers mornings";
    contact.role = Role::Manager;   // unchanged: not mentioned
    app::editEmployee(*store, kClock, "lucas", contact, t.mathieu.id);
    entries = audit(*store);
    CHECK(entries[0].action == "employee.edit");
    CHECK(entries[0].details == "Lucas Fischer: phone, notes changed by Mathieu Kieffer");

    // The same edit again changes nothing and leaves no trace.
    const auto count = audit(*store).size();
    app::editEmployee(*store, kClock, "lucas", contact, t.mathieu.id);
    CHECK(audit(*store).size() == count);

    app::EmployeeEdit past;
    past.licenceExpiry = LocalDate{date::year{2026}, date::June, date::day{30}};
    CHECK(refusal([&] { app::editEmployee(*store, kClock, "lucas", past, t.mathieu.id); }) ==
          "[licence expiry] licence expiry: is in the past");
    app::EmployeeEdit byManager;
    byManager.name = "Luc";
    CHECK(refusal([&] { app::editEmployee(*store, kClock, "lucas", byManager, t.claire.id); }) ==
          "the manager role may not manage_staff");
}

TEMPLATE_TEST_CASE("a deactivated employee stays on record and cannot sign in", "[staff]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const Team t = seedTeam(*store);
    app::addEmployee(*store, kClock, lucas(), t.mathieu.id);

    app::deactivateEmployee(*store, kClock, "lucas", t.mathieu.id);
    const auto e = stored(*store, "lucas");
    CHECK_FALSE(e.active);
    CHECK(audit(*store)[0].details == "Lucas Fischer deactivated by Mathieu Kieffer");
    CHECK(refusal([&] { app::signIn(*store, "lucas", "rivière-2026"); }) ==
          "Lucas Fischer's account is deactivated: ask an administrator");
    CHECK(refusal([&] { app::deactivateEmployee(*store, kClock, "lucas", t.mathieu.id); }) ==
          "Lucas Fischer is already inactive");
    CHECK(refusal([&] { app::deactivateEmployee(*store, kClock, "mathieu", t.mathieu.id); }) ==
          "you cannot deactivate your own account");
    // An inactive employee's expired licence is history: saving them is allowed.
    app::EmployeeEdit old;
    old.licenceExpiry = LocalDate{date::year{2025}, date::June, date::day{30}};
    CHECK(app::editEmployee(*store, kClock, "lucas", old, t.mathieu.id).licenceExpiry == old.licenceExpiry);
}

TEMPLATE_TEST_CASE("only an administrator resets a password", "[staff]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const Team t = seedTeam(*store);
    app::addEmployee(*store, kClock, lucas(), t.mathieu.id);
    const auto before = stored(*store, "lucas").passwordHash;

    CHECK(refusal([&] { app::resetPassword(*store, kClock, "lucas", "nouveau-2026", t.claire.id); }) ==
          "only an administrator may reset a password; Claire Meyer is manager");
    CHECK_THROWS_AS(app::resetPassword(*store, kClock, "lucas", "nouveau-2026", t.claire.id), PermissionDenied);
    CHECK(stored(*store, "lucas").passwordHash == before);

    app::resetPassword(*store, kClock, "lucas", "nouveau-2026", t.mathieu.id);
    CHECK(app::signIn(*store, "lucas", "nouveau-2026").name == "Lucas Fischer");
    CHECK_THROWS_AS(app::signIn(*store, "lucas", "rivière-2026"), ValidationError);
    const auto entries = audit(*store);
    CHECK(entries[1].action == "employee.password");   // [0] is the sign-in
    CHECK(entries[1].details == "password of Lucas Fischer reset by Mathieu Kieffer");

    // No sign-in: the password goes, and signing in fails like a wrong password.
    app::EmployeeEdit noAccount;
    noAccount.canSignIn = false;
    app::editEmployee(*store, kClock, "lucas", noAccount, t.mathieu.id);
    CHECK(stored(*store, "lucas").passwordHash.empty());
    CHECK_THROWS_AS(app::signIn(*store, "lucas", "nouveau-2026"), ValidationError);
}

TEMPLATE_TEST_CASE("days off are added, listed and removed with an audit entry each", "[staff]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    const Team t = seedTeam(*store);
    app::addEmployee(*store, kClock, lucas(), t.mathieu.id);

    const auto off = app::addDayOff(*store, kClock,
                                    {"lucas", bastilleDay(), LocalDate{date::year{2026}, date::July, date::day{16}},
                                     "Congés"},
                                    t.mathieu.id);
    CHECK(audit(*store)[0].details == "Lucas Fischer off 2026-07-14 → 2026-07-16 (Congés) by Mathieu Kieffer");
    const auto july = app::listDaysOff(*store, "lucas", LocalDate{date::year{2026}, date::July, date::day{1}},
                                       LocalDate{date::year{2026}, date::July, date::day{31}});
    REQUIRE(july.size() == 1);
    CHECK(july[0].dayOff.id == off.id);
    CHECK(july[0].dayOff.reason == "Congés");
    CHECK(july[0].dayOff.to == LocalDate{date::year{2026}, date::July, date::day{16}});
    CHECK(july[0].employeeName == "Lucas Fischer");
    CHECK(app::listDaysOff(*store, "mathieu", bastilleDay(), bastilleDay()).empty());

    CHECK(refusal([&] {
              app::addDayOff(*store, kClock,
                             {"lucas", bastilleDay(), LocalDate{date::year{2026}, date::July, date::day{1}}, ""},
                             t.mathieu.id);
          }) == "[to] to: must not be before from");

    app::removeDayOff(*store, kClock, off.id, t.mathieu.id);
    CHECK(audit(*store)[0].details == "day off of Lucas Fischer 2026-07-14 → 2026-07-16 removed by Mathieu Kieffer");
    CHECK(app::listDaysOff(*store, "", bastilleDay(), bastilleDay()).empty());
    CHECK(refusal([&] { app::removeDayOff(*store, kClock, off.id, t.mathieu.id); }) ==
          "there is no day off " + off.id.str());
}

TEST_CASE("a licence's state on a day: expired, expiring within 30 days, valid", "[staff]") {
    Employee e{Uuid::generate(), "lucas", "Lucas Fischer", Role::Staff, true, "", ""};
    CHECK(app::licenceState(e, bastilleDay()) == app::LicenceState::None);
    e.licenceExpiry = LocalDate{date::year{2026}, date::July, date::day{13}};
    CHECK(app::licenceState(e, bastilleDay()) == app::LicenceState::Expired);
    e.licenceExpiry = bastilleDay();
    CHECK(app::licenceState(e, bastilleDay()) == app::LicenceState::ExpiresSoon);
    e.licenceExpiry = LocalDate{date::year{2026}, date::August, date::day{13}};
    CHECK(app::licenceState(e, bastilleDay()) == app::LicenceState::ExpiresSoon);
    e.licenceExpiry = LocalDate{date::year{2026}, date::August, date::day{14}};
    CHECK(app::licenceState(e, bastilleDay()) == app::LicenceState::Valid);
}
