// Gift vouchers: the SN-GIFT- code typed back at the desk, what is left on a voucher, why it cannot
// pay, and the rules of a sale.
#include "domain/errors.h"
#include "domain/voucher.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

#include <set>

using namespace narcisse::domain;
using namespace narcisse::domain::test;

namespace {
constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

Voucher amountVoucher(std::int64_t cents = 5000) {
    Voucher v;
    v.id = Uuid::generate();
    v.code = GiftCode::parse("SN-GIFT-7HX3K9P6");
    v.kind = VoucherKind::Amount;
    v.value = Money::cents(cents);
    v.buyerName = "Chloé Martin";
    v.recipientName = "Zoé Martin";
    v.message = "Joyeux anniversaire !";
    v.expiresOn = day(2027, 7, 14);
    v.soldAt = utc("2026-07-14T08:00:00Z");
    v.paidWith = PaymentMethod::Card;
    return v;
}

VoucherMovement movement(VoucherMovementKind kind, std::int64_t cents, std::string_view at,
                         std::optional<LocalDate> newExpiry = std::nullopt) {
    VoucherMovement m;
    m.id = Uuid::generate();
    m.kind = kind;
    m.amount = Money::cents(cents);
    m.at = utc(at);
    m.newExpiry = newExpiry;
    return m;
}
}  // namespace

TEST_CASE("GiftCode from a number carries the same check character as a PublicRef", "[domain][voucher]") {
    CHECK(GiftCode::fromNumber(0).str() == "SN-GIFT-00000000");
    CHECK(GiftCode::fromNumber(1).str() == "SN-GIFT-0000001Y");
    CHECK(GiftCode::fromNumber(32).str() == "SN-GIFT-0000010Z");
    CHECK(GiftCode::fromNumber((1ULL << 35) - 1).str() == "SN-GIFT-ZZZZZZZ7");
    CHECK(GiftCode::fromNumber(1ULL << 35) == GiftCode::fromNumber(0));
    for (std::uint64_t n : {0ULL, 1ULL, 123456789ULL, (1ULL << 35) - 1}) {
        INFO("number " << n);
        CHECK(GiftCode::fromNumber(n).str().substr(8) == PublicRef::fromNumber(n).str().substr(3));
    }
}

TEST_CASE("GiftCode random codes are well formed and parse back", "[domain][voucher]") {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const GiftCode code = GiftCode::random();
        const std::string& s = code.str();
        REQUIRE(s.size() == 16);
        CHECK(s.substr(0, 8) == "SN-GIFT-");
        for (char c : s.substr(8)) CHECK(kCrockford.find(c) != std::string_view::npos);
        CHECK(PublicRef::checkCharacter(s.substr(8, 7)) == s[15]);
        CHECK(GiftCode::parse(s) == code);
        seen.insert(s);
    }
    CHECK(seen.size() > 990);
}

TEST_CASE("GiftCode parse accepts what a person or a scanner types", "[domain][voucher]") {
    for (const char* text : {
             "SN-GIFT-7HX3K9P6",
             "sn-gift-7hx3k9p6",
             "7HX3K9P6",
             "7hx3-k9p6",
             "SN GIFT 7HX3 K9P6",
             " SN-GIFT-7HX3-K9P6 ",
             "SNGIFT7HX3K9P6",
         }) {
        INFO("input: \"" << text << "\"");
        CHECK(GiftCode::parse(text).str() == "SN-GIFT-7HX3K9P6");
        CHECK(GiftCode::tryParse(text) == GiftCode::parse("SN-GIFT-7HX3K9P6"));
    }
    CHECK(GiftCode::parse("SN-GIFT-OOOOOO1Y").str() == "SN-GIFT-0000001Y");
    CHECK(GiftCode::parse("SN-GIFT-000000IY").str() == "SN-GIFT-0000001Y");
    CHECK(GiftCode::parse("sn-gift-oooooolY").str() == "SN-GIFT-0000001Y");
}

TEST_CASE("GiftCode refuses every single mistyped character", "[domain][voucher]") {
    const std::string valid = "SN-GIFT-7HX3K9P6";
    int refused = 0;
    for (std::size_t pos = 8; pos < valid.size(); ++pos) {
        for (char c : kCrockford) {
            if (c == valid[pos]) continue;
            std::string typo = valid;
            typo[pos] = c;
            INFO("typo: " << typo);
            CHECK(errorMessage<ValidationError>([&] { GiftCode::parse(typo); }) ==
                  "voucher: check character does not match: a character was mistyped in \"" + typo + "\"");
            CHECK_FALSE(GiftCode::tryParse(typo));
            ++refused;
        }
    }
    CHECK(refused == 8 * 31);
}

