// The cash rules of the desk on both engines: no cash taken or given back without an open drawer,
// never more out than the drawer holds, and a drawer opened after the day's Z counted on the next
// day's Z. Every refusal changes nothing.
#include "app/cancellation.h"
#include "app/cash_drawer.h"
#include "app/desk.h"
#include "app/vouchers.h"
#include "domain/errors.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

struct Counts {
    std::size_t bookings = 0, receipts = 0, movements = 0, refunds = 0, vouchers = 0;
    bool operator==(const Counts&) const = default;
};

Counts countsOf(Store& store) {
    Counts c;
    store.read([&](StoreReader& r) {
        const auto from = at("2026-07-14T00:00:00Z");
        const auto to = at("2026-07-17T00:00:00Z");
        c.bookings = r.bookingsDeparting(from, to).size();
        c.receipts = r.chainRecordsBetween(Chain::Receipt, from, to).size();
        c.movements = r.cashMovementsBetween(from, to).size();
        c.refunds = r.refundsBetween(from, to).size();
        c.vouchers = r.vouchersSold(from, to).size();
    });
    return c;
}

app::DeskSaleRequest twoAdultsAt10(std::vector<app::Tender> tenders, Uuid employee, LocalDate date = bastilleDay()) {
    app::DeskSaleRequest r;
    r.sale.date = date;
    r.sale.time = parseWallTime("10:00", "time");
    r.sale.party = {2, 0, 0};
    r.sale.employeeId = employee;
    r.tenders = std::move(tenders);
    return r;
}

app::Tender cash(std::int64_t cents) { return {PaymentMethod::Cash, Money::cents(cents), Money::zero(), ""}; }
app::Tender card(std::int64_t cents) { return {PaymentMethod::Card, Money::cents(cents), Money::zero(), ""}; }

Uuid addManager(Store& store) {
    Employee e{Uuid::generate(), "manon", "Manon Weiss", Role::Manager, true, "", "manon@example.fr"};
    store.write([&](StoreWriter& w) { w.saveEmployee(e); });
    return e.id;
}

}  // namespace

TEMPLATE_TEST_CASE("no cash is taken or given back while the drawer is closed", "[cash]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const FixedClock clock(at("2026-07-14T07:40:00Z"));
    const Uuid manager = addManager(*store);

    CHECK(app::deskDrawer(*store, clock).state == app::DeskDrawer::State::Closed);
    const Counts before = countsOf(*store);
    CHECK_THROWS_AS(app::sellAtDesk(*store, clock, twoAdultsAt10({cash(2400)}, manager)), ConflictError);
    CHECK_THROWS_AS(app::sellAtDesk(*store, clock, twoAdultsAt10({card(1400), cash(1000)}, manager)), ConflictError);
    app::VoucherSaleRequest v;
    v.value = Money::cents(3000);
    v.paidWith = PaymentMethod::Cash;
    v.employeeId = manager;
    CHECK_THROWS_AS(app::sellVoucher(*store, clock, v), ConflictError);
    CHECK(countsOf(*store) == before);

    // Card needs no drawer; a phone booking collected in cash does.
    const auto byCard = app::sellAtDesk(*store, clock, twoAdultsAt10({card(2400)}, manager));
    const auto phone = app::sellAtDesk(*store, clock, twoAdultsAt10({}, manager));
    const Counts sold = countsOf(*store);
    CHECK_THROWS_AS(app::collectPayment(*store, clock, phone.sale.booking.ref, {cash(0)}, manager), ConflictError);
    // A refund in cash of a card payment needs the drawer too; by card it does not.
    app::RefundRequest refund;
    refund.ref = byCard.sale.booking.ref;
    refund.amount = Money::cents(500);
    refund.method = app::RefundChoice::Cash;
    refund.reason = "late start";
    refund.employeeId = manager;
    CHECK_THROWS_AS(app::refundBooking(*store, clock, refund), ConflictError);
    CHECK(countsOf(*store) == sold);
    refund.method = app::RefundChoice::Card;
    CHECK(app::refundBooking(*store, clock, refund).refunds.size() == 1);
}

