// The cash drawer and the closings on both engines: a session with its float, cash in and out, the
// daily Z to the cent (by method, by VAT, expected against counted), its running totals across days
// and fiscal years, and the monthly and annual closings built from the daily ones.
#include "app/cash_drawer.h"
#include "app/desk.h"
#include "app/integrity.h"
#include "app/vouchers.h"
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

// The field a ValidationError names; "" when `f` was accepted or failed otherwise.
template <typename F>
std::string fieldOf(F&& f) {
    try {
        f();
    } catch (const ValidationError& e) {
        return e.field();
    } catch (const std::exception&) {
        return "(" + std::string("other") + ")";
    }
    return "";
}

LocalDate day(int y, unsigned m, unsigned d) { return LocalDate{date::year{y}, date::month{m}, date::day{d}}; }

Uuid addEmployee(Store& store, const char* login, const char* name, Role role) {
    Employee e{Uuid::generate(), login, name, role, true, "", std::string(login) + "@example.fr"};
    store.write([&](StoreWriter& w) { w.saveEmployee(e); });
    return e.id;
}

CashCount count(const char* text) { return CashCount::parse(text, "count"); }

app::DeskSaleResult deskSale(Store& store, const Clock& clock, LocalDate date, const char* time, Party party,
                             std::vector<app::Tender> tenders) {
    app::DeskSaleRequest r;
    r.sale.date = date;
    r.sale.time = parseWallTime(time, "time");
    r.sale.party = party;
    r.tenders = std::move(tenders);
    return app::sellAtDesk(store, clock, r);
}

app::Tender cash(std::int64_t cents, std::int64_t given = 0) {
    return {PaymentMethod::Cash, Money::cents(cents), Money::cents(given), ""};
}
app::Tender card(std::int64_t cents) { return {PaymentMethod::Card, Money::cents(cents), Money::cents(0), ""}; }

app::VoucherSaleResult voucher(Store& store, const Clock& clock, std::int64_t cents, PaymentMethod paidWith) {
    app::VoucherSaleRequest r;
    r.value = Money::cents(cents);
    r.paidWith = paidWith;
    return app::sellVoucher(store, clock, r);
}

Closing close(Store& store, const Clock& clock, LocalDate date, const char* counted = "", std::string comment = "") {
    app::CloseDayRequest r;
    r.date = date;
    r.counted = count(counted);
    r.comment = std::move(comment);
    return app::closeDay(store, clock, r);
}

}  // namespace

TEMPLATE_TEST_CASE("the drawer opens with a counted float and takes cash in and out with a reason", "[cash]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    const Uuid manager = addEmployee(*store, "manon", "Manon Weiss", Role::Manager);
    const Uuid staff = addEmployee(*store, "sacha", "Sacha Roth", Role::Staff);

    CHECK_THROWS_AS(app::recordCashMovement(*store, clock, app::CashDirection::In, Money::cents(2000), "change", false, manager),
                    ConflictError);
    CHECK_THROWS_AS(app::openCashSession(*store, clock, count("50x2"), staff), PermissionDenied);

    const auto session = app::openCashSession(*store, clock, count("50x1,20x2,10x1"), manager);
    CHECK(session.desk == "DESK-1");
    CHECK(session.openingFloat == Money::cents(10000));
    CHECK(session.openedAt == at("2026-07-14T06:00:00Z"));
    REQUIRE(session.openedBy);
    CHECK(*session.openedBy == manager);
    CHECK_FALSE(session.closedAt);

    CHECK(refusal([&] { app::openCashSession(*store, clock, count("50x2"), manager); }) ==
          "the cash drawer of DESK-1 is already open, since 2026-07-14 08:00");

    const auto movement = [&](app::CashDirection direction, std::int64_t cents, const char* reason, bool deposit) {
        return fieldOf([&] { app::recordCashMovement(*store, clock, direction, Money::cents(cents), reason, deposit, manager); });
    };
    // Amounts are positive, the direction is the action's; nothing leaves that the drawer does not hold.
    CHECK(movement(app::CashDirection::Out, 0, "nothing", false) == "amount");
    CHECK(movement(app::CashDirection::In, -500, "minus five", false) == "amount");
    CHECK(movement(app::CashDirection::Out, -500, "minus five", false) == "amount");
    CHECK(movement(app::CashDirection::In, 2000, "  ", false) == "reason");
    CHECK(movement(app::CashDirection::In, 1500, "bank", true) == "direction");
    CHECK(movement(app::CashDirection::Out, 10001, "more than the float", false) == "amount");
    CHECK(movement(app::CashDirection::Out, 500000, "far more than the float", true) == "amount");
    CHECK_THROWS_AS(app::recordCashMovement(*store, clock, app::CashDirection::In, Money::cents(2000), "change", false, staff), PermissionDenied);

    const auto in = app::recordCashMovement(*store, clock, app::CashDirection::In, Money::cents(2000), "coins from the bank", false, manager);
    const auto out = app::recordCashMovement(*store, clock, app::CashDirection::Out, Money::cents(1500), "deposit slip 0042", true, manager);
    CHECK(in.sessionId == session.id);
    CHECK(out.bankDeposit);

    const auto status = app::drawerStatus(*store, clock, bastilleDay());
    REQUIRE(status.session);
    CHECK(status.session->id == session.id);
    CHECK(status.session->openingCount == count("50x1,20x2,10x1"));
    REQUIRE(status.movements.size() == 2);
    CHECK(status.movements[0].amount == Money::cents(2000));
    CHECK(status.movements[0].reason == "coins from the bank");
    CHECK(status.movements[1].amount == Money::cents(-1500));
    CHECK(status.movements[1].bankDeposit);
    CHECK_FALSE(status.alreadyClosed);
    CHECK(status.preview.openingFloat == Money::cents(10000));
    CHECK(status.preview.cashIn == Money::cents(2000));
    CHECK(status.preview.cashOut == Money::cents(1500));
    CHECK(status.preview.expectedCash == Money::cents(10500));
    CHECK(status.preview.comment.empty());

    const auto events = app::technicalEvents(*store);
    REQUIRE(events.size() == 3);
    CHECK(events[2].kind == EventKind::CashSessionOpened);
    CHECK(events[2].employee == "manon");
    CHECK(events[2].details == "DESK-1 opened with a float of 100.00 EUR (50x1,20x2,10x1)");
    CHECK(events[1].kind == EventKind::CashMovement);
    CHECK(events[1].details == "DESK-1 in 20.00 EUR: coins from the bank");
    CHECK(events[0].details == "DESK-1 out 15.00 EUR (bank deposit): deposit slip 0042");
}

