// The ticket desk on both engines: a sale paid by cash, card, voucher or a split, numbered receipts,
// phone bookings collected later, reprints — and every refusal, which leaves the store as it was.
#include "app/desk.h"
#include "app/fiscal_log.h"
#include "app/settings.h"
#include "domain/errors.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

app::DeskSaleRequest deskSale(int adults, int children, std::vector<app::Tender> tenders, const char* time = "10:00") {
    app::DeskSaleRequest r;
    r.sale.date = bastilleDay();
    r.sale.time = parseWallTime(time, "time");
    r.sale.party = {adults, children, 0};
    r.tenders = std::move(tenders);
    return r;
}

app::Tender cash(std::int64_t cents, std::int64_t given = 0) {
    return {PaymentMethod::Cash, Money::cents(cents), Money::cents(given), ""};
}
app::Tender card(std::int64_t cents) { return {PaymentMethod::Card, Money::cents(cents), Money::zero(), ""}; }
app::Tender voucher(std::int64_t cents, const std::string& code) {
    return {PaymentMethod::Voucher, Money::cents(cents), Money::zero(), code};
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

Voucher giftVoucher(std::int64_t cents, VoucherVat vat = VoucherVat::SinglePurpose, std::uint64_t number = 4242) {
    Voucher v;
    v.id = Uuid::generate();
    v.code = GiftCode::fromNumber(number);
    v.value = Money::cents(cents);
    v.buyerName = "Anne Keller";
    v.recipientName = "Paul Keller";
    v.expiresOn = parseDate("2027-06-30", "expiry");
    v.soldAt = at("2026-06-30T09:00:00Z");
    v.paidWith = PaymentMethod::Cash;
    v.vat = vat;
    return v;
}

std::int64_t bookingCount(Store& store) {
    std::int64_t n = 0;
    store.read([&](StoreReader& r) { n = r.bookingCount(); });
    return n;
}

}  // namespace

TEMPLATE_TEST_CASE("a desk sale split between cash and card: one booking, two sealed payments, receipt #1 with change",
                   "[desk]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    openDrawer(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));

    // 2 adults + 1 child = 31.00 €: 20.00 in cash (a 50 € note handed over), 11.00 on the card.
    const auto result = app::sellAtDesk(*store, clock, deskSale(2, 1, {cash(2000, 5000), card(1100)}));
    CHECK(result.sale.booking.state == BookingState::Confirmed);
    CHECK(result.change == Money::cents(3000));
    REQUIRE(result.receipt);
    const Receipt& r = *result.receipt;
    CHECK(r.number == 1);
    CHECK(r.kind == ReceiptKind::Sale);
    CHECK(r.reference == result.sale.booking.ref.str());
    CHECK(r.departure == "2026-07-14 10:00 · Lauch");
    CHECK(r.party == "2A 1C");
    CHECK(r.desk == "DESK-1");
    CHECK(r.total == Money::cents(3100));
    REQUIRE(r.lines.size() == 2);
    CHECK(r.lines[0].label == "Adulte");
    CHECK(r.lines[0].quantity == 2);
    CHECK(r.lines[0].total == Money::cents(2400));
    CHECK(r.lines[0].vat == Money::cents(218));
    CHECK(r.lines[1].label == "Enfant");
    CHECK(r.lines[1].vat == Money::cents(64));
    REQUIRE(r.vat.size() == 1);
    CHECK(r.vat[0].rateBasisPoints == 1000);
    CHECK(r.vat[0].total == Money::cents(3100));
    CHECK(r.vat[0].vat == Money::cents(282));
    REQUIRE(r.payments.size() == 2);
    CHECK(r.payments[0].method == PaymentMethod::Cash);
    CHECK(r.payments[0].given == Money::cents(5000));
    CHECK(r.payments[0].change == Money::cents(3000));
    CHECK(r.payments[1].method == PaymentMethod::Card);
    CHECK(r.hash.size() == 64);

    std::vector<Payment> payments;
    std::vector<ChainRecord> sealed;
    store->read([&](StoreReader& rd) {
        payments = rd.paymentsOfBooking(result.sale.booking.id);
        sealed = rd.chainRecords(Chain::Payment, 1, 10);
    });
    REQUIRE(payments.size() == 2);
    REQUIRE(sealed.size() == 2);
    CHECK(sealed[0].seq == 1);
    CHECK(sealed[1].seq == 2);
    CHECK(sealed[1].prevHash == sealed[0].hash);
    for (const auto& p : payments) {
        const auto it = std::find_if(sealed.begin(), sealed.end(), [&](const ChainRecord& c) { return c.entityId == p.id.str(); });
        REQUIRE(it != sealed.end());
        CHECK(it->content == canonicalPayment(p));
    }

    // The next sale gets receipt #2, chained to #1.
    const auto second = app::sellAtDesk(*store, clock, deskSale(1, 0, {card(0)}));
    REQUIRE(second.receipt);
    CHECK(second.receipt->number == 2);
    CHECK(second.receipt->total == Money::cents(1200));
    const auto copies = app::receiptsOf(*store, second.sale.booking.ref.str());
    REQUIRE(copies.size() == 1);
    CHECK(copies[0].number == 2);
    CHECK(copies[0].hash == second.receipt->hash);
}

