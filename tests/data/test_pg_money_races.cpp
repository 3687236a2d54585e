// Money read then written by several desks at once on one PostgreSQL database, each desk with its own
// connection, all starting together: a cancellation, a refund, a collection, a voucher redemption
// or extension, a cash movement, a cash refund and a closing each give exactly what one desk alone
// would. Each path locks what it reads (the booking, the voucher, the cash session); without that
// lock these tests see the money paid back twice.
#include "app/cancellation.h"
#include "app/cash_drawer.h"
#include "app/desk.h"
#include "app/store_factory.h"
#include "app/vouchers.h"
#include "domain/errors.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

#include <functional>
#include <latch>
#include <map>
#include <thread>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

constexpr int kDesks = 16;

enum class Outcome { Done, Validation, Conflict, Other };

struct Result {
    Outcome outcome = Outcome::Other;
    std::string field;   // of a ValidationError
    std::string error;   // what() of anything unexpected
};

// Runs `attempt(store, desk)` once on each of kDesks connections, released together.
std::vector<Result> race(const PgEngine& engine, const std::function<void(Store&, int)>& attempt) {
    std::vector<Result> results(kDesks);
    std::latch ready(kDesks);
    {
        std::vector<std::jthread> desks;
        for (int desk = 0; desk < kDesks; ++desk) {
            desks.emplace_back([&, desk] {
                auto& mine = results[static_cast<std::size_t>(desk)];
                std::unique_ptr<Store> store;
                try {
                    store = app::openStore(engine.location());
                } catch (const std::exception& e) {
                    mine.error = std::string("open: ") + e.what();
                }
                ready.arrive_and_wait();
                if (!store) return;
                try {
                    attempt(*store, desk);
                    mine.outcome = Outcome::Done;
                } catch (const ValidationError& e) {
                    mine.outcome = Outcome::Validation;
                    mine.field = e.field();
                } catch (const ConflictError& e) {
                    mine.outcome = Outcome::Conflict;
                    mine.error = e.what();
                } catch (const std::exception& e) {
                    mine.error = e.what();
                }
            });
        }
    }
    return results;
}

int count(const std::vector<Result>& results, Outcome outcome) {
    int n = 0;
    for (const auto& r : results) n += r.outcome == outcome;
    return n;
}

std::vector<std::string> unexpected(const std::vector<Result>& results) {
    std::vector<std::string> errors;
    for (const auto& r : results)
        if (r.outcome == Outcome::Other) errors.push_back(r.error);
    return errors;
}

// Two adults (24.00 €) on 14 July at `time`, sold by `employee`, paid with `tenders` (none: pending).
app::DeskSaleRequest twoAdults(Minutes time, std::vector<app::Tender> tenders, const Uuid& employee) {
    app::DeskSaleRequest r;
    r.sale.date = bastilleDay();
    r.sale.time = time;
    r.sale.party = {2, 0, 0};
    r.sale.employeeId = employee;
    r.tenders = std::move(tenders);
    return r;
}

// 09:40 in Colmar on 14 July 2026: the 10:00 departure is ahead.
const FixedClock kClock(at("2026-07-14T07:40:00Z"));

struct Desk {
    PgEngine engine;
    std::unique_ptr<Store> store = engine.open();
    Uuid manager;

    Desk() {
        seedWorld(*store);
        Employee e{Uuid::generate(), "manon", "Manon Weiss", Role::Manager, true, "", "manon@example.fr"};
        store->write([&](StoreWriter& w) { w.saveEmployee(e); });
        manager = e.id;
    }

    void openDrawer(const char* counted) {
        app::openCashSession(*store, kClock, CashCount::parse(counted, "count"), manager);
    }

    // Two adults on the 10:00 (24.00 €), paid with `tenders` (empty: a phone booking, pending).
    Booking sell(std::vector<app::Tender> tenders) {
        return app::sellAtDesk(*store, kClock, twoAdults(Minutes{10 * 60}, std::move(tenders), manager)).sale.booking;
    }

    // A 30.00 € gift voucher, paid by card.
    Voucher voucher30() {
        app::VoucherSaleRequest v;
        v.value = Money::cents(3000);
        v.paidWith = PaymentMethod::Card;
        v.employeeId = manager;
        return app::sellVoucher(*store, kClock, v).voucher;
    }

    std::vector<Refund> refunds(const Booking& b) {
        std::vector<Refund> x;
        store->read([&](StoreReader& r) { x = r.refundsOfBooking(b.id); });
        return x;
    }
};

