// Gift vouchers at the desk on both engines: sold for an amount or a ride with their receipt and VAT,
// redeemed on a booking, extended; every refusal says why and changes nothing.
#include "app/desk.h"
#include "app/integrity.h"
#include "app/sales.h"
#include "app/settings.h"
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

LocalDate day(int y, unsigned m, unsigned d) { return LocalDate{date::year{y}, date::month{m}, date::day{d}}; }

app::VoucherSaleRequest amountVoucher(std::int64_t cents, PaymentMethod paidWith = PaymentMethod::Cash,
                                      std::int64_t givenCents = 0) {
    app::VoucherSaleRequest r;
    r.kind = VoucherKind::Amount;
    r.value = Money::cents(cents);
    r.buyerName = "Anne Keller";
    r.recipientName = "Paul Keller";
    r.message = "Joyeux anniversaire !";
    r.paidWith = paidWith;
    r.cashGiven = Money::cents(givenCents);
    return r;
}

Uuid addEmployee(Store& store, const char* login, Role role) {
    Employee e{Uuid::generate(), login, login, role, true, "", std::string(login) + "@example.fr"};
    store.write([&](StoreWriter& w) { w.saveEmployee(e); });
    return e.id;
}

// A phone booking (PENDING) on 2026-07-14 at 10:00.
Booking phoneBooking(Store& store, const Clock& clock, Party party) {
    app::SaleRequest r;
    r.date = bastilleDay();
    r.time = parseWallTime("10:00", "time");
    r.party = party;
    r.channel = Channel::Phone;
    return app::sellRide(store, clock, r).booking;
}

std::optional<ChainRecord> receiptRecord(Store& store, std::int64_t number) {
    std::optional<ChainRecord> record;
    store.read([&](StoreReader& r) {
        const auto records = r.chainRecords(Chain::Receipt, number, 1);
        if (!records.empty() && records.front().seq == number) record = records.front();
    });
    return record;
}

std::optional<ChainRecord> receiptTip(Store& store) {
    std::optional<ChainRecord> tip;
    store.read([&](StoreReader& r) { tip = r.chainTip(Chain::Receipt); });
    return tip;
}

}  // namespace

TEMPLATE_TEST_CASE("a voucher sold in cash gives change and a sealed VOUCHER_SALE receipt with its VAT", "[vouchers]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    openDrawer(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));

    const auto sold = app::sellVoucher(*store, clock, amountVoucher(5000, PaymentMethod::Cash, 6000));
    const std::string code = sold.voucher.code.str();

    CHECK(code.rfind("SN-GIFT-", 0) == 0);
    CHECK(code.size() == 16);
    CHECK(sold.change == Money::cents(1000));
    CHECK(sold.voucher.value == Money::cents(5000));
    CHECK(sold.voucher.expiresOn == day(2027, 7, 14));   // one year
    CHECK(sold.voucher.vat == VoucherVat::SinglePurpose);
    CHECK(sold.voucher.vatRateBasisPoints == 1000);
    REQUIRE(sold.voucher.paidWith);
    CHECK(*sold.voucher.paidWith == PaymentMethod::Cash);

    const Receipt& receipt = sold.receipt;
    CHECK(receipt.number == 1);
    CHECK(receipt.kind == ReceiptKind::VoucherSale);
    CHECK(receipt.reference == code);
    CHECK(receipt.desk == "DESK-1");
    CHECK(receipt.operatorName == "narcisse-cli");
    CHECK(receipt.customer == "Anne Keller");
    CHECK(receipt.total == Money::cents(5000));
    REQUIRE(receipt.lines.size() == 1);
    CHECK(receipt.lines[0].label == "Bon cadeau " + code);
    CHECK(receipt.lines[0].quantity == 1);
    CHECK(receipt.lines[0].total == Money::cents(5000));
    CHECK(receipt.lines[0].vatRateBasisPoints == 1000);
    CHECK(receipt.lines[0].vat == Money::cents(455));   // 50.00 × 10/110 = 4.545… → 4.55
    REQUIRE(receipt.payments.size() == 1);
    CHECK(receipt.payments[0].method == PaymentMethod::Cash);
    CHECK(receipt.payments[0].amount == Money::cents(5000));
    CHECK(receipt.payments[0].given == Money::cents(6000));
    CHECK(receipt.payments[0].change == Money::cents(1000));
    REQUIRE(receipt.vat.size() == 1);
    CHECK(receipt.vat[0] == VatTotal{1000, Money::cents(4545), Money::cents(455), Money::cents(5000)});

    // Sealed as issued, under the voucher's code.
    const auto record = receiptRecord(*store, 1);
    REQUIRE(record);
    CHECK(record->entityId == code);
    CHECK(record->hash == receipt.hash);
    const Receipt stored = Receipt::fromRecord(*record);
    CHECK(stored.canonical() == receipt.canonical());

    // Not a payment of any booking; its receipt is its record.
    std::vector<AuditEntry> audit;
    store->read([&](StoreReader& r) { audit = r.latestAudit(1); });
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].action == "voucher.sell");
    CHECK(audit[0].entityId == sold.voucher.id.str());

    const auto card = app::loadVoucher(*store, clock, code);
    CHECK(card.voucher.id == sold.voucher.id);
    CHECK(card.status.balance == Money::cents(5000));
    CHECK_FALSE(card.status.expired);
    CHECK_FALSE(card.status.used);
    CHECK(card.refusal.empty());
    CHECK(card.movements.empty());
    CHECK(card.receipts == std::vector<std::int64_t>{1});
    // As a person types it: lower case, without the prefix.
    CHECK(app::loadVoucher(*store, clock, code.substr(8)).voucher.id == sold.voucher.id);
}

