// Crew use cases on both engines: assigning, replacing and taking off boatmen, the refusals with
// their sentences, the warnings the day planning shows, and one audit entry per change.
#include "app/crew.h"
#include "app/planning.h"
#include "app/sales.h"
#include "domain/errors.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

struct Staff {
    Employee lucas{Uuid::generate(), "lucas", "Lucas Fischer", Role::Staff, true, "", ""};
    Employee hugo{Uuid::generate(), "hugo", "Hugo Weber", Role::Staff, true, "", ""};
    Employee lea{Uuid::generate(), "lea", "Léa Bauer", Role::Staff, false, "", ""};
    Employee claire{Uuid::generate(), "claire", "Claire Meyer", Role::Manager, true, "", ""};
};

Staff seedStaff(Store& store) {
    Staff s;
    store.write([&](StoreWriter& w) {
        for (const auto* e : {&s.lucas, &s.hugo, &s.lea, &s.claire}) w.saveEmployee(*e);
    });
    return s;
}

app::CrewRequest crew(const char* boat, const char* employee, bool replace = false) {
    app::CrewRequest r;
    r.date = bastilleDay();
    r.boat = boat;
    r.employee = employee;
    r.replace = replace;
    return r;
}

template <typename F>
std::string refusal(F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(accepted)";
}

std::vector<AuditEntry> audit(Store& store) {
    std::vector<AuditEntry> out;
    store.read([&](StoreReader& r) { out = r.latestAudit(10); });
    return out;
}

std::vector<std::string> messages(const std::vector<CrewWarning>& warnings) {
    std::vector<std::string> out;
    for (const auto& w : warnings) out.push_back(w.message);
    return out;
}

void sellOn(Store& store, const Clock& clock, const char* boat, const char* time = "10:00") {
    app::SaleRequest r;
    r.date = bastilleDay();
    r.time = parseWallTime(time, "time");
    r.party = {2, 0, 0};
    r.payment = PaymentMethod::Cash;
    r.boatName = boat;
    app::sellRide(store, clock, r);
}

}  // namespace

TEMPLATE_TEST_CASE("a boatman is assigned to a boat for a day, with one audit entry", "[crew]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const Staff s = seedStaff(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));

    auto request = crew("Ill", "lucas");
    request.actingEmployeeId = s.claire.id;
    const auto change = app::assignBoatman(*store, clock, request);
    CHECK(change.boatName == "Ill");
    CHECK(change.employeeName == "Lucas Fischer");
    CHECK_FALSE(change.replacedName.has_value());
    CHECK(change.warnings.empty());

    const auto plan = app::loadDayPlanning(*store, bastilleDay(), clock.now());
    REQUIRE(plan.boatmanOf(w.ill.id) != nullptr);
    CHECK(plan.boatmanOf(w.ill.id)->name == "Lucas Fischer");
    CHECK(plan.boatmanOf(w.lauch.id) == nullptr);
    // Another day is untouched.
    CHECK(app::loadDayPlanning(*store, LocalDate{date::year{2026}, date::July, date::day{15}}, clock.now())
              .crew.empty());

    const auto entries = audit(*store);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].action == "crew.assign");
    CHECK(entries[0].details == "Lucas Fischer on Ill on 2026-07-14");
    CHECK(entries[0].employeeId == s.claire.id);
    CHECK(entries[0].at == clock.now());

    // By id works as well as by name and login.
    auto byId = crew(w.lauch.id.str().c_str(), s.hugo.id.str().c_str());
    CHECK(app::assignBoatman(*store, clock, byId).boatName == "Lauch");
}

TEMPLATE_TEST_CASE("a boat's boatman is replaced only when asked for", "[crew]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    seedStaff(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    app::assignBoatman(*store, clock, crew("Ill", "lucas"));

    CHECK(refusal([&] { app::assignBoatman(*store, clock, crew("Ill", "hugo")); }) ==
          "Ill already has a boatman on 2026-07-14: replace them explicitly");
    CHECK(refusal([&] { app::assignBoatman(*store, clock, crew("Ill", "lucas", true)); }) ==
          "Lucas Fischer is already the boatman of Ill on 2026-07-14");
    CHECK(audit(*store).size() == 1);

    const auto change = app::assignBoatman(*store, clock, crew("Ill", "hugo", true));
    CHECK(change.replacedName == "Lucas Fischer");
    const auto plan = app::loadDayPlanning(*store, bastilleDay(), clock.now());
    REQUIRE(plan.crew.size() == 1);
    REQUIRE(plan.boatmanOf(w.ill.id) != nullptr);
    CHECK(plan.boatmanOf(w.ill.id)->name == "Hugo Weber");
    const auto entries = audit(*store);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].action == "crew.assign");
    CHECK(entries[0].details == "Hugo Weber on Ill on 2026-07-14, replacing Lucas Fischer");
}