TEMPLATE_TEST_CASE("tenders that do not add up, too little cash or cash over the legal limit change nothing", "[desk]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    openDrawer(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));

    CHECK(refusal([&] { app::sellAtDesk(*store, clock, deskSale(2, 0, {cash(1000), card(1000)})); }) ==
          "payment: the payments add up to 20.00 €, the amount due is 24.00 €");
    CHECK(refusal([&] { app::sellAtDesk(*store, clock, deskSale(2, 0, {cash(2400, 2000)})); }) ==
          "cash given: 20.00 € is less than the cash part 24.00 €");
    CHECK(refusal([&] { app::sellAtDesk(*store, clock, deskSale(2, 0, {{PaymentMethod::Stripe, Money::zero(), Money::zero(), ""}})); }) ==
          "payment: the desk takes cash, card or a gift voucher, not STRIPE");

    // 11 adults at 100.00 € = 1,100.00 €: over the 1,000 € cash limit.
    store->write([](StoreWriter& w) {
        w.savePriceList({Uuid::generate(), parseDate("2026-07-01", "from"), Money::euros(100), Money::euros(50), Money::zero(), 1000});
    });
    CHECK(refusal([&] { app::sellAtDesk(*store, clock, deskSale(11, 0, {cash(0)})); }) ==
          "payment: cash is limited to 1000.00 € per sale (French law for residents); the cash part is 1100.00 €");
    CHECK(app::sellAtDesk(*store, clock, deskSale(11, 0, {cash(90000), card(20000)})).receipt->number == 1);

    std::vector<ChainRecord> receipts;
    store->read([&](StoreReader& r) { receipts = r.chainRecords(Chain::Receipt, 1, 10); });
    CHECK(receipts.size() == 1);   // the refused sales used no number: the sequence has no gap
    CHECK(bookingCount(*store) == 1);
}