TEMPLATE_TEST_CASE("the daily closing adds up to the cent by method and by VAT, and closes the session", "[cash]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    FixedClock clock(at("2026-07-14T06:00:00Z"));
    const Uuid manager = addEmployee(*store, "manon", "Manon Weiss", Role::Manager);

    const auto session = app::openCashSession(*store, clock, count("50x1,20x2,10x1"), manager);
    deskSale(*store, clock, bastilleDay(), "10:00", {2, 1, 0}, {cash(3100, 5000)});   // receipt 1, change 19.00
    deskSale(*store, clock, bastilleDay(), "10:30", {1, 0, 0}, {card(1200)});         // receipt 2
    voucher(*store, clock, 5000, PaymentMethod::Cash);                                 // receipt 3, single-purpose
    app::recordCashMovement(*store, clock, app::CashDirection::In, Money::cents(2000), "coins from the bank", false, manager);
    app::recordCashMovement(*store, clock, app::CashDirection::Out, Money::cents(1500), "deposit slip 0042", true, manager);

    // What the closing dialog shows before the count.
    const auto status = app::drawerStatus(*store, clock, bastilleDay());
    CHECK(status.preview.expectedCash == Money::cents(18600));   // 100 + 31 + 50 + 20 − 15
    CHECK(status.preview.receiptCount == 3);
    CHECK(status.preview.periodTotal == Money::cents(9300));
    CHECK(status.preview.number == 0);

    clock.set(at("2026-07-14T18:00:00Z"));
    CHECK(refusal([&] { close(*store, clock, day(2026, 7, 15)); }) ==
          "2026-07-15 has not come yet: a day is closed on the day or after it");
    const Uuid staff = addEmployee(*store, "sacha", "Sacha Roth", Role::Staff);
    app::CloseDayRequest byStaff;
    byStaff.date = bastilleDay();
    byStaff.employeeId = staff;
    CHECK_THROWS_AS(app::closeDay(*store, clock, byStaff), PermissionDenied);

    app::CloseDayRequest request;
    request.date = bastilleDay();
    request.counted = count("100x1,50x1,20x1,10x1,5x1,1x1");   // 186.00
    request.employeeId = manager;
    const Closing z = app::closeDay(*store, clock, request);

    CHECK(z.number == 1);
    CHECK(z.hash.size() == 64);
    CHECK(z.period == ClosingPeriod::Day);
    CHECK(z.from == bastilleDay());
    CHECK(z.to == bastilleDay());
    CHECK(z.desk == "DESK-1");
    CHECK(z.operatorName == "Manon Weiss");
    CHECK(z.businessName == "Sweet Narcisse");
    CHECK(z.closedAt == at("2026-07-14T18:00:00Z"));
    REQUIRE(z.openedAt);
    CHECK(*z.openedAt == session.openedAt);
    CHECK(z.firstReceipt == 1);
    CHECK(z.lastReceipt == 3);
    CHECK(z.receiptCount == 3);
    REQUIRE(z.byMethod.size() == 2);
    CHECK(z.byMethod[0] == MethodTotal{PaymentMethod::Cash, 2, Money::cents(8100)});
    CHECK(z.byMethod[1] == MethodTotal{PaymentMethod::Card, 1, Money::cents(1200)});
    // VAT per receipt, then added: 2.82 + 1.09 + 4.55 = 8.46 (not 93.00 × 10/110 = 8.45).
    REQUIRE(z.byVat.size() == 1);
    CHECK(z.byVat[0] == VatTotal{1000, Money::cents(8454), Money::cents(846), Money::cents(9300)});
    CHECK(z.cancellationCount == 0);
    CHECK(z.refundCount == 0);
    CHECK(z.cashIn == Money::cents(2000));
    CHECK(z.cashOut == Money::cents(1500));
    CHECK(z.openingFloat == Money::cents(10000));
    CHECK(z.expectedCash == Money::cents(18600));
    CHECK(z.countedCash == Money::cents(18600));
    CHECK(z.difference == Money::cents(0));
    REQUIRE(z.counted);
    CHECK(z.counted->str() == "100x1,50x1,20x1,10x1,5x1,1x1");
    CHECK(z.periodTotal == Money::cents(9300));
    CHECK(z.fiscalYearTotal == Money::cents(9300));
    CHECK(z.grandTotal == Money::cents(9300));

    // Stored as computed, and the session is closed by it.
    const auto stored = app::closingOf(*store, ClosingPeriod::Day, bastilleDay());
    REQUIRE(stored);
    CHECK(stored->canonical() == z.canonical());
    CHECK(stored->number == 1);
    CHECK(stored->hash == z.hash);
    const auto after = app::drawerStatus(*store, clock, bastilleDay());
    CHECK(after.alreadyClosed);
    CHECK_FALSE(after.session);

    CHECK(refusal([&] { close(*store, clock, bastilleDay()); }) == "2026-07-14 is already closed: closing #1");
    CHECK(app::closings(*store).size() == 1);

    const auto events = app::technicalEvents(*store, 1);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == EventKind::Closing);
    CHECK(events[0].employee == "manon");
    CHECK(events[0].details == "DAY 2026-07-14: closing #1, period total 93.00 EUR");

    // A new session can open after the closing.
    clock.set(at("2026-07-15T06:00:00Z"));
    CHECK(app::openCashSession(*store, clock, count("20x5"), manager).openingFloat == Money::cents(10000));
}