TEMPLATE_TEST_CASE("a RIDE voucher is priced from today's price list; card needs no cash given", "[vouchers]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));

    app::VoucherSaleRequest r;
    r.kind = VoucherKind::Ride;
    r.party = {2, 1, 0};
    r.paidWith = PaymentMethod::Card;
    r.expiresOn = day(2026, 12, 31);
    const auto sold = app::sellVoucher(*store, clock, r);

    CHECK(sold.voucher.kind == VoucherKind::Ride);
    CHECK(sold.voucher.value == Money::cents(3100));   // 2 × 12.00 + 7.00
    CHECK(sold.voucher.party == Party{2, 1, 0});
    CHECK(sold.voucher.expiresOn == day(2026, 12, 31));
    CHECK(sold.change == Money::cents(0));
    CHECK(sold.receipt.party == "2A 1C");
    CHECK(sold.receipt.total == Money::cents(3100));
    REQUIRE(sold.receipt.lines.size() == 1);
    CHECK(sold.receipt.lines[0].vat == Money::cents(282));   // 31.00 × 10/110 = 2.818… → 2.82
    REQUIRE(sold.receipt.payments.size() == 1);
    CHECK(sold.receipt.payments[0].method == PaymentMethod::Card);
    CHECK(sold.receipt.payments[0].given == Money::cents(0));
    CHECK(sold.receipt.payments[0].change == Money::cents(0));
    REQUIRE(sold.receipt.vat.size() == 1);
    CHECK(sold.receipt.vat[0] == VatTotal{1000, Money::cents(2818), Money::cents(282), Money::cents(3100)});

    const auto card = app::loadVoucher(*store, clock, sold.voucher.code.str());
    CHECK(card.voucher.party == Party{2, 1, 0});
    CHECK(card.voucher.kind == VoucherKind::Ride);
}

TEMPLATE_TEST_CASE("a multi-purpose voucher bears no VAT when sold", "[vouchers]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    store->write([](StoreWriter& w) { w.setSetting(app::setting_keys::kVoucherVat, "MULTI"); });
    const FixedClock clock(at("2026-07-14T06:00:00Z"));

    const auto sold = app::sellVoucher(*store, clock, amountVoucher(5000, PaymentMethod::Card));
    CHECK(sold.voucher.vat == VoucherVat::MultiPurpose);
    REQUIRE(sold.receipt.lines.size() == 1);
    CHECK(sold.receipt.lines[0].vatRateBasisPoints == 0);
    CHECK(sold.receipt.lines[0].vat == Money::cents(0));
    REQUIRE(sold.receipt.vat.size() == 1);
    CHECK(sold.receipt.vat[0] == VatTotal{0, Money::cents(5000), Money::cents(0), Money::cents(5000)});

    const auto card = app::loadVoucher(*store, clock, sold.voucher.code.str());
    CHECK(card.voucher.vat == VoucherVat::MultiPurpose);

    store->write([](StoreWriter& w) { w.setSetting(app::setting_keys::kVoucherVat, "HALF"); });
    CHECK(refusal([&] { app::sellVoucher(*store, clock, amountVoucher(5000, PaymentMethod::Card)); }) ==
          "voucher_vat: is \"HALF\": it must be SINGLE or MULTI");
}

