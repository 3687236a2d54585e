// Cancelling and refunding on both engines: counter-entries only, each payment back by its own
// method unless the operator picks one, a cancellation ticket for money that left the desk.
#include "app/cancellation.h"
#include "app/desk.h"
#include "domain/errors.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

app::DeskSaleResult sell(Store& store, const Clock& clock, int adults, std::vector<app::Tender> tenders) {
    app::DeskSaleRequest r;
    r.sale.date = bastilleDay();
    r.sale.time = parseWallTime("10:00", "time");
    r.sale.party = {adults, 0, 0};
    r.sale.customer = Customer{Uuid::generate(), "Marie Dupont", "", "", "fr"};
    r.tenders = std::move(tenders);
    return app::sellAtDesk(store, clock, r);
}

app::Tender tender(PaymentMethod m, std::int64_t cents, const std::string& code = "") {
    return {m, Money::cents(cents), Money::zero(), code};
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

TEMPLATE_TEST_CASE("cancelling a booking paid cash and card refunds each by its method on one cancellation ticket",
                   "[desk][cancel]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    openDrawer(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    const auto sold = sell(*store, clock, 3, {tender(PaymentMethod::Cash, 1600), tender(PaymentMethod::Card, 2000)});

    const auto done = app::cancelBooking(*store, clock, {sold.sale.booking.ref, app::RefundChoice::Original, "rain", std::nullopt});
    CHECK(done.booking.state == BookingState::Cancelled);
    REQUIRE(done.refunds.size() == 2);
    CHECK(done.refunds[0].method == PaymentMethod::Card);   // largest first
    CHECK(done.refunds[0].amount == Money::cents(2000));
    CHECK(done.refunds[0].status == RefundStatus::Done);
    CHECK(done.refunds[1].method == PaymentMethod::Cash);
    CHECK(done.refunds[1].amount == Money::cents(1600));
    REQUIRE(done.receipt);
    CHECK(done.receipt->number == 2);
    CHECK(done.receipt->kind == ReceiptKind::Cancellation);
    CHECK(done.receipt->total == Money::cents(-3600));
    REQUIRE(done.receipt->vat.size() == 1);
    CHECK(done.receipt->vat[0].vat == Money::cents(-327));
    REQUIRE(done.receipt->payments.size() == 2);
    CHECK(done.receipt->payments[1].amount == Money::cents(-1600));

    std::vector<Refund> stored;
    std::vector<ChainRecord> sealed;
    store->read([&](StoreReader& r) {
        stored = r.refundsOfBooking(sold.sale.booking.id);
        sealed = r.chainRecords(Chain::Refund, 1, 10);
    });
    REQUIRE(stored.size() == 2);
    REQUIRE(sealed.size() == 2);
    CHECK(sealed[0].content == canonicalRefund(done.refunds[0]));
    CHECK(refusal([&] {
              app::cancelBooking(*store, clock, {sold.sale.booking.ref, app::RefundChoice::Original, "again", std::nullopt});
          }) == sold.sale.booking.ref.str() + ": a CANCELLED booking cannot become CANCELLED: it is already in that state");
}

TEMPLATE_TEST_CASE("refund choices: owed for online payments, a voucher credited back, a new voucher as credit",
                   "[desk][cancel]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    openDrawer(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));

    // A web booking paid with Stripe: the refund is owed (the provider does it), no desk ticket.
    app::DeskSaleRequest web;
    web.sale.date = bastilleDay();
    web.sale.time = parseWallTime("11:00", "time");
    web.sale.party = {1, 0, 0};
    web.sale.channel = Channel::Web;
    const auto pending = app::sellAtDesk(*store, clock, web);
    store->write([&](StoreWriter& w) {
        w.insertPayment({Uuid::generate(), pending.sale.booking.id, PaymentMethod::Stripe, Money::cents(1200),
                         PaymentStatus::Succeeded, "pi_3Q", at("2026-07-14T05:00:00Z")});
        w.updateBookingState(pending.sale.booking.id, BookingState::Confirmed);
    });
    const auto online = app::cancelBooking(*store, clock, {pending.sale.booking.ref, app::RefundChoice::Original, "storm", std::nullopt});
    REQUIRE(online.refunds.size() == 1);
    CHECK(online.refunds[0].status == RefundStatus::Owed);
    CHECK_FALSE(online.refunds[0].method);
    CHECK_FALSE(online.receipt);

    // Paid by a voucher: the voucher gets its value back.
    Voucher v;
    v.id = Uuid::generate();
    v.code = GiftCode::fromNumber(31337);
    v.value = Money::cents(5000);
    v.expiresOn = parseDate("2027-07-14", "expiry");
    v.soldAt = at("2026-06-01T09:00:00Z");
    v.paidWith = PaymentMethod::Card;
    store->write([&](StoreWriter& w) { w.insertVoucher(v); });
    const auto byVoucher = sell(*store, clock, 2, {tender(PaymentMethod::Voucher, 2400, v.code.str())});
    const auto credited = app::cancelBooking(*store, clock, {byVoucher.sale.booking.ref, app::RefundChoice::Original, "sick", std::nullopt});
    REQUIRE(credited.refunds.size() == 1);
    CHECK(credited.refunds[0].method == PaymentMethod::Voucher);
    CHECK_FALSE(credited.creditVoucher);
    std::vector<VoucherMovement> moves;
    store->read([&](StoreReader& r) { moves = r.voucherMovements(v.id); });
    REQUIRE(moves.size() == 2);
    CHECK(moves[1].kind == VoucherMovementKind::Credit);
    CHECK(moves[1].amount == Money::cents(2400));
    CHECK(voucherStatus(v, moves, bastilleDay()).balance == Money::cents(5000));

    // Paid cash, refunded as a new voucher (a credit note the customer keeps).
    const auto byCash = sell(*store, clock, 1, {tender(PaymentMethod::Cash, 0)});
    const auto asCredit = app::cancelBooking(*store, clock, {byCash.sale.booking.ref, app::RefundChoice::Voucher, "later", std::nullopt});
    REQUIRE(asCredit.creditVoucher);
    CHECK(asCredit.creditVoucher->value == Money::cents(1200));
    CHECK(asCredit.creditVoucher->recipientName == "Marie Dupont");
    CHECK_FALSE(asCredit.creditVoucher->paidWith);
    REQUIRE(asCredit.receipt);
    REQUIRE(asCredit.receipt->payments.size() == 1);
    CHECK(asCredit.receipt->payments[0].voucherCode == asCredit.creditVoucher->code.str());
    std::optional<Voucher> stored;
    store->read([&](StoreReader& r) { stored = r.voucherByCode(asCredit.creditVoucher->code); });
    CHECK(stored);
}

TEMPLATE_TEST_CASE("a partial refund leaves the booking confirmed; more than what is left is refused; permissions apply",
                   "[desk][cancel]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    openDrawer(*store, "20x1");   // the goodwill refund below is given in cash
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    Employee lucas{Uuid::generate(), "lucas", "Lucas Fischer", Role::Staff, true, "", ""};
    store->write([&](StoreWriter& w) { w.saveEmployee(lucas); });
    const auto sold = sell(*store, clock, 2, {tender(PaymentMethod::Card, 0)});
    const auto ref = sold.sale.booking.ref;

    const auto part = app::refundBooking(*store, clock, {ref, Money::cents(500), app::RefundChoice::Original, "late start", std::nullopt});
    CHECK(part.booking.state == BookingState::Confirmed);
    REQUIRE(part.refunds.size() == 1);
    CHECK(part.refunds[0].method == PaymentMethod::Card);
    REQUIRE(part.receipt);
    CHECK(part.receipt->kind == ReceiptKind::Refund);
    CHECK(part.receipt->total == Money::cents(-500));
    CHECK(part.receipt->vat[0].vat == Money::cents(-45));

    CHECK(refusal([&] {
              app::refundBooking(*store, clock, {ref, Money::cents(2000), app::RefundChoice::Original, "x", std::nullopt});
          }) == "amount: 20.00 € is more than the 19.00 € left to refund on " + ref.str());
    CHECK(refusal([&] { app::refundBooking(*store, clock, {ref, Money::cents(100), app::RefundChoice::Cash, " ", std::nullopt}); }) ==
          "reason: is required: say why (it is printed on the cancellation ticket)");
    CHECK(refusal([&] { app::cancelBooking(*store, clock, {ref, app::RefundChoice::Original, "no", lucas.id}); }) ==
          "the staff role may not cancel_booking");
    CHECK(refusal([&] { app::refundBooking(*store, clock, {ref, Money::cents(100), app::RefundChoice::Cash, "no", lucas.id}); }) ==
          "the staff role may not refund_payment");

    // After the departure: cancelling is refused, refunding still possible.
    const FixedClock after(at("2026-07-14T09:00:00Z"));
    CHECK(refusal([&] { app::cancelBooking(*store, after, {ref, app::RefundChoice::Original, "late", std::nullopt}); }) ==
          ref.str() + ": its departure has left; mark it no-show, or refund it");
    const auto rest = app::refundBooking(*store, after, {ref, Money::cents(1900), app::RefundChoice::Cash, "goodwill", std::nullopt});
    CHECK(rest.refunds[0].method == PaymentMethod::Cash);
}