TEMPLATE_TEST_CASE("a count that differs from the expected cash needs a comment, and the difference is kept",
                   "[cash]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    FixedClock clock(at("2026-07-14T06:00:00Z"));
    app::openCashSession(*store, clock, count("50x2"), std::nullopt);
    voucher(*store, clock, 2350, PaymentMethod::Cash);   // expected 123.50
    clock.set(at("2026-07-14T18:00:00Z"));

    CHECK(refusal([&] { close(*store, clock, bastilleDay(), "100x1,20x1,2x1,1x1"); }) ==
          "comment: is required when the count differs from the expected cash by -0.50 € (counted 123.00 €, "
          "expected 123.50 €)");
    CHECK(refusal([&] { close(*store, clock, bastilleDay(), "100x1,20x1,2x1,1x1", "   "); }).rfind("comment: ", 0) == 0);
    CHECK(app::closings(*store).empty());
    CHECK(app::drawerStatus(*store, clock, bastilleDay()).session);   // still open

    const Closing z = close(*store, clock, bastilleDay(), "100x1,20x1,2x1,1x1", "50 cents given back twice");
    CHECK(z.expectedCash == Money::cents(12350));
    CHECK(z.countedCash == Money::cents(12300));
    CHECK(z.difference == Money::cents(-50));
    CHECK(z.comment == "50 cents given back twice");
    CHECK(app::closingOf(*store, ClosingPeriod::Day, bastilleDay())->comment == "50 cents given back twice");

    // An exact count needs no comment.
    clock.set(at("2026-07-15T06:00:00Z"));
    app::openCashSession(*store, clock, count("50x2"), std::nullopt);
    clock.set(at("2026-07-15T18:00:00Z"));
    const Closing next = close(*store, clock, day(2026, 7, 15), "50x2");
    CHECK(next.difference == Money::cents(0));
    CHECK(next.comment.empty());
}