TEMPLATE_TEST_CASE("a voucher sale is refused with the field and the rule, and nothing is recorded", "[vouchers]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    openDrawer(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));

    CHECK(refusal([&] { app::sellVoucher(*store, clock, amountVoucher(5000, PaymentMethod::Voucher)); }) ==
          "payment: a gift voucher is paid by cash or card, not VOUCHER");
    CHECK(refusal([&] { app::sellVoucher(*store, clock, amountVoucher(5000, PaymentMethod::Stripe)); }) ==
          "payment: a gift voucher is paid by cash or card, not STRIPE");
    CHECK(refusal([&] { app::sellVoucher(*store, clock, amountVoucher(5000, PaymentMethod::Cash, 4000)); }) ==
          "cash given: 40.00 € is less than the 50.00 € to pay");
    CHECK(refusal([&] { app::sellVoucher(*store, clock, amountVoucher(50)); }).rfind("value: ", 0) == 0);
    CHECK(refusal([&] { app::sellVoucher(*store, clock, amountVoucher(100001, PaymentMethod::Card)); })
              .rfind("value: ", 0) == 0);
    auto past = amountVoucher(5000);
    past.expiresOn = bastilleDay();
    CHECK(refusal([&] { app::sellVoucher(*store, clock, past); }).rfind("expiry: ", 0) == 0);
    auto ride = amountVoucher(0);
    ride.kind = VoucherKind::Ride;
    ride.party = {0, 0, 1};
    CHECK(refusal([&] { app::sellVoucher(*store, clock, ride); }) == "adults: a party needs at least one adult or child");

    // The accountant does not sell.
    const Uuid accountant = addEmployee(*store, "compta", Role::Accountant);
    auto byAccountant = amountVoucher(5000);
    byAccountant.employeeId = accountant;
    CHECK_THROWS_AS(app::sellVoucher(*store, clock, byAccountant), PermissionDenied);

    CHECK_FALSE(receiptTip(*store));

    // Cash is capped at 1,000 € (French residents): a ride voucher for 40 adults at 30.00 € is 1,200 €.
    store->write([](StoreWriter& w) {
        w.savePriceList({Uuid::generate(), day(2026, 7, 1), Money::cents(3000), Money::cents(1500), Money::cents(0), 1000});
    });
    app::VoucherSaleRequest group;
    group.kind = VoucherKind::Ride;
    group.party = {40, 0, 0};
    group.paidWith = PaymentMethod::Cash;
    CHECK(refusal([&] { app::sellVoucher(*store, clock, group); }) ==
          "payment: cash is limited to 1,000.00 € for one payment; 1200.00 € must be paid by card");
    CHECK_FALSE(receiptTip(*store));
    group.paidWith = PaymentMethod::Card;
    CHECK(app::sellVoucher(*store, clock, group).voucher.value == Money::cents(120000));
}

TEMPLATE_TEST_CASE("a voucher code is read as typed; a malformed or unknown one is refused", "[vouchers]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));

    try {
        app::loadVoucher(*store, clock, "SN-GIFT-12");
        FAIL("accepted a short code");
    } catch (const ValidationError& e) {
        CHECK(e.field() == "voucher");
    }
    const std::string unknown = GiftCode::fromNumber(12345).str();
    try {
        app::loadVoucher(*store, clock, unknown);
        FAIL("found an unknown voucher");
    } catch (const NotFound& e) {
        CHECK(std::string(e.what()) == "there is no voucher " + unknown);
    }
}

