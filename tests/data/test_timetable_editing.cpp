// Timetable editing on both engines: a change that would take away a departure holding seats is
// refused with exactly those bookings and writes nothing; cancelled departures cannot be sold,
// extra ones can; every change is one audit entry.
#include "app/sales.h"
#include "app/timetable_editing.h"
#include "domain/errors.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

app::SaleRequest sale(const char* time, LocalDate on = bastilleDay(), const char* boat = "Ill") {
    app::SaleRequest r;
    r.date = on;
    r.time = parseWallTime(time, "time");
    r.party = {2, 1, 0};
    r.payment = PaymentMethod::Card;
    r.boatName = boat;
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

template <typename F>
std::vector<app::StrandedBooking> stranded(F&& f) {
    try {
        f();
    } catch (const app::StrandedBookings& e) {
        return e.bookings();
    }
    return {};
}

std::vector<AuditEntry> audit(Store& store) {
    std::vector<AuditEntry> out;
    store.read([&](StoreReader& r) { out = r.latestAudit(10); });
    return out;
}

std::vector<TimetableRule> rules(Store& store) {
    std::vector<TimetableRule> out;
    store.read([&](StoreReader& r) { out = r.timetableRules(); });
    return out;
}

Minutes hm(int h, int m) { return Minutes{h * 60 + m}; }
LocalDate july(unsigned d) { return LocalDate{date::year{2026}, date::July, date::day{d}}; }

}  // namespace

TEMPLATE_TEST_CASE("shortening a season that would take away a booked departure is refused, listing that booking",
                   "[timetable]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    FixedClock clock(at("2026-07-13T06:00:00Z"));
    app::sellRide(*store, clock, sale("11:30", july(13)));   // yesterday's, by the time of the change: history
    clock.set(at("2026-07-14T06:00:00Z"));
    const auto booked = app::sellRide(*store, clock, sale("11:30")).booking;
    app::sellRide(*store, clock, sale("10:30"));              // stays: 10:30 is kept
    auto cancelled = app::sellRide(*store, clock, sale("12:00"));
    store->write([&](StoreWriter& tx) { tx.updateBookingState(cancelled.booking.id, BookingState::Cancelled); });

    TimetableRule shorter = w.summer;
    shorter.lastDeparture = hm(11, 0);
    const auto list = stranded([&] { app::saveTimetableRule(*store, clock, shorter, std::nullopt); });
    REQUIRE(list.size() == 1);
    CHECK(list[0].bookingId == booked.id);
    CHECK(list[0].ref == booked.ref);
    CHECK(list[0].date == bastilleDay());
    CHECK(list[0].time == hm(11, 30));
    CHECK(list[0].boatName == "Ill");
    CHECK(list[0].party == Party{2, 1, 0});
    CHECK(refusal([&] { app::saveTimetableRule(*store, clock, shorter, std::nullopt); }) ==
          "1 booking is on departures this change removes; move or cancel them first: " + booked.ref.str() +
              " on 2026-07-14 11:30, Ill, 2A 1C");
    CHECK_THROWS_AS(app::saveTimetableRule(*store, clock, shorter, std::nullopt), ConflictError);

    // Nothing was written.
    const auto kept = rules(*store);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].lastDeparture == hm(12, 0));
    CHECK(audit(*store).size() == 4);   // the four sales
    CHECK(app::sellRide(*store, clock, sale("12:00", bastilleDay(), "Lauch")).boatName == "Lauch");

    // Deleting the season strands the same booking and the one just sold at 12:00 (10:30's too).
    CHECK(stranded([&] { app::deleteTimetableRule(*store, clock, w.summer.id, std::nullopt); }).size() == 3);
    CHECK(rules(*store).size() == 1);
}

TEMPLATE_TEST_CASE("a change that strands nobody is saved with one audit entry", "[timetable]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    app::sellRide(*store, clock, sale("11:30"));

    TimetableRule shorter = w.summer;
    shorter.lastDeparture = hm(11, 30);
    shorter.weekdays = 0x1F;   // Monday to Friday
    app::saveTimetableRule(*store, clock, shorter, std::nullopt);
    CHECK(rules(*store)[0].lastDeparture == hm(11, 30));
    auto entries = audit(*store);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].action == "timetable.save_rule");
    CHECK(entries[0].entityId == w.summer.id.str());
    CHECK(entries[0].details ==
          "season 2026-04-01 to 2026-10-31, Mon–Fri, 10:00 to 11:30 every 30 min, rides of 45 min (was 2026-04-01 to "
          "2026-10-31, every day, 10:00 to 12:00 every 30 min, rides of 45 min)");
    CHECK(refusal([&] { app::sellRide(*store, clock, sale("12:00")); }) == "there is no departure at 2026-07-14 12:00");

    // A bad rule names its field and writes nothing.
    TimetableRule bad = shorter;
    bad.interval = Minutes{2};
    try {
        app::saveTimetableRule(*store, clock, bad, std::nullopt);
        FAIL("accepted");
    } catch (const ValidationError& e) {
        CHECK(e.field() == "interval");
    }
    CHECK(audit(*store).size() == 2);

    // A new autumn season, then deleted: nobody sails on it yet.
    TimetableRule autumn = w.summer;
    autumn.id = Uuid::generate();
    autumn.validFrom = LocalDate{date::year{2026}, date::November, date::day{1}};
    autumn.validTo = LocalDate{date::year{2026}, date::November, date::day{30}};
    autumn.weekdays = 0x60;
    app::saveTimetableRule(*store, clock, autumn, std::nullopt);
    CHECK(rules(*store).size() == 2);
    app::deleteTimetableRule(*store, clock, autumn.id, std::nullopt);
    CHECK(rules(*store).size() == 1);
    entries = audit(*store);
    REQUIRE(entries.size() == 4);
    CHECK(entries[0].action == "timetable.delete_rule");
    CHECK(entries[0].details == "season 2026-11-01 to 2026-11-30, Sat, Sun, 10:00 to 12:00 every 30 min, rides of 45 min");
    CHECK(refusal([&] { app::deleteTimetableRule(*store, clock, autumn.id, std::nullopt); }) ==
          "that timetable season no longer exists");
}