TEMPLATE_TEST_CASE("running totals carry from day to day and restart with the fiscal year", "[cash]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    FixedClock clock(at("2026-07-14T06:00:00Z"));

    voucher(*store, clock, 5000, PaymentMethod::Card);
    clock.set(at("2026-07-14T18:00:00Z"));
    const Closing first = close(*store, clock, day(2026, 7, 14));
    CHECK(first.periodTotal == Money::cents(5000));
    CHECK(first.fiscalYearTotal == Money::cents(5000));
    CHECK(first.grandTotal == Money::cents(5000));
    CHECK(first.openingFloat == Money::cents(0));
    CHECK_FALSE(first.openedAt);

    clock.set(at("2026-07-15T06:00:00Z"));
    voucher(*store, clock, 2000, PaymentMethod::Card);
    clock.set(at("2026-07-15T18:00:00Z"));
    const Closing second = close(*store, clock, day(2026, 7, 15));
    CHECK(second.number == 2);
    CHECK(second.periodTotal == Money::cents(2000));
    CHECK(second.fiscalYearTotal == Money::cents(7000));
    CHECK(second.grandTotal == Money::cents(7000));
    CHECK(second.firstReceipt == 2);
    CHECK(second.lastReceipt == 2);

    // New Year's Eve: 23:30 in Colmar is 22:30 UTC, still 31 December.
    clock.set(at("2026-12-31T22:30:00Z"));
    voucher(*store, clock, 3000, PaymentMethod::Card);
    const Closing eve = close(*store, clock, day(2026, 12, 31));
    CHECK(eve.receiptCount == 1);
    CHECK(eve.fiscalYearTotal == Money::cents(10000));
    CHECK(eve.grandTotal == Money::cents(10000));

    // 00:30 on 1 January is 23:30 UTC on 31 December: the receipt belongs to 2027.
    clock.set(at("2026-12-31T23:30:00Z"));
    voucher(*store, clock, 1000, PaymentMethod::Card);
    clock.set(at("2027-01-01T18:00:00Z"));
    const Closing newYear = close(*store, clock, day(2027, 1, 1));
    CHECK(newYear.receiptCount == 1);
    CHECK(newYear.firstReceipt == 4);
    CHECK(newYear.periodTotal == Money::cents(1000));
    CHECK(newYear.fiscalYearTotal == Money::cents(1000));   // restarts
    CHECK(newYear.grandTotal == Money::cents(11000));       // perpetual

    // A day with no receipt closes too, at zero.
    clock.set(at("2027-01-02T18:00:00Z"));
    const Closing quiet = close(*store, clock, day(2027, 1, 2));
    CHECK(quiet.receiptCount == 0);
    CHECK(quiet.firstReceipt == 0);
    CHECK(quiet.periodTotal == Money::cents(0));
    CHECK(quiet.fiscalYearTotal == Money::cents(1000));
    CHECK(quiet.grandTotal == Money::cents(11000));

    const auto all = app::closings(*store);
    REQUIRE(all.size() == 5);
    CHECK(all[0].number == 5);
    CHECK(all[4].number == 1);
    const auto latest = app::closings(*store, 2);
    REQUIRE(latest.size() == 2);
    CHECK(latest[0].number == 5);
    CHECK(latest[1].number == 4);
}