TEMPLATE_TEST_CASE("a voucher redeemed on a booking pays part then the balance, with a receipt each", "[vouchers]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));

    const auto first = app::sellVoucher(*store, clock, amountVoucher(2000, PaymentMethod::Card));    // receipt 1
    const auto second = app::sellVoucher(*store, clock, amountVoucher(5000, PaymentMethod::Card));   // receipt 2
    const Booking booking = phoneBooking(*store, clock, {2, 1, 0});                                   // 31.00
    REQUIRE(booking.state == BookingState::Pending);

    // 20.00 of 31.00: a part payment, the booking stays PENDING.
    auto card = app::redeemVoucher(*store, clock, first.voucher.code.str(), Money::cents(2000), booking.ref, std::nullopt);
    CHECK(card.status.balance == Money::cents(0));
    CHECK(card.status.redeemed == Money::cents(2000));
    CHECK(card.status.used);
    CHECK(card.refusal == "already used");
    REQUIRE(card.movements.size() == 1);
    CHECK(card.movements[0].kind == VoucherMovementKind::Redeem);
    CHECK(card.movements[0].amount == Money::cents(2000));
    REQUIRE(card.movements[0].bookingId);
    CHECK(*card.movements[0].bookingId == booking.id);
    CHECK(card.receipts == std::vector<std::int64_t>{1, 3});

    auto part = receiptRecord(*store, 3);
    REQUIRE(part);
    CHECK(part->entityId == booking.ref.str());
    const Receipt partReceipt = Receipt::fromRecord(*part);
    CHECK(partReceipt.kind == ReceiptKind::Sale);
    CHECK(partReceipt.total == Money::cents(2000));
    REQUIRE(partReceipt.lines.size() == 1);
    CHECK(partReceipt.lines[0].label == "Acompte " + booking.ref.str());
    CHECK(partReceipt.lines[0].vat == Money::cents(182));   // 20.00 × 10/110
    REQUIRE(partReceipt.payments.size() == 1);
    CHECK(partReceipt.payments[0].method == PaymentMethod::Voucher);
    CHECK(partReceipt.payments[0].voucherCode == first.voucher.code.str());
    CHECK(partReceipt.payments[0].voucherSinglePurpose);
    // Single-purpose: its VAT was due when it was sold, nothing more now.
    REQUIRE(partReceipt.vat.size() == 1);
    CHECK(partReceipt.vat[0] == VatTotal{1000, Money::cents(0), Money::cents(0), Money::cents(0)});

    std::optional<Booking> stored;
    std::vector<Payment> payments;
    store->read([&](StoreReader& r) {
        stored = r.bookingById(booking.id);
        payments = r.paymentsOfBooking(booking.id);
    });
    REQUIRE(stored);
    CHECK(stored->state == BookingState::Pending);
    REQUIRE(payments.size() == 1);
    CHECK(payments[0].method == PaymentMethod::Voucher);
    CHECK(payments[0].amount == Money::cents(2000));
    CHECK(payments[0].providerRef == first.voucher.code.str());

    // More than is due is refused; the balance of 11.00 confirms the booking.
    CHECK(refusal([&] {
              app::redeemVoucher(*store, clock, second.voucher.code.str(), Money::cents(1200), booking.ref, std::nullopt);
          }) == "amount: 12.00 € is more than the 11.00 € due on " + booking.ref.str());
    card = app::redeemVoucher(*store, clock, second.voucher.code.str(), Money::cents(1100), booking.ref, std::nullopt);
    CHECK(card.status.balance == Money::cents(3900));
    CHECK(card.refusal.empty());
    CHECK(card.receipts == std::vector<std::int64_t>{2, 4});
    const Receipt balance = Receipt::fromRecord(*receiptRecord(*store, 4));
    REQUIRE(balance.lines.size() == 1);
    CHECK(balance.lines[0].label == "Solde " + booking.ref.str());
    CHECK(balance.total == Money::cents(1100));
    store->read([&](StoreReader& r) { stored = r.bookingById(booking.id); });
    CHECK(stored->state == BookingState::Confirmed);

    CHECK(refusal([&] {
              app::redeemVoucher(*store, clock, second.voucher.code.str(), Money::cents(100), booking.ref, std::nullopt);
          }) == "nothing is due on " + booking.ref.str());

    std::vector<AuditEntry> audit;
    store->read([&](StoreReader& r) { audit = r.latestAudit(1); });
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].action == "voucher.redeem");
    CHECK(audit[0].details == second.voucher.code.str() + " 11.00 EUR on " + booking.ref.str());
}