TEST_CASE("GiftCode refuses a wrong length, a booking reference or a foreign character", "[domain][voucher]") {
    CHECK(errorMessage<ValidationError>([] { GiftCode::parse(""); }) == "voucher: is empty");
    CHECK(errorMessage<ValidationError>([] { GiftCode::parse("SN-GIFT-"); }) == "voucher: is empty");
    CHECK(errorMessage<ValidationError>([] { GiftCode::parse("SN-7HX3K9P6"); }) ==
          "voucher: must be SN-GIFT- followed by 8 characters, got \"SN-7HX3K9P6\"");
    CHECK(errorMessage<ValidationError>([] { GiftCode::parse("SN-GIFT-7HX3K9P"); }) ==
          "voucher: must be SN-GIFT- followed by 8 characters, got \"SN-GIFT-7HX3K9P\"");
    CHECK(errorMessage<ValidationError>([] { GiftCode::parse("SN-GIFT-7HX3K9PU"); }) ==
          "voucher: has a character that is not in a voucher code: 'U'");
    CHECK_FALSE(GiftCode::tryParse("SN-GIFT-7HX3*9P6"));
    // The shared helpers left a booking reference's messages as they were.
    CHECK(errorMessage<ValidationError>([] { PublicRef::parse("SN-7HX3K9PU"); }) ==
          "reference: has a character that is not in a reference: 'U'");
}

TEST_CASE("Voucher enums have their stored values", "[domain][voucher]") {
    CHECK(toString(VoucherKind::Amount) == "AMOUNT");
    CHECK(toString(VoucherKind::Ride) == "RIDE");
    CHECK(toString(VoucherVat::SinglePurpose) == "SINGLE");
    CHECK(toString(VoucherVat::MultiPurpose) == "MULTI");
    CHECK(toString(VoucherMovementKind::Redeem) == "REDEEM");
    CHECK(toString(VoucherMovementKind::Credit) == "CREDIT");
    CHECK(toString(VoucherMovementKind::Extend) == "EXTEND");
    for (auto k : {VoucherKind::Amount, VoucherKind::Ride}) CHECK(parseVoucherKind(toString(k)) == k);
    for (auto v : {VoucherVat::SinglePurpose, VoucherVat::MultiPurpose}) CHECK(parseVoucherVat(toString(v)) == v);
    for (auto k : {VoucherMovementKind::Redeem, VoucherMovementKind::Credit, VoucherMovementKind::Extend})
        CHECK(parseVoucherMovementKind(toString(k)) == k);
    CHECK_FALSE(parseVoucherKind("amount"));
    CHECK_FALSE(parseVoucherVat(""));
    CHECK_FALSE(parseVoucherMovementKind("REDEEMED"));
}

TEST_CASE("A voucher sale names the field it breaks", "[domain][voucher]") {
    const LocalDate soldOn = day(2026, 7, 14);
    CHECK_NOTHROW(amountVoucher().validate(soldOn));
    CHECK_NOTHROW(amountVoucher(100).validate(soldOn));       // 1 €
    CHECK_NOTHROW(amountVoucher(100000).validate(soldOn));    // 1,000 €
    CHECK(errorMessage<ValidationError>([&] { amountVoucher(99).validate(soldOn); }) ==
          "value: must be between 1.00 € and 1000.00 €, got 0.99 €");
    CHECK(refusedField([&] { amountVoucher(100001).validate(soldOn); }) == "value");
    CHECK(refusedField([&] { amountVoucher(-500).validate(soldOn); }) == "value");

    Voucher ride = amountVoucher(3100);
    ride.kind = VoucherKind::Ride;
    ride.party = Party{2, 1, 0};
    CHECK_NOTHROW(ride.validate(soldOn));
    ride.party = Party{0, 0, 1};
    CHECK(refusedField([&] { ride.validate(soldOn); }) == "adults");

    Voucher v = amountVoucher();
    v.recipientName = std::string(80, 'e');
    CHECK_NOTHROW(v.validate(soldOn));
    v.recipientName.clear();
    for (int i = 0; i < 80; ++i) v.recipientName += "é";   // 80 characters, 160 bytes
    CHECK_NOTHROW(v.validate(soldOn));
    v.recipientName += "e";
    CHECK(errorMessage<ValidationError>([&] { v.validate(soldOn); }) == "recipient: must be at most 80 characters");

    v = amountVoucher();
    v.message = std::string(300, 'm');
    CHECK_NOTHROW(v.validate(soldOn));
    v.message += "!";
    CHECK(errorMessage<ValidationError>([&] { v.validate(soldOn); }) == "message: must be at most 300 characters");

    v = amountVoucher();
    v.expiresOn = soldOn;
    CHECK(errorMessage<ValidationError>([&] { v.validate(soldOn); }) ==
          "expiry: must be after the sale date 2026-07-14, got 2026-07-14");
    v.expiresOn = day(2026, 7, 15);
    CHECK_NOTHROW(v.validate(soldOn));
}

