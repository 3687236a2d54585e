// The fleet use cases on both engines: boats added, edited and retired with exact refusals, a boat
// taken out of service through the closure flow with the seats on sale dropping at once, and the
// maintenance log's due dates (a recurring inspection included), each change audited.
#include "app/closures.h"
#include "app/fleet.h"
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

template <typename F>
std::string refusal(F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(accepted)";
}

app::BoatForm form(std::string name, int capacity, std::string colour = "#2CA02C") {
    app::BoatForm f;
    f.name = std::move(name);
    f.capacity = capacity;
    f.colour = std::move(colour);
    return f;
}

app::BoatForm formOf(const Boat& b) {
    return {b.name, b.capacity, b.colour, b.status, b.registration, b.notes};
}

Booking sell(Store& store, const Clock& clock, LocalDate day, const char* time, int adults, const char* boat) {
    app::SaleRequest r;
    r.date = day;
    r.time = parseWallTime(time, "time");
    r.party = {adults, 0, 0};
    r.payment = PaymentMethod::Cash;
    r.boatName = boat;
    return app::sellRide(store, clock, r).booking;
}

std::string lastAudit(Store& store) {
    std::string text;
    store.read([&](StoreReader& r) {
        const auto a = r.latestAudit(1).at(0);
        text = a.action + " " + a.details;
    });
    return text;
}

LocalDate ymd(int y, unsigned m, unsigned d) { return LocalDate{date::year{y}, date::month{m}, date::day{d}}; }

}  // namespace

TEMPLATE_TEST_CASE("boats are added, edited and retired with exact refusals", "[fleet]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    FixedClock clock(at("2026-07-14T06:00:00Z"));
    const World world = seedWorld(*store);
    openDrawer(*store);

    // Bad input names the field; nothing is written.
    CHECK(refusal([&] { app::addBoat(*store, clock, form("  ", 12), {}); }) == "name: a boat needs a name");
    CHECK(refusal([&] { app::addBoat(*store, clock, form("Krutenau", 0), {}); }) ==
          "capacity: must be between 1 and 50 seats");
    CHECK(refusal([&] { app::addBoat(*store, clock, form("Krutenau", 200), {}); }) ==
          "capacity: must be between 1 and 50 seats");
    CHECK(refusal([&] { app::addBoat(*store, clock, form("Krutenau", 12, "green"), {}); }) == "colour: must be #RRGGBB");
    CHECK(refusal([&] { app::addBoat(*store, clock, form("ill", 12), {}); }) ==
          "name: there is already a boat named \"Ill\"");

    auto krutenau = form("Krutenau", 20);
    krutenau.registration = "CO-1234";
    const Boat added = app::addBoat(*store, clock, krutenau, {});
    CHECK(added.sortOrder == 3);
    CHECK(lastAudit(*store) == "boat.add Krutenau, 20 seats, #2CA02C, registration CO-1234");
    auto fleet = app::loadFleet(*store, bastilleDay());
    REQUIRE(fleet.size() == 3);
    CHECK(fleet[2].boat.name == "Krutenau");
    CHECK(fleet[2].boat.registration == "CO-1234");

    // 8 seats sold on Ill at 11:00: its capacity cannot drop below that.
    sell(*store, clock, bastilleDay(), "11:00", 8, "Ill");
    auto smaller = formOf(world.ill);
    smaller.capacity = 6;
    CHECK(refusal([&] { app::editBoat(*store, clock, world.ill.id, smaller, {}); }) ==
          "Ill has 8 seats sold on the 2026-07-14 11:00 departure: its capacity cannot go below that");
    smaller.capacity = 8;
    smaller.registration = "CO-0001";
    app::editBoat(*store, clock, world.ill.id, smaller, {});
    CHECK(lastAudit(*store) == "boat.edit Ill: capacity 12 → 8, registration none → CO-0001");
    auto renamed = formOf(added);
    renamed.name = "Lauch";
    CHECK(refusal([&] { app::editBoat(*store, clock, added.id, renamed, {}); }) ==
          "name: there is already a boat named \"Lauch\"");
    // Taking it off sale by its status would strand the party: the closure flow is the way.
    auto maintenance = smaller;
    maintenance.status = BoatStatus::Maintenance;
    CHECK(refusal([&] { app::editBoat(*store, clock, world.ill.id, maintenance, {}); }) ==
          "Ill carries 1 future booking: take it out of service (its bookings are moved or cancelled) or move them first");

    // Retiring a boat that still carries bookings is refused; an idle one retires and goes last.
    CHECK(refusal([&] { app::retireBoat(*store, clock, "Ill", {}); }) ==
          "Ill carries 1 future booking: move them first, or take it out of service first");
    app::retireBoat(*store, clock, "Lauch", {});
    CHECK(lastAudit(*store) == "boat.retire Lauch retired");
    CHECK(refusal([&] { app::retireBoat(*store, clock, "Lauch", {}); }) == "Lauch is already retired");
    CHECK(refusal([&] { app::retireBoat(*store, clock, "Vauban", {}); }) == "there is no boat named \"Vauban\"");
    fleet = app::loadFleet(*store, bastilleDay());
    REQUIRE(fleet.size() == 3);
    CHECK(fleet[2].boat.name == "Lauch");
    CHECK(fleet[2].boat.status == BoatStatus::Retired);

    // Only a fleet manager may change the fleet.
    Employee boatman{Uuid::generate(), "lucas", "Lucas Fischer", Role::Staff, true, "", ""};
    store->write([&](StoreWriter& w) { w.saveEmployee(boatman); });
    CHECK(refusal([&] { app::addBoat(*store, clock, form("Vauban", 12), boatman.id); }) ==
          "the staff role may not manage_fleet");
}