TEMPLATE_TEST_CASE("a RIDE voucher paying a whole booking gives a receipt with its price lines and no new VAT",
                   "[vouchers]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));

    app::VoucherSaleRequest r;
    r.kind = VoucherKind::Ride;
    r.party = {2, 1, 0};
    r.paidWith = PaymentMethod::Card;
    const auto sold = app::sellVoucher(*store, clock, r);
    const Booking booking = phoneBooking(*store, clock, {2, 1, 0});

    app::redeemVoucher(*store, clock, sold.voucher.code.str(), Money::cents(3100), booking.ref, std::nullopt);
    const Receipt receipt = Receipt::fromRecord(*receiptRecord(*store, 2));
    REQUIRE(receipt.lines.size() == 2);
    CHECK(receipt.lines[0].label == "Adulte");
    CHECK(receipt.lines[0].quantity == 2);
    CHECK(receipt.lines[0].total == Money::cents(2400));
    CHECK(receipt.lines[0].vat == Money::cents(218));
    CHECK(receipt.lines[1].label == "Enfant");
    CHECK(receipt.lines[1].total == Money::cents(700));
    CHECK(receipt.lines[1].vat == Money::cents(64));
    CHECK(receipt.total == Money::cents(3100));
    CHECK(receipt.party == "2A 1C");
    CHECK(receipt.departure == "2026-07-14 10:00 · Lauch");
    REQUIRE(receipt.vat.size() == 1);
    CHECK(receipt.vat[0].vat == Money::cents(0));

    std::optional<Booking> stored;
    store->read([&](StoreReader& rd) { stored = rd.bookingById(booking.id); });
    CHECK(stored->state == BookingState::Confirmed);
}

TEMPLATE_TEST_CASE("an expired, used or short voucher cannot pay, and a booking that cannot be paid is refused",
                   "[vouchers]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    FixedClock clock(at("2026-07-14T06:00:00Z"));

    auto shortLived = amountVoucher(1000, PaymentMethod::Card);
    shortLived.expiresOn = day(2026, 7, 20);
    const auto soon = app::sellVoucher(*store, clock, shortLived);
    const auto small = app::sellVoucher(*store, clock, amountVoucher(500, PaymentMethod::Card));
    const Booking booking = phoneBooking(*store, clock, {2, 0, 0});   // 24.00
    const auto receiptsBefore = receiptTip(*store)->seq;

    CHECK(refusal([&] {
              app::redeemVoucher(*store, clock, small.voucher.code.str(), Money::cents(600), booking.ref, std::nullopt);
          }) == "the voucher " + small.voucher.code.str() + " cannot pay 6.00 €: only 5.00 € left");
    CHECK(refusal([&] {
              app::redeemVoucher(*store, clock, small.voucher.code.str(), Money::cents(0), booking.ref, std::nullopt);
          }) == "amount: must be more than 0.00 €");
    const PublicRef nobody = PublicRef::fromNumber(99);
    CHECK(refusal([&] {
              app::redeemVoucher(*store, clock, small.voucher.code.str(), Money::cents(500), nobody, std::nullopt);
          }) == "there is no booking " + nobody.str());
    app::redeemVoucher(*store, clock, small.voucher.code.str(), Money::cents(500), booking.ref, std::nullopt);
    CHECK(refusal([&] {
              app::redeemVoucher(*store, clock, small.voucher.code.str(), Money::cents(100), booking.ref, std::nullopt);
          }) == "the voucher " + small.voucher.code.str() + " cannot pay 1.00 €: already used");

    // A cancelled booking takes no payment.
    const Booking other = phoneBooking(*store, clock, {1, 0, 0});
    store->write([&](StoreWriter& w) { w.updateBookingState(other.id, BookingState::Cancelled); });
    CHECK(refusal([&] {
              app::redeemVoucher(*store, clock, soon.voucher.code.str(), Money::cents(500), other.ref, std::nullopt);
          }) == "the booking " + other.ref.str() + " is CANCELLED: it cannot be paid");

    clock.set(at("2026-07-20T20:00:00Z"));   // 22:00 on the last day: still valid
    CHECK(app::loadVoucher(*store, clock, soon.voucher.code.str()).refusal.empty());
    clock.set(at("2026-07-20T22:00:00Z"));   // midnight in Colmar: 21 July
    const auto card = app::loadVoucher(*store, clock, soon.voucher.code.str());
    CHECK(card.status.expired);
    CHECK(card.refusal == "expired on 2026-07-20");
    CHECK(refusal([&] {
              app::redeemVoucher(*store, clock, soon.voucher.code.str(), Money::cents(500), booking.ref, std::nullopt);
          }) == "the voucher " + soon.voucher.code.str() + " cannot pay 5.00 €: expired on 2026-07-20");

    CHECK(receiptTip(*store)->seq == receiptsBefore + 1);   // only the one redemption that went through
}

