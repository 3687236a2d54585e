// Embedded-mode sign-in: bcrypt hashes, one message for every failure, audit of each sign-in.
#include "app/integrity.h"
#include "app/sign_in.h"
#include "data/password.h"
#include "domain/errors.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

TEST_CASE("passwords are stored as bcrypt $2b$ hashes with a fresh salt", "[sign-in]") {
    const std::string a = data::hashPassword("Colmar 1226!");
    const std::string b = data::hashPassword("Colmar 1226!");
    CHECK(a.rfind("$2b$11$", 0) == 0);
    CHECK(a.size() == 60);
    CHECK(a != b);
    CHECK(data::verifyPassword("Colmar 1226!", a));
    CHECK(data::verifyPassword("Colmar 1226!", b));
    CHECK_FALSE(data::verifyPassword("colmar 1226!", a));
    CHECK_FALSE(data::verifyPassword("", a));
    CHECK_FALSE(data::verifyPassword("Colmar 1226!", ""));
    CHECK_FALSE(data::verifyPassword("Colmar 1226!", "plain text"));
}

TEMPLATE_TEST_CASE("an employee signs in with the right password only", "[sign-in]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const Employee claire{Uuid::generate(), "claire", "Claire Schmitt", Role::Manager, true,
                          data::hashPassword("narcisse"), ""};
    const Employee gone{Uuid::generate(), "marc", "Marc Weber", Role::Staff, false, data::hashPassword("narcisse"), ""};
    store->write([&](StoreWriter& tx) {
        tx.saveEmployee(claire);
        tx.saveEmployee(gone);
    });

    const Employee signedIn = app::signIn(*store, "claire", "narcisse");
    CHECK(signedIn.id == claire.id);
    CHECK(signedIn.role == Role::Manager);
    std::vector<AuditEntry> audit;
    store->read([&](StoreReader& r) { audit = r.latestAudit(10); });
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].action == "session.sign_in");
    REQUIRE(audit[0].employeeId);
    CHECK(*audit[0].employeeId == claire.id);

    // Sign-in and sign-out also go to the technical event journal (cash-register law).
    app::signOut(*store, FixedClock(at("2026-07-14T18:00:00Z")), signedIn);
    const auto events = app::technicalEvents(*store, 10);
    REQUIRE(events.size() == 2);
    CHECK(events[0].kind == EventKind::SignOut);
    CHECK(events[0].employee == "claire");
    CHECK(events[1].kind == EventKind::SignIn);
    CHECK(events[1].details == "Claire Schmitt");

    auto failure = [&](const std::string& login, const std::string& password) -> std::pair<std::string, std::string> {
        try {
            app::signIn(*store, login, password);
        } catch (const ValidationError& e) {
            return {e.field(), e.message()};
        } catch (const ConflictError& e) {
            return {"conflict", e.what()};
        }
        return {"", "(signed in)"};
    };
    using Pair = std::pair<std::string, std::string>;
    CHECK(failure("claire", "Narcisse") == Pair{"password", "wrong login or password"});
    CHECK(failure("nobody", "narcisse") == Pair{"password", "wrong login or password"});
    CHECK(failure("", "narcisse") == Pair{"login", "enter your login"});
    CHECK(failure("marc", "narcisse") == Pair{"conflict", "Marc Weber's account is deactivated: ask an administrator"});
    store->read([&](StoreReader& r) { audit = r.latestAudit(10); });
    CHECK(audit.size() == 2);   // the sign-in and the sign-out: failed attempts signed nobody in
}

TEMPLATE_TEST_CASE("only a demo database shows its credentials", "[sign-in]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    CHECK_FALSE(app::demoCredentials(*store));
    store->write([](StoreWriter& tx) { tx.setSetting("demo", "1"); });
    const auto demo = app::demoCredentials(*store);
    REQUIRE(demo);
    CHECK(demo->login == "claire");
    CHECK(demo->password == "narcisse");
}