app::Tender card(std::int64_t cents) { return {PaymentMethod::Card, Money::cents(cents), Money::zero(), ""}; }
app::Tender cash(std::int64_t cents) { return {PaymentMethod::Cash, Money::cents(cents), Money::zero(), ""}; }

Money sum(const std::vector<Refund>& refunds) {
    Money total;
    for (const auto& x : refunds) total += x.amount;
    return total;
}

}  // namespace

TEST_CASE("sixteen desks cancelling one paid booking cancel it once and refund it once", "[pg][race]") {
    Desk d;
    const Booking b = d.sell({card(2400)});
    const auto results = race(d.engine, [&](Store& store, int) {
        app::CancelRequest r;
        r.ref = b.ref;
        r.reason = "weather";
        r.employeeId = d.manager;
        app::cancelBooking(store, kClock, r);
    });
    CAPTURE(unexpected(results));
    CHECK(count(results, Outcome::Done) == 1);
    CHECK(count(results, Outcome::Conflict) == kDesks - 1);
    const auto refunds = d.refunds(b);
    CHECK(refunds.size() == 1);
    CHECK(sum(refunds) == Money::cents(2400));
}

TEST_CASE("sixteen desks refunding 10 € of a 24 € booking refund it twice at most", "[pg][race]") {
    Desk d;
    const Booking b = d.sell({card(2400)});
    const auto results = race(d.engine, [&](Store& store, int) {
        app::RefundRequest r;
        r.ref = b.ref;
        r.amount = Money::cents(1000);
        r.reason = "late start";
        r.employeeId = d.manager;
        app::refundBooking(store, kClock, r);
    });
    CAPTURE(unexpected(results));
    CHECK(count(results, Outcome::Done) == 2);
    CHECK(count(results, Outcome::Validation) == kDesks - 2);
    for (const auto& r : results)
        if (r.outcome == Outcome::Validation) CHECK(r.field == "amount");
    CHECK(sum(d.refunds(b)) == Money::cents(2000));
}

TEST_CASE("sixteen desks collecting one phone booking take its money once", "[pg][race]") {
    Desk d;
    const Booking b = d.sell({});   // pending, 24.00 € due
    const auto results = race(d.engine, [&](Store& store, int) {
        app::collectPayment(store, kClock, b.ref, {card(0)}, d.manager);
    });
    CAPTURE(unexpected(results));
    CHECK(count(results, Outcome::Done) == 1);
    CHECK(count(results, Outcome::Conflict) == kDesks - 1);
    std::vector<Payment> payments;
    d.store->read([&](StoreReader& r) { payments = r.paymentsOfBooking(b.id); });
    REQUIRE(payments.size() == 1);
    CHECK(payments[0].amount == Money::cents(2400));
}

TEST_CASE("sixteen desks redeeming 20 € of a 30 € voucher spend it once", "[pg][race]") {
    Desk d;
    const Voucher voucher = d.voucher30();
    std::vector<Booking> bookings;
    for (int i = 0; i < kDesks; ++i) {
        // Two adults each on the four departures from 10:00: 16 phone bookings of 24.00 € due.
        bookings.push_back(app::sellAtDesk(*d.store, kClock, twoAdults(Minutes{10 * 60 + 30 * (i % 4)}, {}, d.manager)).sale.booking);
    }
    const auto results = race(d.engine, [&](Store& store, int desk) {
        app::redeemVoucher(store, kClock, voucher.code.str(), Money::cents(2000),
                           bookings[static_cast<std::size_t>(desk)].ref, d.manager);
    });
    CAPTURE(unexpected(results));
    CHECK(count(results, Outcome::Done) == 1);
    CHECK(count(results, Outcome::Conflict) == kDesks - 1);
    const auto card = app::loadVoucher(*d.store, kClock, voucher.code.str());
    CHECK(card.status.balance == Money::cents(1000));
}

TEST_CASE("sixteen desks paying with one 30 € voucher in a sale spend it once", "[pg][race]") {
    Desk d;
    const Voucher voucher = d.voucher30();
    const auto results = race(d.engine, [&](Store& store, int desk) {
        app::sellAtDesk(store, kClock,
                        twoAdults(Minutes{10 * 60 + 30 * (desk % 4)},
                                  {{PaymentMethod::Voucher, Money::cents(2000), Money::zero(), voucher.code.str()}, card(400)},
                                  d.manager));
    });
    CAPTURE(unexpected(results));
    CHECK(count(results, Outcome::Done) == 1);
    CHECK(count(results, Outcome::Validation) == kDesks - 1);
    const auto card = app::loadVoucher(*d.store, kClock, voucher.code.str());
    CHECK(card.status.balance == Money::cents(1000));
}