TEMPLATE_TEST_CASE("only active staff members row; a refusal says why and writes nothing", "[crew]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const Staff s = seedStaff(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));

    CHECK(refusal([&] { app::assignBoatman(*store, clock, crew("Ill", "claire")); }) ==
          "Claire Meyer is manager, not a boatman (staff role)");
    CHECK_THROWS_AS(app::assignBoatman(*store, clock, crew("Ill", "claire")), ConflictError);
    CHECK(refusal([&] { app::assignBoatman(*store, clock, crew("Ill", "lea")); }) == "Léa Bauer is no longer active");
    CHECK(refusal([&] { app::assignBoatman(*store, clock, crew("Rhin", "lucas")); }) ==
          "there is no boat named \"Rhin\"");
    CHECK_THROWS_AS(app::assignBoatman(*store, clock, crew("Rhin", "lucas")), NotFound);
    CHECK(refusal([&] { app::assignBoatman(*store, clock, crew("Ill", "nobody")); }) ==
          "there is no employee with the login \"nobody\"");
    // A boatman may not hand out boats: the schedule is the managers' to edit.
    auto byBoatman = crew("Ill", "hugo");
    byBoatman.actingEmployeeId = s.lucas.id;
    CHECK(refusal([&] { app::assignBoatman(*store, clock, byBoatman); }) == "the staff role may not edit_timetable");
    CHECK_THROWS_AS(app::assignBoatman(*store, clock, byBoatman), PermissionDenied);

    CHECK(app::loadDayPlanning(*store, bastilleDay(), clock.now()).crew.empty());
    CHECK(audit(*store).empty());
}

TEMPLATE_TEST_CASE("the day planning warns about a boat booked without a boatman and a boatman on two boats", "[crew]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    openDrawer(*store);
    const Staff s = seedStaff(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    sellOn(*store, clock, "Lauch");
    app::assignBoatman(*store, clock, crew("Ill", "lucas"));

    auto plan = app::loadDayPlanning(*store, bastilleDay(), clock.now());
    CHECK(messages(plan.crewWarnings) == std::vector<std::string>{"Lauch has bookings and no boatman"});
    REQUIRE(plan.crewWarnings.size() == 1);
    CHECK(plan.crewWarnings[0].boatId == w.lauch.id);

    // Allowed, and said at once.
    const auto change = app::assignBoatman(*store, clock, crew("Lauch", "lucas"));
    CHECK(change.warnings == std::vector<std::string>{"Lucas Fischer is on Lauch and on Ill at once"});
    plan = app::loadDayPlanning(*store, bastilleDay(), clock.now());
    CHECK(messages(plan.crewWarnings) == std::vector<std::string>{"Lucas Fischer is on Ill and on Lauch at once",
                                                                  "Lucas Fischer is on Lauch and on Ill at once"});
    REQUIRE(plan.crewWarnings.size() == 2);
    CHECK(plan.crewWarnings[0].employeeId == s.lucas.id);

    const auto day = app::loadCrewDay(*store, bastilleDay(), clock.now());
    CHECK(day.boatmen.size() == 2);   // Hugo and Lucas; neither Léa (inactive) nor Claire (manager)
    CHECK(day.bookings == std::vector<int>{0, 1});
    CHECK(messages(day.warnings) == messages(plan.crewWarnings));
}

TEMPLATE_TEST_CASE("a boatman is taken off a boat with one audit entry", "[crew]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const Staff s = seedStaff(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    app::assignBoatman(*store, clock, crew("Ill", "lucas"));

    const auto change = app::unassignBoatman(*store, clock, bastilleDay(), "Ill", s.claire.id);
    CHECK(change.employeeName == "Lucas Fischer");
    CHECK(app::loadDayPlanning(*store, bastilleDay(), clock.now()).boatmanOf(w.ill.id) == nullptr);
    const auto entries = audit(*store);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].action == "crew.unassign");
    CHECK(entries[0].details == "Lucas Fischer off Ill on 2026-07-14");
    CHECK(entries[0].employeeId == s.claire.id);

    CHECK(refusal([&] { app::unassignBoatman(*store, clock, bastilleDay(), "Ill", std::nullopt); }) ==
          "Ill has no boatman on 2026-07-14");
    CHECK(audit(*store).size() == 2);
    // Once off, the boat takes a new boatman without `replace`.
    CHECK(app::assignBoatman(*store, clock, crew("Ill", "hugo")).employeeName == "Hugo Weber");
}

TEMPLATE_TEST_CASE("a boatman who is off that day or whose licence has expired by then is refused", "[crew]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    Staff s = seedStaff(*store);
    const FixedClock clock(at("2026-07-10T06:00:00Z"));
    store->write([&](StoreWriter& w) {
        w.saveDayOff({Uuid::generate(), s.lucas.id, LocalDate{date::year{2026}, date::July, date::day{13}},
                      LocalDate{date::year{2026}, date::July, date::day{15}}, "Congés"});
        s.hugo.licenceExpiry = LocalDate{date::year{2026}, date::July, date::day{13}};
        w.saveEmployee(s.hugo);
    });

    CHECK(refusal([&] { app::assignBoatman(*store, clock, crew("Ill", "lucas")); }) ==
          "Lucas Fischer is off on 2026-07-14 (Congés)");
    CHECK_THROWS_AS(app::assignBoatman(*store, clock, crew("Ill", "lucas")), ConflictError);
    CHECK(refusal([&] { app::assignBoatman(*store, clock, crew("Ill", "hugo")); }) ==
          "Hugo Weber's skipper licence expired on 2026-07-13");
    CHECK(audit(*store).empty());

    // The day after Lucas's leave, and the day Hugo's licence still holds, they row.
    auto after = crew("Ill", "lucas");
    after.date = LocalDate{date::year{2026}, date::July, date::day{16}};
    CHECK(app::assignBoatman(*store, clock, after).employeeName == "Lucas Fischer");
    auto stillValid = crew("Lauch", "hugo");
    stillValid.date = LocalDate{date::year{2026}, date::July, date::day{13}};
    CHECK(app::assignBoatman(*store, clock, stillValid).employeeName == "Hugo Weber");
}
