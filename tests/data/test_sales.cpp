// Selling a ride and reading the day planning, on both engines: capacity is enforced inside the
// write transaction, and every refusal says why.
#include "app/planning.h"
#include "app/sales.h"
#include "app/settings.h"
#include "domain/errors.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

app::SaleRequest sale(int adults, int children = 0, int babies = 0, const char* time = "10:00") {
    app::SaleRequest r;
    r.date = bastilleDay();
    r.time = parseWallTime(time, "time");
    r.party = {adults, children, babies};
    r.payment = PaymentMethod::Cash;
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

}  // namespace

TEMPLATE_TEST_CASE("a desk sale confirms the booking, records its payment and audit entry", "[sales]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    openDrawer(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));

    auto request = sale(2, 1, 1);
    request.customer = Customer{Uuid::generate(), "Élodie Brändle", "elodie@example.fr", "", "fr"};
    const auto result = app::sellRide(*store, clock, request);

    CHECK(result.boatName == "Lauch");   // 10 seats fit 4 more tightly than 12
    CHECK(result.quote.total == Money::cents(3100));   // 2 × 12.00 + 7.00 + 0.00
    CHECK(result.quote.vat == Money::cents(282));      // 2.18 + 0.64, per line
    CHECK(result.booking.state == BookingState::Confirmed);
    CHECK(result.booking.departureStart == at("2026-07-14T08:00:00Z"));
    CHECK(result.booking.departureEnd == at("2026-07-14T08:45:00Z"));
    CHECK(result.booking.ref.str().size() == 11);

    std::optional<Booking> stored;
    std::vector<Payment> payments;
    std::vector<AuditEntry> audit;
    store->read([&](StoreReader& r) {
        stored = r.bookingByRef(result.booking.ref);
        if (stored) payments = r.paymentsOfBooking(stored->id);
        audit = r.latestAudit(5);
    });
    REQUIRE(stored);
    CHECK(stored->boatId == w.lauch.id);
    // The drawer's opening came first.
    REQUIRE(audit.size() == 2);
    CHECK(audit[1].action == "cash.open");
    audit.pop_back();
    CHECK(stored->customerName == "Élodie Brändle");
    CHECK(stored->total == Money::cents(3100));
    REQUIRE(payments.size() == 1);
    CHECK(payments[0].method == PaymentMethod::Cash);
    CHECK(payments[0].amount == Money::cents(3100));
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].action == "booking.sell");
    CHECK(audit[0].details == result.booking.ref.str() + " 2A 1C 1B on Lauch at 2026-07-14 10:00, 31.00 EUR paid CASH");
}

TEMPLATE_TEST_CASE("a phone booking is PENDING and holds its seats until its delay runs out", "[sales]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    openDrawer(*store);
    store->write([](StoreWriter& tx) { tx.setSetting(app::setting_keys::kPendingExpiryMinutes, "20"); });
    FixedClock clock(at("2026-07-14T06:00:00Z"));
    auto request = sale(10);
    request.payment.reset();
    request.channel = Channel::Phone;
    const auto held = app::sellRide(*store, clock, request);
    CHECK(held.booking.state == BookingState::Pending);
    REQUIRE(held.booking.expiresAt);
    CHECK(*held.booking.expiresAt == at("2026-07-14T06:20:00Z"));

    // 10 on Lauch, 12 left on Ill: a party of 12 fits; a 13th person does not.
    CHECK_THROWS_AS(app::sellRide(*store, clock, sale(13)), CapacityError);
    // Once the phone booking has expired, its 10 seats are free again.
    clock.set(at("2026-07-14T06:21:00Z"));
    CHECK(app::sellRide(*store, clock, sale(10)).boatName == "Lauch");
}