TEMPLATE_TEST_CASE("a cancelled departure cannot be sold; a booked one cannot be cancelled", "[timetable]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    const auto booked = app::sellRide(*store, clock, sale("11:00")).booking;

    app::cancelDeparture(*store, clock, bastilleDay(), hm(10, 30), "Crue de la Lauch", std::nullopt);
    CHECK(refusal([&] { app::sellRide(*store, clock, sale("10:30")); }) == "there is no departure at 2026-07-14 10:30");
    auto entries = audit(*store);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].action == "timetable.cancel_departure");
    CHECK(entries[0].details == "departure at 2026-07-14 10:30 cancelled: Crue de la Lauch");
    const auto day = app::loadTimetable(*store, bastilleDay());
    REQUIRE(day.exceptions.size() == 1);
    CHECK(day.exceptions[0].kind == TimetableException::Kind::Cancelled);
    CHECK(day.departures.departures.size() == 4);

    const auto list = stranded([&] { app::cancelDeparture(*store, clock, bastilleDay(), hm(11, 0), "", std::nullopt); });
    REQUIRE(list.size() == 1);
    CHECK(list[0].ref == booked.ref);
    CHECK(refusal([&] { app::cancelDeparture(*store, clock, bastilleDay(), hm(10, 30), "", std::nullopt); }) ==
          "there is no departure at 2026-07-14 10:30");
    CHECK(refusal([&] { app::cancelDeparture(*store, clock, july(13), hm(10, 0), "", std::nullopt); }) ==
          "the departure at 2026-07-13 10:00 has already left");
    CHECK(audit(*store).size() == 2);

    // Restoring it makes it sellable again.
    app::removeTimetableException(*store, clock, day.exceptions[0].id, std::nullopt);
    CHECK(app::sellRide(*store, clock, sale("10:30")).boatName == "Ill");
    entries = audit(*store);
    REQUIRE(entries.size() == 4);
    CHECK(entries[1].action == "timetable.remove_change");
    CHECK(entries[1].details == "departure at 2026-07-14 10:30 restored");
}

TEMPLATE_TEST_CASE("an extra departure can be sold, and then cannot be taken away", "[timetable]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));

    const auto extra = app::addExtraDeparture(*store, clock, {bastilleDay(), hm(21, 0), Minutes{60}, "Fête nationale"},
                                              std::nullopt);
    const auto entries = audit(*store);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].action == "timetable.add_departure");
    CHECK(entries[0].details == "extra departure at 2026-07-14 21:00, rides of 60 min: Fête nationale");

    const auto sold = app::sellRide(*store, clock, sale("21:00")).booking;
    CHECK(sold.departureStart == at("2026-07-14T19:00:00Z"));
    CHECK(sold.departureEnd == at("2026-07-14T20:00:00Z"));

    CHECK(stranded([&] { app::removeTimetableException(*store, clock, extra.id, std::nullopt); }).size() == 1);
    CHECK(stranded([&] { app::cancelDeparture(*store, clock, bastilleDay(), hm(21, 0), "", std::nullopt); }).size() == 1);
    CHECK(app::loadTimetable(*store, bastilleDay()).departures.departures.size() == 6);

    CHECK(refusal([&] {
              app::addExtraDeparture(*store, clock, {bastilleDay(), hm(10, 0), Minutes{45}, ""}, std::nullopt);
          }) == "there is already a departure at 2026-07-14 10:00");
    CHECK(refusal([&] { app::addExtraDeparture(*store, clock, {july(13), hm(21, 0), Minutes{45}, ""}, std::nullopt); }) ==
          "time: 2026-07-13 21:00 is already past");
    CHECK(audit(*store).size() == 2);

    // An empty extra departure goes away when cancelled.
    app::addExtraDeparture(*store, clock, {bastilleDay(), hm(22, 0), Minutes{45}, ""}, std::nullopt);
    app::cancelDeparture(*store, clock, bastilleDay(), hm(22, 0), "", std::nullopt);
    CHECK(app::loadTimetable(*store, bastilleDay()).exceptions.size() == 1);
    CHECK(audit(*store)[0].details == "extra departure at 2026-07-14 22:00 cancelled");
}

TEMPLATE_TEST_CASE("an extra departure at a wall time that does not exist is refused naming the time", "[timetable]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const FixedClock clock(at("2026-03-01T06:00:00Z"));
    const LocalDate springForward{date::year{2026}, date::March, date::day{29}};
    try {
        app::addExtraDeparture(*store, clock, {springForward, hm(2, 30), Minutes{45}, ""}, std::nullopt);
        FAIL("accepted");
    } catch (const ValidationError& e) {
        CHECK(e.field() == "time");
        CHECK(e.message() == "02:30 does not exist on 2026-03-29 (clocks go forward)");
    }
    CHECK(audit(*store).empty());
}