TEMPLATE_TEST_CASE("cash goes back only as far as the drawer holds it", "[cash]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const FixedClock clock(at("2026-07-14T07:40:00Z"));
    const Uuid manager = addManager(*store);
    app::openCashSession(*store, clock, CashCount::parse("5x2", "count"), manager);   // 10.00 €

    const auto paidInCash = app::sellAtDesk(*store, clock, twoAdultsAt10({cash(2400)}, manager));
    const auto paidByCard = app::sellAtDesk(*store, clock, twoAdultsAt10({card(2400)}, manager));
    auto drawer = app::deskDrawer(*store, clock);
    CHECK(drawer.state == app::DeskDrawer::State::Open);
    CHECK(drawer.expectedCash == Money::cents(3400));

    // 30.00 € out leaves 4.00 €: the card booking cannot be refunded 24.00 € in cash.
    app::recordCashMovement(*store, clock, app::CashDirection::Out, Money::cents(3000), "change for the bar", false, manager);
    CHECK(app::deskDrawer(*store, clock).expectedCash == Money::cents(400));
    const Counts before = countsOf(*store);
    app::CancelRequest cancel;
    cancel.ref = paidByCard.sale.booking.ref;
    cancel.refund = app::RefundChoice::Cash;
    cancel.reason = "weather";
    cancel.employeeId = manager;
    try {
        app::cancelBooking(*store, clock, cancel);
        FAIL("a 24.00 € cash refund from a drawer holding 4.00 € was accepted");
    } catch (const ValidationError& e) {
        CHECK(e.field() == "refund");
    }
    CHECK(countsOf(*store) == before);

    // Paid in again, the cash booking is cancelled with its money back from the drawer.
    app::recordCashMovement(*store, clock, app::CashDirection::In, Money::cents(2000), "from the safe", false, manager);
    cancel.ref = paidInCash.sale.booking.ref;
    cancel.refund = app::RefundChoice::Original;
    const auto cancelled = app::cancelBooking(*store, clock, cancel);
    REQUIRE(cancelled.receipt);
    CHECK(cancelled.receipt->total == Money::cents(-2400));
    CHECK(app::deskDrawer(*store, clock).expectedCash == Money::zero());
}

TEMPLATE_TEST_CASE("a drawer opened after the day's Z counts on the next day's Z", "[cash]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const Uuid manager = addManager(*store);
    const FixedClock morning(at("2026-07-14T07:40:00Z"));
    app::openCashSession(*store, morning, CashCount::parse("50x2", "count"), manager);
    app::sellAtDesk(*store, morning, twoAdultsAt10({cash(2400)}, manager));

    const FixedClock evening(at("2026-07-14T18:00:00Z"));
    app::CloseDayRequest z;
    z.date = bastilleDay();
    z.counted = CashCount::parse("50x2,20x1,2x2", "count");
    z.employeeId = manager;
    const Closing first = app::closeDay(*store, evening, z);
    CHECK(first.expectedCash == Money::cents(12400));
    auto drawer = app::deskDrawer(*store, evening);
    CHECK(drawer.state == app::DeskDrawer::State::DayClosed);
    REQUIRE(drawer.dayClosing);
    CHECK(*drawer.dayClosing == first.number);

    // Nothing more is sold in cash on the 14th; a drawer opened now belongs to the 15th.
    const FixedClock late(at("2026-07-14T18:30:00Z"));
    app::openCashSession(*store, late, CashCount::parse("20x1", "count"), manager);
    drawer = app::deskDrawer(*store, late);
    CHECK(drawer.state == app::DeskDrawer::State::Open);
    CHECK(drawer.registerDay == nextDay(bastilleDay()));
    CHECK(drawer.expectedCash == Money::cents(2000));
    app::recordCashMovement(*store, late, app::CashDirection::In, Money::cents(500), "coins", false, manager);

    const FixedClock nextMorning(at("2026-07-15T07:40:00Z"));
    app::sellAtDesk(*store, nextMorning, twoAdultsAt10({cash(2400)}, manager, nextDay(bastilleDay())));
    z.date = nextDay(bastilleDay());
    z.counted = CashCount::parse("20x2,5x1,2x2", "count");   // 20 float + 5 in + 24 sold = 49.00 €
    const Closing second = app::closeDay(*store, FixedClock(at("2026-07-15T18:00:00Z")), z);
    CHECK(second.openingFloat == Money::cents(2000));
    CHECK(second.expectedCash == Money::cents(4900));
    CHECK(second.difference == Money::zero());
}