TEMPLATE_TEST_CASE("a full departure refuses the sale and says how many seats are left", "[sales]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    openDrawer(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    CHECK(app::sellRide(*store, clock, sale(12)).boatName == "Ill");
    CHECK(app::sellRide(*store, clock, sale(8)).boatName == "Lauch");
    CHECK(refusal([&] { app::sellRide(*store, clock, sale(3)); }) ==
          "the departure at 2026-07-14 10:00 is full for this party: 3 seats needed, 2 free on the emptiest boat; "
          "the whole party fits at 10:30, 11:00, 11:30, 12:00 (or sell the group as several parties)");
    // A party larger than any boat is told so, with what to do.
    CHECK(refusal([&] { app::sellRide(*store, clock, sale(13, 0, 0, "11:00")); }) ==
          "the departure at 2026-07-14 11:00 is full for this party: 13 seats needed, 12 free on the emptiest boat; "
          "no departure that day takes 13 on one boat: sell the group as several parties");
    CHECK(app::sellRide(*store, clock, sale(1, 1)).boatName == "Lauch");
    CHECK_THROWS_AS(app::sellRide(*store, clock, sale(1)), CapacityError);
    // The next departure is untouched.
    CHECK(app::sellRide(*store, clock, sale(12, 0, 0, "10:30")).boatName == "Ill");
}

TEMPLATE_TEST_CASE("babies take a seat unless the setting says otherwise", "[sales]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    openDrawer(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    app::sellRide(*store, clock, sale(12));                              // Ill full
    CHECK_THROWS_AS(app::sellRide(*store, clock, sale(9, 0, 2)), CapacityError);   // 11 seats > 10 on Lauch
    store->write([](StoreWriter& tx) { tx.setSetting(app::setting_keys::kBabiesTakeSeat, "0"); });
    CHECK(app::sellRide(*store, clock, sale(9, 0, 2)).boatName == "Lauch");
}

TEMPLATE_TEST_CASE("past, missing and closed departures are refused with the reason", "[sales]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    openDrawer(*store);
    const FixedClock clock(at("2026-07-14T08:10:00Z"));   // 10:10 in Colmar
    CHECK(refusal([&] { app::sellRide(*store, clock, sale(2)); }) ==
          "the departure at 2026-07-14 10:00 has already left");
    CHECK(refusal([&] { app::sellRide(*store, clock, sale(2, 0, 0, "10:15")); }) ==
          "there is no departure at 2026-07-14 10:15");

    const BusinessZone zone;
    store->write([&](StoreWriter& tx) {
        tx.insertBlock(Block::timeRange(bastilleDay(), Minutes{11 * 60 + 30}, Minutes{13 * 60}, zone, "Orage"));
        tx.insertBlock(Block::timeRange(bastilleDay(), Minutes{10 * 60 + 30}, Minutes{10 * 60 + 45}, zone,
                                        "Hélice cassée", w.ill.id));
    });
    CHECK(refusal([&] { app::sellRide(*store, clock, sale(2, 0, 0, "11:30")); }) ==
          "the departure at 2026-07-14 11:30 is closed: Orage");
    // 10:30: Ill is closed, Lauch still sails with its 10 seats.
    auto onIll = sale(2, 0, 0, "10:30");
    onIll.boatName = "Ill";
    CHECK(refusal([&] { app::sellRide(*store, clock, onIll); }) ==
          "Ill is closed at 2026-07-14 10:30: Hélice cassée");
    CHECK_THROWS_AS(app::sellRide(*store, clock, sale(11, 0, 0, "10:30")), CapacityError);
    CHECK(app::sellRide(*store, clock, sale(10, 0, 0, "10:30")).boatName == "Lauch");

    std::int64_t count = 0;
    store->read([&](StoreReader& r) { count = r.bookingCount(); });
    CHECK(count == 1);   // the refusals wrote nothing
}

TEMPLATE_TEST_CASE("a bad party is refused naming the field, before anything is written", "[sales]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    try {
        app::sellRide(*store, clock, sale(0, 0, 1));
        FAIL("a party of one baby alone was sold");
    } catch (const ValidationError& e) {
        CHECK(e.field() == "adults");
    }
    try {
        app::sellRide(*store, clock, sale(-1, 2));
        FAIL("a negative party was sold");
    } catch (const ValidationError& e) {
        CHECK(e.field() == "adults");
    }
}