TEMPLATE_TEST_CASE("a gift voucher pays part of a sale; its balance goes down and an expired one is refused", "[desk]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    openDrawer(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    const Voucher v = giftVoucher(3000);
    store->write([&](StoreWriter& w) { w.insertVoucher(v); });

    // 2A 1C = 31.00 €: 30.00 on the voucher (typed in lower case), 1.00 in cash.
    std::string typed = v.code.str();
    std::transform(typed.begin(), typed.end(), typed.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto sold = app::sellAtDesk(*store, clock, deskSale(2, 1, {voucher(3000, typed), cash(100)}));
    REQUIRE(sold.receipt);
    REQUIRE(sold.receipt->payments.size() == 2);
    CHECK(sold.receipt->payments[0].voucherCode == v.code.str());
    CHECK(sold.receipt->payments[0].voucherSinglePurpose);
    // A single-purpose voucher's VAT was due when it was sold: only the 1.00 € in cash bears VAT now.
    REQUIRE(sold.receipt->vat.size() == 1);
    CHECK(sold.receipt->vat[0].total == Money::cents(100));
    CHECK(sold.receipt->vat[0].vat == Money::cents(9));

    std::vector<VoucherMovement> moves;
    std::vector<Payment> payments;
    store->read([&](StoreReader& r) {
        moves = r.voucherMovements(v.id);
        payments = r.paymentsOfBooking(sold.sale.booking.id);
    });
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].kind == VoucherMovementKind::Redeem);
    CHECK(moves[0].amount == Money::cents(3000));
    CHECK(moves[0].bookingId == sold.sale.booking.id);
    const auto byVoucher = std::find_if(payments.begin(), payments.end(), [](const Payment& p) { return p.method == PaymentMethod::Voucher; });
    REQUIRE(byVoucher != payments.end());
    CHECK(byVoucher->providerRef == v.code.str());

    // Nothing left on it now; an unknown code and an expired voucher are refused by name.
    CHECK(refusal([&] { app::sellAtDesk(*store, clock, deskSale(1, 0, {voucher(1200, v.code.str())})); }) ==
          "voucher: " + v.code.str() + " cannot pay 12.00 €: already used");
    const GiftCode unknown = GiftCode::fromNumber(777);
    CHECK(refusal([&] { app::sellAtDesk(*store, clock, deskSale(1, 0, {voucher(1200, unknown.str())})); }) ==
          "voucher: there is no voucher " + unknown.str());
    Voucher old = giftVoucher(5000, VoucherVat::SinglePurpose, 99);
    old.expiresOn = parseDate("2026-07-01", "expiry");
    store->write([&](StoreWriter& w) { w.insertVoucher(old); });
    CHECK(refusal([&] { app::sellAtDesk(*store, clock, deskSale(1, 0, {voucher(1200, old.code.str())})); }) ==
          "voucher: " + old.code.str() + " cannot pay 12.00 €: expired on 2026-07-01");
    CHECK(bookingCount(*store) == 1);
}

TEMPLATE_TEST_CASE("a phone booking is collected at the desk: confirmed, receipt with the price lines; twice is refused",
                   "[desk]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    openDrawer(*store);
    FixedClock clock(at("2026-07-14T06:00:00Z"));

    auto phone = deskSale(1, 1, {});
    phone.sale.channel = Channel::Phone;
    const auto held = app::sellAtDesk(*store, clock, phone);
    CHECK(held.sale.booking.state == BookingState::Pending);
    CHECK_FALSE(held.receipt);
    store->read([&](StoreReader& r) { CHECK(app::amountDue(r, held.sale.booking) == Money::cents(1900)); });

    clock.set(at("2026-07-14T06:10:00Z"));
    const auto paid = app::collectPayment(*store, clock, held.sale.booking.ref, {cash(0, 2000)}, std::nullopt);
    CHECK(paid.sale.booking.state == BookingState::Confirmed);
    CHECK(paid.change == Money::cents(100));
    REQUIRE(paid.receipt);
    CHECK(paid.receipt->number == 1);
    CHECK(paid.receipt->total == Money::cents(1900));
    CHECK(paid.receipt->lines.size() == 2);
    CHECK(refusal([&] { app::collectPayment(*store, clock, held.sale.booking.ref, {cash(0)}, std::nullopt); }) ==
          held.sale.booking.ref.str() + " is paid in full: nothing to collect");

    // A phone booking whose delay ran out cannot be paid: its seats may be sold already.
    auto late = deskSale(2, 0, {}, "11:00");
    late.sale.channel = Channel::Phone;
    const auto expired = app::sellAtDesk(*store, clock, late);
    clock.set(at("2026-07-14T07:00:00Z"));
    CHECK_THROWS_AS(app::collectPayment(*store, clock, expired.sale.booking.ref, {cash(0)}, std::nullopt), ConflictError);
}