TEMPLATE_TEST_CASE("a voucher's expiry is extended with the permission, later only, and journalled", "[vouchers]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    FixedClock clock(at("2026-07-14T06:00:00Z"));
    const Uuid manager = addEmployee(*store, "manon", Role::Manager);
    const Uuid staff = addEmployee(*store, "sacha", Role::Staff);

    const auto sold = app::sellVoucher(*store, clock, amountVoucher(3000, PaymentMethod::Card));
    const std::string code = sold.voucher.code.str();

    CHECK(refusal([&] { app::extendVoucher(*store, clock, code, day(2027, 7, 14), manager); }) ==
          "expiry: must be after 2027-07-14, the current expiry");
    CHECK(refusal([&] { app::extendVoucher(*store, clock, code, day(2027, 1, 1), manager); }) ==
          "expiry: must be after 2027-07-14, the current expiry");
    CHECK_THROWS_AS(app::extendVoucher(*store, clock, code, day(2027, 12, 31), staff), PermissionDenied);

    auto card = app::extendVoucher(*store, clock, code, day(2027, 12, 31), manager);
    CHECK(card.status.expiresOn == day(2027, 12, 31));
    REQUIRE(card.movements.size() == 1);
    CHECK(card.movements[0].kind == VoucherMovementKind::Extend);
    CHECK(card.movements[0].amount == Money::cents(0));
    REQUIRE(card.movements[0].newExpiry);
    CHECK(*card.movements[0].newExpiry == day(2027, 12, 31));

    // The new date is the one to beat; an expired voucher extended can pay again.
    CHECK(refusal([&] { app::extendVoucher(*store, clock, code, day(2027, 12, 1), manager); }) ==
          "expiry: must be after 2027-12-31, the current expiry");
    clock.set(at("2028-01-05T10:00:00Z"));
    CHECK(app::loadVoucher(*store, clock, code).refusal == "expired on 2027-12-31");
    card = app::extendVoucher(*store, clock, code, day(2028, 3, 31), manager);
    CHECK(card.refusal.empty());
    CHECK(card.status.balance == Money::cents(3000));

    const auto events = app::technicalEvents(*store, 10);
    REQUIRE(events.size() == 2);
    CHECK(events[0].kind == EventKind::VoucherExtended);
    CHECK(events[0].employee == "manon");
    CHECK(events[0].details == code + " expiry 2027-12-31 → 2028-03-31");
    CHECK(events[1].details == code + " expiry 2027-07-14 → 2027-12-31");
    CHECK(events[0].number == 2);
}

TEMPLATE_TEST_CASE("a voucher used as a tender in a desk sale lists that sale's receipt", "[vouchers]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    openDrawer(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    const auto sold = app::sellVoucher(*store, clock, amountVoucher(1000, PaymentMethod::Card));   // receipt 1

    app::DeskSaleRequest sale;
    sale.sale.date = bastilleDay();
    sale.sale.time = parseWallTime("10:30", "time");
    sale.sale.party = {1, 0, 0};
    sale.tenders = {{PaymentMethod::Voucher, Money::cents(1000), Money::cents(0), sold.voucher.code.str()},
                    {PaymentMethod::Cash, Money::cents(200), Money::cents(500), ""}};
    const auto result = app::sellAtDesk(*store, clock, sale);   // receipt 2
    REQUIRE(result.receipt);

    const auto card = app::loadVoucher(*store, clock, sold.voucher.code.str());
    CHECK(card.status.balance == Money::cents(0));
    CHECK(card.receipts == std::vector<std::int64_t>{1, result.receipt->number});
}