TEMPLATE_TEST_CASE("monthly and annual closings are built from the daily ones once their period has ended", "[cash]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    FixedClock clock(at("2026-07-14T06:00:00Z"));

    app::openCashSession(*store, clock, count("50x2"), std::nullopt);
    deskSale(*store, clock, day(2026, 7, 14), "10:00", {2, 1, 0}, {cash(3100)});   // 31.00 cash
    app::recordCashMovement(*store, clock, app::CashDirection::In, Money::cents(1000), "coins", false, std::nullopt);
    clock.set(at("2026-07-14T18:00:00Z"));
    const Closing d14 = close(*store, clock, day(2026, 7, 14), "100x1,20x2,1x1");   // 141.00
    clock.set(at("2026-07-15T06:00:00Z"));
    deskSale(*store, clock, day(2026, 7, 15), "10:00", {1, 0, 0}, {card(1200)});
    voucher(*store, clock, 5000, PaymentMethod::Card);
    clock.set(at("2026-07-15T18:00:00Z"));
    const Closing d15 = close(*store, clock, day(2026, 7, 15));

    clock.set(at("2026-07-31T20:00:00Z"));   // 22:00 on the 31st
    CHECK(refusal([&] { app::closeMonth(*store, clock, 2026, 7, std::nullopt); }) ==
          "2026-07 has not ended: it can be closed from 2026-08-01");
    CHECK(refusal([&] { app::closeMonth(*store, clock, 2026, 13, std::nullopt); }) == "month: must be 1 to 12");

    clock.set(at("2026-08-01T08:00:00Z"));
    CHECK(refusal([&] { app::closeMonth(*store, clock, 2026, 6, std::nullopt); }) ==
          "no daily closing in 2026-06 to build from");
    const Uuid staff = addEmployee(*store, "sacha", "Sacha Roth", Role::Staff);
    CHECK_THROWS_AS(app::closeMonth(*store, clock, 2026, 7, staff), PermissionDenied);
    const Uuid accountant = addEmployee(*store, "compta", "Claire Comptable", Role::Accountant);

    const Closing july = app::closeMonth(*store, clock, 2026, 7, accountant);
    CHECK(july.number == 3);
    CHECK(july.period == ClosingPeriod::Month);
    CHECK(july.from == day(2026, 7, 1));
    CHECK(july.to == day(2026, 7, 31));
    CHECK(july.operatorName == "Claire Comptable");
    CHECK(july.receiptCount == d14.receiptCount + d15.receiptCount);
    CHECK(july.receiptCount == 3);
    CHECK(july.firstReceipt == 1);
    CHECK(july.lastReceipt == 3);
    REQUIRE(july.byMethod.size() == 2);
    CHECK(july.byMethod[0] == MethodTotal{PaymentMethod::Cash, 1, Money::cents(3100)});
    CHECK(july.byMethod[1] == MethodTotal{PaymentMethod::Card, 2, Money::cents(6200)});
    REQUIRE(july.byVat.size() == 1);
    CHECK(july.byVat[0] == VatTotal{1000, Money::cents(8454), Money::cents(846), Money::cents(9300)});
    CHECK(july.periodTotal == d14.periodTotal + d15.periodTotal);
    CHECK(july.periodTotal == Money::cents(9300));
    CHECK(july.cashIn == Money::cents(1000));
    CHECK(july.fiscalYearTotal == Money::cents(9300));
    CHECK(july.grandTotal == Money::cents(9300));
    CHECK_FALSE(july.counted);

    CHECK(refusal([&] { app::closeMonth(*store, clock, 2026, 7, std::nullopt); }) ==
          "2026-07 is already closed: closing #3");
    CHECK(app::closingOf(*store, ClosingPeriod::Month, day(2026, 7, 20))->number == 3);
    CHECK(refusal([&] { app::closeYear(*store, clock, 2026, std::nullopt); }) ==
          "2026 has not ended: it can be closed from 2027-01-01");

    // A day after the monthly closing carries the running totals on.
    voucher(*store, clock, 1000, PaymentMethod::Card);
    clock.set(at("2026-08-01T18:00:00Z"));
    const Closing august = close(*store, clock, day(2026, 8, 1));
    CHECK(august.fiscalYearTotal == Money::cents(10300));
    CHECK(august.grandTotal == Money::cents(10300));

    clock.set(at("2027-01-01T08:00:00Z"));
    CHECK(refusal([&] { app::closeYear(*store, clock, 2025, std::nullopt); }) ==
          "no monthly closing in 2025 to build from");
    const Closing year = app::closeYear(*store, clock, 2026, std::nullopt);   // July only: August was not closed
    CHECK(year.period == ClosingPeriod::Year);
    CHECK(year.from == day(2026, 1, 1));
    CHECK(year.to == day(2026, 12, 31));
    CHECK(year.periodTotal == Money::cents(9300));
    CHECK(year.receiptCount == 3);
    CHECK(refusal([&] { app::closeYear(*store, clock, 2026, std::nullopt); }) ==
          "2026 is already closed: closing #" + std::to_string(year.number));

    // The next day goes on from the latest day (August), not from the annual closing (July's totals).
    clock.set(at("2027-01-01T18:00:00Z"));
    const Closing nextYear = close(*store, clock, day(2027, 1, 1));
    CHECK(nextYear.fiscalYearTotal == Money::cents(0));
    CHECK(nextYear.grandTotal == Money::cents(10300));

    const auto events = app::technicalEvents(*store, 2);
    REQUIRE(events.size() == 2);
    CHECK(events[1].kind == EventKind::Closing);
    CHECK(events[1].details == "YEAR 2026-01-01 – 2026-12-31: closing #" + std::to_string(year.number) +
                                   ", period total 93.00 EUR");
}