TEMPLATE_TEST_CASE("a reprint says DUPLICATA with its count and is journaled; the original copy stays 0", "[desk]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    store->write([](StoreWriter& w) { w.setSetting(app::setting_keys::kBusinessSiret, "12345678900012"); });
    const auto sold = app::sellAtDesk(*store, clock, deskSale(1, 0, {card(0)}));

    CHECK(app::receiptCopy(*store, 1).reprint == 0);
    CHECK(app::reprintReceipt(*store, clock, 1, std::nullopt).reprint == 1);
    const auto second = app::reprintReceipt(*store, clock, 1, std::nullopt);
    CHECK(second.reprint == 2);
    CHECK(second.receipt.hash == sold.receipt->hash);
    CHECK(second.businessName == "Sweet Narcisse");
    CHECK(second.businessId == "SIRET 12345678900012");
    CHECK_THROWS_AS(app::receiptCopy(*store, 7), NotFound);

    std::vector<ChainRecord> events;
    store->read([&](StoreReader& r) { events = r.chainRecords(Chain::Event, 1, 10); });
    REQUIRE(events.size() == 2);
    CHECK(TechnicalEvent::fromRecord(events[1]).details == "receipt 1 reprinted (DUPLICATA 2)");
}

TEMPLATE_TEST_CASE("the desk opens on today's next departures with the first one with room preselected", "[desk]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const FixedClock clock(at("2026-07-14T08:10:00Z"));   // 10:10: 10:00 has left
    // 10:30 full on both boats (12 + 10).
    const FixedClock early(at("2026-07-14T06:00:00Z"));
    app::sellAtDesk(*store, early, deskSale(12, 0, {card(0)}, "10:30"));
    app::sellAtDesk(*store, early, deskSale(10, 0, {card(0)}, "10:30"));

    const auto day = app::deskDepartures(*store, clock);
    REQUIRE(day.departures.size() == 4);   // 10:30, 11:00, 11:30, 12:00
    CHECK(hhmm(day.departures[0].time) == "10:30");
    CHECK(day.departures[0].seatsFree == 0);
    CHECK(day.departures[1].seatsFree == 22);
    CHECK(day.departures[1].largestParty == 12);
    CHECK(day.departures[1].capacity == 22);
    REQUIRE(day.preselected);
    CHECK(*day.preselected == 1);
    CHECK(app::priceOf(*store, bastilleDay(), {3, 2, 1}).total == Money::cents(5000));
}

TEMPLATE_TEST_CASE("staff may sell but an unknown or inactive operator may not", "[desk]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    Employee lucas{Uuid::generate(), "lucas", "Lucas Fischer", Role::Staff, true, "", ""};
    Employee gone{Uuid::generate(), "gone", "Old Hand", Role::Manager, false, "", ""};
    store->write([&](StoreWriter& w) {
        w.saveEmployee(lucas);
        w.saveEmployee(gone);
    });
    auto sale = deskSale(1, 0, {card(0)});
    sale.sale.employeeId = lucas.id;
    const auto sold = app::sellAtDesk(*store, clock, sale);
    CHECK(sold.receipt->operatorName == "Lucas Fischer");
    sale.sale.employeeId = gone.id;
    CHECK(refusal([&] { app::sellAtDesk(*store, clock, sale); }) == "Old Hand is no longer active");
    sale.sale.employeeId = Uuid::generate();
    CHECK_THROWS_AS(app::sellAtDesk(*store, clock, sale), NotFound);
    CHECK(bookingCount(*store) == 1);
}