TEMPLATE_TEST_CASE("a boat out of service drops its seats at once and hands its bookings to the closure flow",
                   "[fleet]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    FixedClock clock(at("2026-07-14T06:00:00Z"));
    seedWorld(*store);
    openDrawer(*store);
    const LocalDate day2 = nextDay(bastilleDay());
    const Booking a = sell(*store, clock, bastilleDay(), "11:00", 4, "Ill");
    const Booking b = sell(*store, clock, bastilleDay(), "11:30", 2, "Ill");
    const Booking c = sell(*store, clock, day2, "10:00", 3, "Ill");
    const Booking other = sell(*store, clock, ymd(2026, 7, 20), "10:00", 2, "Ill");   // after the range
    CHECK(app::loadDayPlanning(*store, bastilleDay(), clock.now()).seatsTotal() == 5 * 22);

    const auto scope = app::outOfServiceScope(*store, "Ill", bastilleDay(), day2, {});
    CHECK(scope.describe() == "2026-07-14–2026-07-15 on Ill");
    const auto preview = app::previewClosure(*store, scope, "Panne moteur", clock.now());
    CHECK(preview.block.start == at("2026-07-13T22:00:00Z"));
    CHECK(preview.block.end == at("2026-07-15T22:00:00Z"));
    REQUIRE(preview.affected.size() == 3);
    CHECK(preview.affected[0].booking.id == a.id);
    CHECK(preview.affected[1].booking.id == b.id);
    CHECK(preview.affected[2].booking.id == c.id);
    // Only Ill is closed: each party is offered its own departure on Lauch, the boat still sailing.
    const BusinessZone zone;
    auto first = [&](const app::AffectedBooking& x) {
        REQUIRE_FALSE(x.proposals.empty());
        const auto& p = x.proposals.front();
        return isoDate(zone.localDate(p.departure.start)) + " " + hhmm(zone.localMinutes(p.departure.start)) + " " +
               p.boatName;
    };
    CHECK(first(preview.affected[0]) == "2026-07-14 11:00 Lauch");
    CHECK(first(preview.affected[1]) == "2026-07-14 11:30 Lauch");
    CHECK(first(preview.affected[2]) == "2026-07-15 10:00 Lauch");

    app::ClosureRequest request;
    request.scope = scope;
    request.reason = "Panne moteur";
    for (std::size_t i = 0; i < 2; ++i) {
        const auto& x = preview.affected[i];
        request.decisions.push_back({x.booking.id, app::BookingDecision::Kind::Move, x.proposals.front().departure.start,
                                     x.proposals.front().boatId});
    }
    request.decisions.push_back({c.id, app::BookingDecision::Kind::Cancel, {}, {}});
    const auto result = app::applyClosure(*store, clock, request);
    CHECK(result.moved == 2);
    CHECK(result.cancelled == 1);
    CHECK(lastAudit(*store) == "closure.apply Panne moteur 2026-07-14–2026-07-15 on Ill: 2 moved, 1 cancelled "
                               "(refund owed 36.00 EUR), 0 notified; " +
                                   a.ref.str() + " → 2026-07-14 11:00 Lauch; " + b.ref.str() +
                                   " → 2026-07-14 11:30 Lauch; " + c.ref.str() + " cancelled, refund owed 36.00 EUR");

    // Ill's 12 seats are off sale on both days at once, and back after the range.
    const auto planning = app::loadDayPlanning(*store, bastilleDay(), clock.now());
    CHECK(planning.seatsTotal() == 5 * 10);
    CHECK(planning.seatsHeld() == 6);
    CHECK(app::loadDayPlanning(*store, day2, clock.now()).seatsTotal() == 5 * 10);
    CHECK(app::loadDayPlanning(*store, ymd(2026, 7, 16), clock.now()).seatsTotal() == 5 * 22);
    store->read([&](StoreReader& r) {
        CHECK(r.bookingById(a.id)->boatId == planning.boats[1].id);
        CHECK(r.bookingById(c.id)->state == BookingState::Cancelled);
        CHECK(r.bookingById(other.id)->state == BookingState::Confirmed);
    });

    // Open-ended: through the end of the timetable.
    const auto open = app::outOfServiceScope(*store, "Ill", ymd(2026, 7, 20), std::nullopt, {});
    CHECK(open.describe() == "2026-07-20–2026-10-31 on Ill");
    CHECK(app::previewClosure(*store, open, "Hivernage", clock.now()).affected.size() == 1);
    CHECK(refusal([&] { app::outOfServiceScope(*store, "Ill", day2, bastilleDay(), {}); }) ==
          "to: must not be before the first day");
}