TEST_CASE("sixteen desks extending one voucher to the same date extend it once", "[pg][race]") {
    Desk d;
    const Voucher voucher = d.voucher30();
    const LocalDate later{date::year{2028}, date::month{1}, date::day{31}};
    const auto results = race(d.engine, [&](Store& store, int) {
        app::extendVoucher(store, kClock, voucher.code.str(), later, d.manager);
    });
    CAPTURE(unexpected(results));
    CHECK(count(results, Outcome::Done) == 1);
    CHECK(count(results, Outcome::Validation) == kDesks - 1);
    const auto card = app::loadVoucher(*d.store, kClock, voucher.code.str());
    int extensions = 0;
    for (const auto& m : card.movements) extensions += m.kind == VoucherMovementKind::Extend;
    CHECK(extensions == 1);
    CHECK(card.status.expiresOn == later);
}

TEST_CASE("sixteen desks taking 100 € out of a 200 € drawer take it twice", "[pg][race]") {
    Desk d;
    d.openDrawer("50x4");
    const auto results = race(d.engine, [&](Store& store, int) {
        app::recordCashMovement(store, kClock, app::CashDirection::Out, Money::euros(100), "to the bank", true, d.manager);
    });
    CAPTURE(unexpected(results));
    CHECK(count(results, Outcome::Done) == 2);
    CHECK(count(results, Outcome::Validation) == kDesks - 2);
    for (const auto& r : results)
        if (r.outcome == Outcome::Validation) CHECK(r.field == "amount");
    CHECK(app::deskDrawer(*d.store, kClock).expectedCash == Money::zero());
}

TEST_CASE("cash refunds and pay-outs racing never take more than the drawer holds", "[pg][race]") {
    Desk d;
    d.openDrawer("10x5");   // 50.00 €
    std::vector<Booking> paid;
    for (int i = 0; i < kDesks / 2; ++i) paid.push_back(d.sell({cash(2400)}));   // the drawer: 50 + 8 × 24 = 242.00 €
    REQUIRE(app::deskDrawer(*d.store, kClock).expectedCash == Money::cents(24200));
    // Half the desks cancel a cash booking (24.00 € back each), half take 40.00 € out: 192 + 320
    // asked for, 242 held.
    const auto results = race(d.engine, [&](Store& store, int desk) {
        if (desk % 2 == 0) {
            app::CancelRequest r;
            r.ref = paid[static_cast<std::size_t>(desk / 2)].ref;
            r.reason = "changed plans";
            r.employeeId = d.manager;
            app::cancelBooking(store, kClock, r);
        } else {
            app::recordCashMovement(store, kClock, app::CashDirection::Out, Money::euros(40), "petty cash", false,
                                    d.manager);
        }
    });
    CAPTURE(unexpected(results));
    CHECK(unexpected(results).empty());
    int refunded = 0, paidOut = 0;
    for (int desk = 0; desk < kDesks; ++desk)
        if (results[static_cast<std::size_t>(desk)].outcome == Outcome::Done) (desk % 2 == 0 ? refunded : paidOut) += 1;
    const Money held = app::deskDrawer(*d.store, kClock).expectedCash;
    CHECK(held == Money::cents(24200 - 2400 * refunded - 4000 * paidOut));
    CHECK(held >= Money::zero());
    // Whatever was refused was refused for want of cash: less than the smallest ask was left.
    if (refunded + paidOut < kDesks) CHECK(held < Money::euros(40));
}

TEST_CASE("sixteen desks closing the same day make one Z", "[pg][race]") {
    Desk d;
    d.openDrawer("50x2");
    d.sell({cash(2400)});
    const FixedClock evening(at("2026-07-14T18:00:00Z"));
    const auto results = race(d.engine, [&](Store& store, int) {
        app::CloseDayRequest r;
        r.date = bastilleDay();
        r.counted = CashCount::parse("50x2,20x1,2x2", "count");
        r.employeeId = d.manager;
        app::closeDay(store, evening, r);
    });
    CAPTURE(unexpected(results));
    CHECK(count(results, Outcome::Done) == 1);
    CHECK(count(results, Outcome::Conflict) == kDesks - 1);
    const auto closings = app::closings(*d.store);
    REQUIRE(closings.size() == 1);
    CHECK(closings[0].expectedCash == Money::cents(12400));
    CHECK(closings[0].difference == Money::zero());
}