TEMPLATE_TEST_CASE("the day planning has boats as rows, departures as columns, bookings in their cells", "[planning]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    openDrawer(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    const auto a = app::sellRide(*store, clock, sale(2));          // Lauch 10:00
    const auto b = app::sellRide(*store, clock, sale(12));         // Ill 10:00
    auto phone = sale(3, 0, 0, "11:00");
    phone.payment.reset();
    const auto c = app::sellRide(*store, clock, phone);             // Lauch 11:00, pending
    const BusinessZone zone;
    store->write([&](StoreWriter& tx) {
        tx.insertBlock(Block::timeRange(bastilleDay(), Minutes{11 * 60 + 30}, Minutes{13 * 60}, zone, "Orage"));
    });

    const auto plan = app::loadDayPlanning(*store, bastilleDay(), clock.now());
    REQUIRE(plan.boats.size() == 2);
    CHECK(plan.boats[0].name == "Ill");
    CHECK(plan.boats[1].name == "Lauch");
    REQUIRE(plan.departures.size() == 5);   // 10:00, 10:30, 11:00, 11:30, 12:00
    const BusinessZone paris;
    CHECK(paris.format(plan.departures[0].departure.start) == "10:00");
    CHECK(paris.format(plan.departures[4].departure.start) == "12:00");
    CHECK(plan.departures[0].seatsTotal == 22);
    CHECK(plan.departures[0].seatsHeld == 14);
    CHECK(plan.departures[0].seatsFree == 8);
    CHECK(plan.departures[2].seatsHeld == 3);
    // 11:00 rides until 11:45, into the storm from 11:30: it does not sail either.
    REQUIRE(plan.departures[2].closedReason);
    CHECK(*plan.departures[2].closedReason == "Orage");
    REQUIRE(plan.departures[3].closedReason);
    CHECK(plan.departures[3].seatsTotal == 0);
    CHECK_FALSE(plan.departures[1].closedReason);
    CHECK(plan.seatsHeld() == 17);
    CHECK(plan.seatsTotal() == 44);   // 10:00, 10:30 open; 11:00, 11:30, 12:00 closed

    REQUIRE(plan.cells.size() == 5);
    REQUIRE(plan.cells[0][0].size() == 1);
    CHECK(plan.bookings[plan.cells[0][0][0]].id == b.booking.id);
    REQUIRE(plan.cells[0][1].size() == 1);
    CHECK(plan.bookings[plan.cells[0][1][0]].id == a.booking.id);
    REQUIRE(plan.cells[2][1].size() == 1);
    CHECK(plan.bookings[plan.cells[2][1][0]].id == c.booking.id);
    CHECK(plan.cells[1][0].empty());
    CHECK(plan.bookings.size() == 3);
}

TEMPLATE_TEST_CASE("the day planning knows what each booking has paid and still owes", "[planning]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    openDrawer(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    const auto cash = app::sellRide(*store, clock, sale(2, 1));          // 31.00 paid
    auto phone = sale(3);
    phone.payment.reset();
    const auto pending = app::sellRide(*store, clock, phone);            // 36.00 to collect
    const auto refunded = app::sellRide(*store, clock, sale(1, 0, 0, "10:30"));   // 12.00, refunded
    store->write([&](StoreWriter& tx) {
        const auto payment = tx.paymentsOfBooking(refunded.booking.id).at(0);
        tx.insertRefund({Uuid::generate(), payment.id, refunded.booking.id, Money::cents(1200), RefundStatus::Done,
                         "Orage", clock.now()});
    });

    const auto plan = app::loadDayPlanning(*store, bastilleDay(), clock.now());
    REQUIRE(plan.paid.size() == plan.bookings.size());
    auto indexOf = [&](const Booking& b) {
        for (std::size_t i = 0; i < plan.bookings.size(); ++i)
            if (plan.bookings[i].id == b.id) return i;
        FAIL("booking not in the planning");
        return std::size_t{0};
    };
    CHECK(plan.paid[indexOf(cash.booking)] == Money::cents(3100));
    CHECK(plan.toCollect(indexOf(cash.booking)) == Money::cents(0));
    CHECK(plan.paid[indexOf(pending.booking)] == Money::cents(0));
    CHECK(plan.toCollect(indexOf(pending.booking)) == Money::cents(3600));
    CHECK(plan.paid[indexOf(refunded.booking)] == Money::cents(0));   // paid 12.00, refunded 12.00
}