TEST_CASE("Voucher status: balance, redeemed, latest extension, expired and used", "[domain][voucher]") {
    const Voucher v = amountVoucher(5000);
    const auto fresh = voucherStatus(v, {}, day(2026, 7, 14));
    CHECK(fresh.balance == Money::cents(5000));
    CHECK(fresh.redeemed == Money::cents(0));
    CHECK(fresh.expiresOn == day(2027, 7, 14));
    CHECK_FALSE(fresh.expired);
    CHECK_FALSE(fresh.used);

    // In any order: two redemptions, a credit back from a cancelled booking, two extensions.
    const std::vector<VoucherMovement> movements = {
        movement(VoucherMovementKind::Extend, 0, "2027-08-01T09:00:00Z", day(2027, 12, 31)),
        movement(VoucherMovementKind::Redeem, 3100, "2026-08-01T09:00:00Z"),
        movement(VoucherMovementKind::Credit, 700, "2026-08-02T09:00:00Z"),
        movement(VoucherMovementKind::Extend, 0, "2027-07-10T09:00:00Z", day(2028, 1, 31)),
        movement(VoucherMovementKind::Redeem, 1400, "2026-08-03T09:00:00Z"),
    };
    const auto s = voucherStatus(v, movements, day(2027, 12, 31));
    CHECK(s.redeemed == Money::cents(4500));
    CHECK(s.balance == Money::cents(1200));            // 50.00 − 31.00 + 7.00 − 14.00
    CHECK(s.expiresOn == day(2027, 12, 31));           // the latest extension, not the farthest date
    CHECK_FALSE(s.expired);                            // still valid on its last day
    CHECK(voucherStatus(v, movements, day(2028, 1, 1)).expired);

    const auto used = voucherStatus(v, {movement(VoucherMovementKind::Redeem, 5000, "2026-08-01T09:00:00Z")},
                                    day(2026, 8, 1));
    CHECK(used.balance == Money::cents(0));
    CHECK(used.used);
}

TEST_CASE("Why a voucher cannot pay", "[domain][voucher]") {
    const Voucher v = amountVoucher(5000);
    const auto redeemed = std::vector<VoucherMovement>{movement(VoucherMovementKind::Redeem, 3800, "2026-08-01T09:00:00Z")};
    const auto s = voucherStatus(v, redeemed, day(2026, 8, 2));
    CHECK_FALSE(redemptionRefusal(v, s, Money::cents(1200)));
    CHECK_FALSE(redemptionRefusal(v, s, Money::cents(1)));
    CHECK(redemptionRefusal(v, s, Money::cents(1201)) == "only 12.00 € left");
    CHECK(redemptionRefusal(v, s, Money::cents(0)) == "the amount to pay must be positive, got 0.00 €");

    Voucher shortLived = v;
    shortLived.expiresOn = day(2026, 7, 1);
    const auto expired = voucherStatus(shortLived, {}, day(2026, 7, 2));
    CHECK(redemptionRefusal(shortLived, expired, Money::cents(100)) == "expired on 2026-07-01");
    CHECK_FALSE(redemptionRefusal(shortLived, voucherStatus(shortLived, {}, day(2026, 7, 1)), Money::cents(100)));

    const auto used = voucherStatus(v, {movement(VoucherMovementKind::Redeem, 5000, "2026-08-01T09:00:00Z")},
                                    day(2026, 8, 2));
    CHECK(redemptionRefusal(v, used, Money::cents(100)) == "already used");
}

TEST_CASE("A voucher expires one year after its sale by default", "[domain][voucher]") {
    CHECK(defaultVoucherExpiry(day(2026, 7, 14)) == day(2027, 7, 14));
    CHECK(defaultVoucherExpiry(day(2026, 12, 31)) == day(2027, 12, 31));
    CHECK(defaultVoucherExpiry(day(2028, 2, 29)) == day(2029, 2, 28));
    CHECK(defaultVoucherExpiry(day(2027, 2, 28)) == day(2028, 2, 28));
}