TEMPLATE_TEST_CASE("the maintenance log gives the last work done and the next due, recurring inspections included",
                   "[fleet]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    FixedClock clock(at("2026-07-14T06:00:00Z"));
    seedWorld(*store);

    app::MaintenanceRequest inspection;
    inspection.boat = "Ill";
    inspection.kind = MaintenanceKind::Inspection;
    inspection.title = "Contrôle annuel";
    inspection.plannedOn = ymd(2026, 5, 1);
    inspection.recurEveryDays = 365;
    const auto yearly = app::addMaintenance(*store, clock, inspection, {});
    CHECK(lastAudit(*store) == "maintenance.add Inspection \"Contrôle annuel\" on Ill planned 2026-05-01, every 365 days");
    auto fleet = app::loadFleet(*store, bastilleDay());
    CHECK(fleet[0].maintenance.nextDue == ymd(2026, 5, 1));
    CHECK(fleet[0].overdue);
    CHECK_FALSE(fleet[0].maintenance.lastDone);

    app::markMaintenanceDone(*store, clock, {yearly.id, ymd(2026, 5, 2), Money::cents(12050), "Chantier Naval Rhin"}, {});
    CHECK(lastAudit(*store) ==
          "maintenance.done Inspection \"Contrôle annuel\" on Ill done 2026-05-02 by Chantier Naval Rhin, cost 120.50 EUR");
    fleet = app::loadFleet(*store, bastilleDay());
    CHECK(fleet[0].maintenance.lastDone == ymd(2026, 5, 2));
    CHECK(fleet[0].maintenance.nextDue == ymd(2027, 5, 2));   // a year after it was done
    CHECK(fleet[0].maintenance.nextTitle == "Contrôle annuel");
    CHECK_FALSE(fleet[0].overdue);

    app::MaintenanceRequest pump;
    pump.boat = "Ill";
    pump.kind = MaintenanceKind::Repair;
    pump.title = "Pompe de cale";
    pump.priority = Priority::High;
    pump.plannedOn = ymd(2026, 7, 20);
    const auto repair = app::addMaintenance(*store, clock, pump, {});
    fleet = app::loadFleet(*store, bastilleDay());
    CHECK(fleet[0].maintenance.nextDue == ymd(2026, 7, 20));
    CHECK(fleet[0].maintenance.nextTitle == "Pompe de cale");
    CHECK_FALSE(fleet[1].maintenance.nextDue);   // Lauch has no log

    // Refusals: the exact field or reason, nothing written.
    auto untitled = pump;
    untitled.title = "";
    CHECK(refusal([&] { app::addMaintenance(*store, clock, untitled, {}); }) == "title: say what is to be done");
    CHECK(refusal([&] { app::markMaintenanceDone(*store, clock, {repair.id, ymd(2026, 7, 15), {}, ""}, {}); }) ==
          "done date: is in the future");
    CHECK(refusal([&] { app::markMaintenanceDone(*store, clock, {yearly.id, ymd(2026, 7, 1), {}, ""}, {}); }) ==
          "\"Contrôle annuel\" was already done on 2026-05-02");

    // Filters.
    CHECK(app::listMaintenance(*store, {}).size() == 2);
    CHECK(app::listMaintenance(*store, {std::string("Lauch"), {}, {}, {}}).empty());
    const auto open = app::listMaintenance(*store, {std::nullopt, std::nullopt, false, std::nullopt});
    REQUIRE(open.size() == 1);
    CHECK(open[0].record.title == "Pompe de cale");
    CHECK(open[0].boatName == "Ill");
    CHECK(app::listMaintenance(*store, {std::nullopt, MaintenanceKind::Inspection, {}, {}}).size() == 1);
    CHECK(app::listMaintenance(*store, {std::nullopt, {}, {}, Priority::Low}).empty());
}
