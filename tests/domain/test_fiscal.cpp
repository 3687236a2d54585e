// The cash-register records: canonical content, hash chains and their verification, receipts and
// their VAT split, daily closings and the monthly ones built from them, the technical event journal.
#include "domain/errors.h"
#include "domain/fiscal.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

using namespace narcisse::domain;
using namespace narcisse::domain::test;

namespace {
// The domain tests do not link the data layer: a stand-in hash, 64 lowercase hex characters from
// four FNV-1a passes. The real SHA-256 is tested with the data layer.
const Sha256Hex kFakeSha = [](std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        std::uint64_t h = 1469598103934665603ULL ^ (seed * 0x9E3779B97F4A7C15ULL);
        for (unsigned char c : text) {
            h ^= c;
            h *= 1099511628211ULL;
        }
        for (int i = 15; i >= 0; --i) out += kHex[(h >> (4 * i)) & 15];
    }
    return out;
};

Money eur(std::int64_t cents) { return Money::cents(cents); }

ReceiptLine line(std::string label, int quantity, std::int64_t unit, int rate) {
    ReceiptLine l;
    l.label = std::move(label);
    l.quantity = quantity;
    l.unitPrice = eur(unit);
    l.total = eur(unit * quantity);
    l.vatRateBasisPoints = rate;
    l.vat = l.total.vatIncluded(rate);
    return l;
}

ReceiptPayment pay(PaymentMethod method, std::int64_t cents, bool singlePurpose = false) {
    ReceiptPayment p;
    p.method = method;
    p.amount = eur(cents);
    p.voucherSinglePurpose = singlePurpose;
    if (method == PaymentMethod::Voucher) p.voucherCode = "SN-GIFT-7HX3K9P6";
    return p;
}

Receipt receipt(std::int64_t number, ReceiptKind kind, std::vector<ReceiptLine> lines, std::vector<ReceiptPayment> payments) {
    Receipt r;
    r.number = number;
    r.kind = kind;
    r.issuedAt = utc("2026-07-14T08:00:00Z");
    r.desk = "DESK-1";
    r.lines = std::move(lines);
    r.payments = std::move(payments);
    for (const auto& l : r.lines) r.total += l.total;
    r.vat = receiptVat(r.lines, r.payments);
    return r;
}

std::vector<ChainRecord> chainOf(int n) {
    std::vector<ChainRecord> records;
    std::optional<ChainRecord> tip;
    for (int i = 1; i <= n; ++i) {
        tip = nextRecord(kFakeSha, Chain::Receipt, tip, utc("2026-07-14T08:00:00Z") + std::chrono::minutes{i},
                         "SN-0000001Y", Canonical().add("receipt", std::int64_t{i}).add("total", eur(1000 * i)).str());
        records.push_back(*tip);
    }
    return records;
}

const auto kNoRow = [](const ChainRecord&) { return std::optional<std::string>(); };
}  // namespace

TEST_CASE("Canonical content: key=value lines with escapes, and back", "[domain][fiscal]") {
    const auto content = Canonical()
                             .add("name", "Zoé")
                             .add("comment", "two\nlines and a \\ backslash")
                             .add("amount", eur(-1250))
                             .add("number", std::int64_t{-42})
                             .add("at", utc("2026-07-14T08:05:09Z"))
                             .add("empty", "")
                             .add("equation", "a=b")
                             .str();
    CHECK(content ==
          "name=Zoé\n"
          "comment=two\\nlines and a \\\\ backslash\n"
          "amount=-12.50 EUR\n"
          "number=-42\n"
          "at=2026-07-14T08:05:09Z\n"
          "empty=\n"
          "equation=a=b\n");
    const auto pairs = Canonical::split(content);
    REQUIRE(pairs.size() == 7);
    CHECK(pairs[0] == std::pair<std::string, std::string>{"name", "Zoé"});
    CHECK(pairs[1] == std::pair<std::string, std::string>{"comment", "two\nlines and a \\ backslash"});
    CHECK(pairs[2].second == "-12.50 EUR");
    CHECK(pairs[5] == std::pair<std::string, std::string>{"empty", ""});
    CHECK(pairs[6] == std::pair<std::string, std::string>{"equation", "a=b"});
    CHECK(Canonical::split("").empty());

    CHECK(errorMessage<ValidationError>([] { Canonical::split("a=1\nb=2"); }) ==
          "content: line 2 does not end with a line break");
    CHECK(errorMessage<ValidationError>([] { Canonical::split("a=1\nnothing\n"); }) == "content: line 2 is not key=value");
    CHECK(errorMessage<ValidationError>([] { Canonical::split("a=\\t\n"); }) == "content: line 1 has a stray backslash");
    CHECK(errorMessage<ValidationError>([] { Canonical::split("a=ends\\\n"); }) == "content: line 1 has a stray backslash");
}

TEST_CASE("Chain names", "[domain][fiscal]") {
    CHECK(allChains() == std::vector<Chain>{Chain::Receipt, Chain::Payment, Chain::Refund, Chain::Closing, Chain::Event});
    const char* names[] = {"receipt", "payment", "refund", "closing", "event"};
    for (std::size_t i = 0; i < allChains().size(); ++i) {
        CHECK(toString(allChains()[i]) == names[i]);
        CHECK(parseChain(names[i]) == allChains()[i]);
    }
    CHECK_FALSE(parseChain("Receipt"));
}

TEST_CASE("A chain record seals its content and the previous hash", "[domain][fiscal]") {
    CHECK(kGenesisHash == std::string(64, '0'));
    CHECK(kFakeSha("abc").size() == 64);
    CHECK(chainHash(kFakeSha, kGenesisHash, "a=1\n") == kFakeSha(kGenesisHash + "\na=1\n"));

    const auto first = nextRecord(kFakeSha, Chain::Closing, std::nullopt, utc("2026-07-14T20:00:00Z"), "day 2026-07-14", "a=1\n");
    CHECK(first.chain == Chain::Closing);
    CHECK(first.seq == 1);
    CHECK(first.at == utc("2026-07-14T20:00:00Z"));
    CHECK(first.entityId == "day 2026-07-14");
    CHECK(first.prevHash == kGenesisHash);
    CHECK(first.hash == kFakeSha(kGenesisHash + "\na=1\n"));
    const auto second = nextRecord(kFakeSha, Chain::Closing, first, utc("2026-07-15T20:00:00Z"), "day 2026-07-15", "a=2\n");
    CHECK(second.seq == 2);
    CHECK(second.prevHash == first.hash);
    CHECK(second.hash == kFakeSha(first.hash + "\na=2\n"));
}

TEST_CASE("Verifying a chain names the first broken record", "[domain][fiscal]") {
    const auto sound = chainOf(5);
    CHECK_FALSE(verifyChain(kFakeSha, Chain::Receipt, sound, 1, kGenesisHash, kNoRow));
    CHECK_FALSE(verifyChain(kFakeSha, Chain::Receipt, sound, 1, kGenesisHash, nullptr));
    CHECK_FALSE(verifyChain(kFakeSha, Chain::Receipt, {}, 1, kGenesisHash, kNoRow));
    // A page from the middle, given the hash it follows.
    const std::vector<ChainRecord> page(sound.begin() + 2, sound.end());
    CHECK_FALSE(verifyChain(kFakeSha, Chain::Receipt, page, 3, sound[1].hash, kNoRow));

    SECTION("content altered") {
        auto records = sound;
        records[2].content = Canonical().add("receipt", std::int64_t{3}).add("total", eur(1)).str();
        const auto problem = verifyChain(kFakeSha, Chain::Receipt, records, 1, kGenesisHash, kNoRow);
        REQUIRE(problem);
        CHECK(problem->chain == Chain::Receipt);
        CHECK(problem->seq == 3);
        CHECK(problem->entityId == "SN-0000001Y");
        CHECK(problem->what == "hash does not match its content");
        CHECK(problem->describe() == "receipt #3 (SN-0000001Y): hash does not match its content");
    }
    SECTION("content altered and its hash recomputed: the next record no longer follows") {
        auto records = sound;
        records[2].content = "receipt=3\ntotal=0.01 EUR\n";
        records[2].hash = chainHash(kFakeSha, records[2].prevHash, records[2].content);
        const auto problem = verifyChain(kFakeSha, Chain::Receipt, records, 1, kGenesisHash, kNoRow);
        REQUIRE(problem);
        CHECK(problem->describe() == "receipt #4 (SN-0000001Y): its previous hash is not the hash of #3");
    }
    SECTION("a record removed") {
        auto records = sound;
        records.erase(records.begin() + 3);
        const auto problem = verifyChain(kFakeSha, Chain::Receipt, records, 1, kGenesisHash, kNoRow);
        REQUIRE(problem);
        CHECK(problem->seq == 5);   // #4 is gone
        CHECK(problem->what == "sequence jumps from 3 to 5");
    }
    SECTION("the first record missing") {
        const std::vector<ChainRecord> records(sound.begin() + 1, sound.end());
        const auto problem = verifyChain(kFakeSha, Chain::Receipt, records, 1, kGenesisHash, kNoRow);
        REQUIRE(problem);
        CHECK(problem->describe() == "receipt #2 (SN-0000001Y): sequence starts at 2 instead of 1");
    }
    SECTION("a record repeated") {
        auto records = sound;
        records.insert(records.begin() + 2, sound[1]);
        const auto problem = verifyChain(kFakeSha, Chain::Receipt, records, 1, kGenesisHash, kNoRow);
        REQUIRE(problem);
        CHECK(problem->what == "sequence number 2 comes twice");
    }
    SECTION("a wrong previous hash") {
        auto records = sound;
        records[1].prevHash = std::string(64, 'f');
        records[1].hash = chainHash(kFakeSha, records[1].prevHash, records[1].content);
        const auto problem = verifyChain(kFakeSha, Chain::Receipt, records, 1, kGenesisHash, kNoRow);
        REQUIRE(problem);
        CHECK(problem->describe() == "receipt #2 (SN-0000001Y): its previous hash is not the hash of #1");
    }
    SECTION("a first record that does not start from the genesis hash") {
        auto records = sound;
        records[0].prevHash = std::string(64, '1');
        records[0].hash = chainHash(kFakeSha, records[0].prevHash, records[0].content);
        const auto problem = verifyChain(kFakeSha, Chain::Receipt, records, 1, kGenesisHash, kNoRow);
        REQUIRE(problem);
        CHECK(problem->describe() == "receipt #1 (SN-0000001Y): the first record does not start from the genesis hash");
    }
    SECTION("a page given the wrong hash to follow") {
        const auto problem = verifyChain(kFakeSha, Chain::Receipt, page, 3, sound[0].hash, kNoRow);
        REQUIRE(problem);
        CHECK(problem->describe() == "receipt #3 (SN-0000001Y): its previous hash is not the hash of #2");
    }
    SECTION("the sealed row altered after it was sealed") {
        const auto problem = verifyChain(kFakeSha, Chain::Receipt, sound, 1, kGenesisHash, [&](const ChainRecord& r) {
            if (r.seq == 4) return std::optional<std::string>("receipt=4\ntotal=0.00 EUR\n");
            return std::optional<std::string>(r.content);
        });
        REQUIRE(problem);
        CHECK(problem->describe() == "receipt #4 (SN-0000001Y): the sealed row was altered after it was sealed");
    }
    SECTION("a record of another chain") {
        auto records = sound;
        records[1].chain = Chain::Payment;
        const auto problem = verifyChain(kFakeSha, Chain::Receipt, records, 1, kGenesisHash, kNoRow);
        REQUIRE(problem);
        CHECK(problem->what == "belongs to the payment chain");
    }
    CHECK(IntegrityProblem{Chain::Event, 7, "", "hash does not match its content"}.describe() ==
          "event #7: hash does not match its content");
}

TEST_CASE("What a payment and a refund seal", "[domain][fiscal]") {
    Payment p;
    p.id = *Uuid::parse("0190f1a2-0000-7000-8000-000000000001");
    p.bookingId = *Uuid::parse("0190f1a2-0000-7000-8000-000000000002");
    p.method = PaymentMethod::Cash;
    p.amount = eur(3100);
    p.createdAt = utc("2026-07-14T08:00:00Z");
    CHECK(canonicalPayment(p) ==
          "payment=0190f1a2-0000-7000-8000-000000000001\n"
          "booking=0190f1a2-0000-7000-8000-000000000002\n"
          "method=CASH\n"
          "amount=31.00 EUR\n"
          "status=SUCCEEDED\n"
          "provider_ref=\n"
          "created_at=2026-07-14T08:00:00Z\n");

    Refund r;
    r.id = *Uuid::parse("0190f1a2-0000-7000-8000-000000000003");
    r.paymentId = p.id;
    r.bookingId = p.bookingId;
    r.amount = eur(1500);
    r.status = RefundStatus::Done;
    r.reason = "rain\nall day";
    r.createdAt = utc("2026-07-14T09:00:00Z");
    r.method = PaymentMethod::Cash;
    CHECK(canonicalRefund(r) ==
          "refund=0190f1a2-0000-7000-8000-000000000003\n"
          "payment=0190f1a2-0000-7000-8000-000000000001\n"
          "booking=0190f1a2-0000-7000-8000-000000000002\n"
          "amount=15.00 EUR\n"
          "status=DONE\n"
          "method=CASH\n"
          "reason=rain\\nall day\n"
          "created_at=2026-07-14T09:00:00Z\n"
          "employee=\n");
    r.method.reset();
    r.status = RefundStatus::Owed;
    CHECK(Canonical::split(canonicalRefund(r))[5] == std::pair<std::string, std::string>{"method", ""});
}

TEST_CASE("Stored values of the fiscal enums", "[domain][fiscal]") {
    const std::pair<ReceiptKind, const char*> kinds[] = {{ReceiptKind::Sale, "SALE"},
                                                         {ReceiptKind::Cancellation, "CANCELLATION"},
                                                         {ReceiptKind::Refund, "REFUND"},
                                                         {ReceiptKind::VoucherSale, "VOUCHER_SALE"}};
    for (const auto& [k, s] : kinds) {
        CHECK(toString(k) == s);
        CHECK(parseReceiptKind(s) == k);
    }
    const std::pair<ClosingPeriod, const char*> periods[] = {
        {ClosingPeriod::Day, "DAY"}, {ClosingPeriod::Month, "MONTH"}, {ClosingPeriod::Year, "YEAR"}};
    for (const auto& [p, s] : periods) {
        CHECK(toString(p) == s);
        CHECK(parseClosingPeriod(s) == p);
    }
    const std::pair<EventKind, const char*> events[] = {
        {EventKind::SignIn, "sign_in"},
        {EventKind::SignOut, "sign_out"},
        {EventKind::Closing, "closing"},
        {EventKind::Export, "export"},
        {EventKind::Cancellation, "cancellation"},
        {EventKind::RightsChange, "rights_change"},
        {EventKind::IntegrityFailure, "integrity_failure"},
        {EventKind::IntegrityCheck, "integrity_check"},
        {EventKind::CashSessionOpened, "cash_session_opened"},
        {EventKind::CashMovement, "cash_movement"},
        {EventKind::Reprint, "reprint"},
        {EventKind::VoucherExtended, "voucher_extended"},
        {EventKind::OfflineStart, "offline_start"},
        {EventKind::VersionChange, "version_change"},
    };
    for (const auto& [k, s] : events) {
        CHECK(toString(k) == s);
        CHECK(parseEventKind(s) == k);
    }
    CHECK_FALSE(parseReceiptKind("sale"));
    CHECK_FALSE(parseClosingPeriod("WEEK"));
    CHECK_FALSE(parseEventKind("SIGN_IN"));

    CHECK(closingKey(ClosingPeriod::Day, day(2026, 7, 14)) == "day 2026-07-14");
    CHECK(closingKey(ClosingPeriod::Month, day(2026, 7, 14)) == "month 2026-07");
    CHECK(closingKey(ClosingPeriod::Year, day(2026, 7, 14)) == "year 2026");
}

TEST_CASE("Receipt VAT by rate, to the cent", "[domain][fiscal]") {
    SECTION("an odd amount at 10 %") {
        const auto vat = receiptVat({line("Adult", 1, 1235, 1000)}, {pay(PaymentMethod::Cash, 1235)});
        CHECK(vat == std::vector<VatTotal>{{1000, eur(1123), eur(112), eur(1235)}});   // 12.35 / 11 = 1.1227…
    }
    SECTION("half a cent is rounded up, away from zero for a cancellation") {
        // 15.03 € at 20 %: 15.03 / 6 = 2.505
        CHECK(receiptVat({line("Extra", 1, 1503, 2000)}, {}) == std::vector<VatTotal>{{2000, eur(1252), eur(251), eur(1503)}});
        CHECK(receiptVat({line("Extra", -1, 1503, 2000)}, {}) ==
              std::vector<VatTotal>{{2000, eur(-1252), eur(-251), eur(-1503)}});
    }
    SECTION("lines of one rate are summed before the VAT is worked out") {
        // 2 × 12.00 + 7.00 = 31.00 → 2.818… → 2.82 (the lines' own VAT, 2.18 + 0.64, say the same here)
        const auto vat = receiptVat({line("Adult", 2, 1200, 1000), line("Child", 1, 700, 1000)}, {});
        CHECK(vat == std::vector<VatTotal>{{1000, eur(2818), eur(282), eur(3100)}});
    }
    SECTION("a single-purpose voucher's part is not taxed again") {
        // 31.00 paid 10.00 by a single-purpose voucher: 21.00 taxable → 1.909… → 1.91
        const auto vat = receiptVat({line("Adult", 2, 1200, 1000), line("Child", 1, 700, 1000)},
                                    {pay(PaymentMethod::Voucher, 1000, true), pay(PaymentMethod::Cash, 2100)});
        CHECK(vat == std::vector<VatTotal>{{1000, eur(1909), eur(191), eur(2100)}});
    }
    SECTION("a multi-purpose voucher's part is taxed now") {
        const auto vat = receiptVat({line("Adult", 2, 1200, 1000), line("Child", 1, 700, 1000)},
                                    {pay(PaymentMethod::Voucher, 1000, false), pay(PaymentMethod::Cash, 2100)});
        CHECK(vat == std::vector<VatTotal>{{1000, eur(2818), eur(282), eur(3100)}});
    }
    SECTION("a voucher's part split across rates, the last cent to the largest remainder") {
        // 9.99 over 30.00 at 10 % and 10.00 at 20 %: 7.4925 and 2.4975 → 7.49 and 2.50.
        // 10 %: 30.00 − 7.49 = 22.51 → VAT 2.046… → 2.05; 20 %: 10.00 − 2.50 = 7.50 → VAT 1.25.
        const auto vat = receiptVat({line("Adult", 2, 1500, 1000), line("Extra", 1, 1000, 2000)},
                                    {pay(PaymentMethod::Voucher, 999, true), pay(PaymentMethod::Card, 3001)});
        CHECK(vat == std::vector<VatTotal>{{1000, eur(2046), eur(205), eur(2251)}, {2000, eur(625), eur(125), eur(750)}});
        // Its cancellation mirrors it to the cent.
        const auto back = receiptVat({line("Adult", -2, 1500, 1000), line("Extra", -1, 1000, 2000)},
                                     {pay(PaymentMethod::Voucher, -999, true), pay(PaymentMethod::Card, -3001)});
        CHECK(back == std::vector<VatTotal>{{1000, eur(-2046), eur(-205), eur(-2251)}, {2000, eur(-625), eur(-125), eur(-750)}});
    }
    SECTION("a voucher paying everything leaves nothing taxable") {
        const auto vat = receiptVat({line("Adult", 1, 1200, 1000)}, {pay(PaymentMethod::Voucher, 1200, true)});
        CHECK(vat == std::vector<VatTotal>{{1000, eur(0), eur(0), eur(0)}});
    }
    SECTION("outside the scope of VAT") {
        const auto vat = receiptVat({line("Gift voucher SN-GIFT-7HX3K9P6", 1, 5000, 0), line("Adult", 1, 1200, 1000)},
                                    {pay(PaymentMethod::Card, 6200)});
        CHECK(vat == std::vector<VatTotal>{{0, eur(5000), eur(0), eur(5000)}, {1000, eur(1091), eur(109), eur(1200)}});
    }
    SECTION("no lines, no VAT") { CHECK(receiptVat({}, {}).empty()); }
}

TEST_CASE("A receipt reads back from its chain record exactly", "[domain][fiscal]") {
    Receipt r = receipt(0, ReceiptKind::Cancellation, {line("Adult", -2, 1200, 1000), line("Baby", -1, 0, 1000)},
                        {pay(PaymentMethod::Cash, -1400), pay(PaymentMethod::Voucher, -1000, true)});
    r.payments[0].given = eur(0);
    r.payments[0].change = eur(0);
    r.operatorName = "Zoé Lefèvre";
    r.reference = "SN-7HX3K9P6";
    r.departure = "2026-07-14 10:00 · Ill";
    r.party = "2A 1B";
    r.customer = "Hélène\nO'Brien \\ fils";
    const auto record = nextRecord(kFakeSha, Chain::Receipt, std::nullopt, r.issuedAt, r.reference, r.canonical());

    const Receipt back = Receipt::fromRecord(record);
    CHECK(back.number == 1);
    CHECK(back.hash == record.hash);
    CHECK(back.kind == ReceiptKind::Cancellation);
    CHECK(back.issuedAt == r.issuedAt);
    CHECK(back.desk == "DESK-1");
    CHECK(back.operatorName == "Zoé Lefèvre");
    CHECK(back.reference == "SN-7HX3K9P6");
    CHECK(back.departure == "2026-07-14 10:00 · Ill");
    CHECK(back.party == "2A 1B");
    CHECK(back.customer == "Hélène\nO'Brien \\ fils");
    REQUIRE(back.lines.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(back.lines[i].label == r.lines[i].label);
        CHECK(back.lines[i].quantity == r.lines[i].quantity);
        CHECK(back.lines[i].unitPrice == r.lines[i].unitPrice);
        CHECK(back.lines[i].total == r.lines[i].total);
        CHECK(back.lines[i].vatRateBasisPoints == r.lines[i].vatRateBasisPoints);
        CHECK(back.lines[i].vat == r.lines[i].vat);
    }
    CHECK(back.lines[0].quantity == -2);
    CHECK(back.lines[0].total == eur(-2400));
    REQUIRE(back.payments.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(back.payments[i].method == r.payments[i].method);
        CHECK(back.payments[i].amount == r.payments[i].amount);
        CHECK(back.payments[i].given == r.payments[i].given);
        CHECK(back.payments[i].change == r.payments[i].change);
        CHECK(back.payments[i].voucherCode == r.payments[i].voucherCode);
        CHECK(back.payments[i].voucherSinglePurpose == r.payments[i].voucherSinglePurpose);
    }
    CHECK(back.payments[1].voucherSinglePurpose);
    CHECK(back.total == eur(-2400));
    CHECK(back.vat == r.vat);
    CHECK(back.vat == std::vector<VatTotal>{{1000, eur(-1273), eur(-127), eur(-1400)}});
    CHECK(back.canonical() == record.content);

    ChainRecord damaged = record;
    damaged.content.replace(damaged.content.find("kind=CANCELLATION"), 17, "kind=CANCELED");
    CHECK(errorMessage<ValidationError>([&] { Receipt::fromRecord(damaged); }) ==
          "content: kind has an unknown value: \"CANCELED\"");
    damaged.content = record.content + "extra=1\n";
    CHECK(errorMessage<ValidationError>([&] { Receipt::fromRecord(damaged); }) ==
          "content: has \"extra\" after its last field");
    damaged.content = record.content.substr(0, record.content.find("\ntotal=") + 1);
    CHECK(errorMessage<ValidationError>([&] { Receipt::fromRecord(damaged); }) == "content: ends before \"total\"");
}

namespace {
// The day of 14 July 2026 at DESK-1: sales, a voucher sold, a cancellation, a partial refund.
DailyClosingInput july14() {
    DailyClosingInput in;
    in.date = day(2026, 7, 14);
    in.receipts = {
        receipt(11, ReceiptKind::Sale, {line("Adult", 2, 1200, 1000), line("Child", 1, 700, 1000)},
                {pay(PaymentMethod::Cash, 3100)}),
        receipt(12, ReceiptKind::Sale, {line("Adult", 2, 1200, 1000)},
                {pay(PaymentMethod::Card, 1400), pay(PaymentMethod::Voucher, 1000, true)}),
        receipt(13, ReceiptKind::VoucherSale, {line("Gift voucher SN-GIFT-7HX3K9P6", 1, 5000, 1000)},
                {pay(PaymentMethod::Card, 5000)}),
        receipt(14, ReceiptKind::Cancellation, {line("Adult", -2, 1200, 1000), line("Child", -1, 700, 1000)},
                {pay(PaymentMethod::Cash, -3100)}),
        receipt(15, ReceiptKind::Refund, {line("Refund", 1, -500, 1000)}, {pay(PaymentMethod::Card, -500)}),
        receipt(16, ReceiptKind::Sale, {line("Drink", 1, 350, 2000)}, {pay(PaymentMethod::Cash, 350)}),
    };
    CashSession session;
    session.id = Uuid::generate();
    session.desk = "DESK-1";
    session.openedAt = utc("2026-07-14T07:30:00Z");
    session.openingFloat = eur(15000);
    in.session = session;
    auto movement = [&](std::int64_t cents, std::string reason, bool deposit) {
        CashMovement m;
        m.id = Uuid::generate();
        m.sessionId = session.id;
        m.at = utc("2026-07-14T12:00:00Z");
        m.amount = eur(cents);
        m.reason = std::move(reason);
        m.bankDeposit = deposit;
        return m;
    };
    in.movements = {movement(2000, "change from the bank", false), movement(-10000, "deposit", true),
                    movement(-480, "stamps", false)};
    // 150.00 + 31.00 + 3.50 − 31.00 + 20.00 − 100.00 − 4.80 = 68.70
    in.counted = CashCount::parse("50x1,10x1,5x1,2x1,1x1,0.50x1,0.20x1", "counted");
    return in;
}
}  // namespace

TEST_CASE("The daily closing's arithmetic", "[domain][fiscal][closing]") {
    const Closing z = computeDailyClosing(july14());
    CHECK(z.period == ClosingPeriod::Day);
    CHECK(z.from == day(2026, 7, 14));
    CHECK(z.to == day(2026, 7, 14));
    CHECK(z.desk == "DESK-1");
    CHECK(z.openedAt == utc("2026-07-14T07:30:00Z"));
    CHECK(z.receiptCount == 6);
    CHECK(z.firstReceipt == 11);
    CHECK(z.lastReceipt == 16);
    CHECK(z.byMethod == std::vector<MethodTotal>{{PaymentMethod::Cash, 3, eur(350)},
                                                 {PaymentMethod::Card, 3, eur(5900)},
                                                 {PaymentMethod::Voucher, 1, eur(1000)}});
    // 10 %: 31.00 + 14.00 (24.00 less the voucher's 10.00) + 50.00 − 31.00 − 5.00 = 59.00;
    // VAT 2.82 + 1.27 + 4.55 − 2.82 − 0.45 = 5.37.
    CHECK(z.byVat == std::vector<VatTotal>{{1000, eur(5363), eur(537), eur(5900)}, {2000, eur(292), eur(58), eur(350)}});
    CHECK(z.cancellationCount == 1);
    CHECK(z.cancellations == eur(3100));
    CHECK(z.refundCount == 2);
    CHECK(z.refunds == eur(3600));
    CHECK(z.cashIn == eur(2000));
    CHECK(z.cashOut == eur(10480));
    CHECK(z.openingFloat == eur(15000));
    CHECK(z.expectedCash == eur(6870));
    CHECK(z.counted == CashCount::parse("50x1,10x1,5x1,2x1,1x1,0.50x1,0.20x1", "counted"));
    CHECK(z.countedCash == eur(6870));
    CHECK(z.difference == eur(0));
    CHECK(z.comment.empty());
    CHECK(z.periodTotal == eur(7250));     // 31.00 + 24.00 + 50.00 − 31.00 − 5.00 + 3.50
    CHECK(z.fiscalYearTotal == eur(7250));
    CHECK(z.grandTotal == eur(7250));
}

TEST_CASE("A count that differs needs a comment", "[domain][fiscal][closing]") {
    auto in = july14();
    in.counted = CashCount::parse("50x1,10x1,5x1,2x1,1x1,0.50x1", "counted");
    CHECK(errorMessage<ValidationError>([&] { computeDailyClosing(in); }) ==
          "comment: is required when the count differs from the expected cash by -0.20 € (counted 68.50 €, expected "
          "68.70 €)");
    in.comment = "  ";
    CHECK(refusedField([&] { computeDailyClosing(in); }) == "comment");
    in.comment = "a 20-cent coin under the drawer";
    const auto z = computeDailyClosing(in);
    CHECK(z.difference == eur(-20));
    CHECK(z.comment == "a 20-cent coin under the drawer");
}

TEST_CASE("The daily closing's running totals", "[domain][fiscal][closing]") {
    Closing previous;
    previous.period = ClosingPeriod::Day;
    previous.from = previous.to = day(2026, 7, 13);
    previous.fiscalYearTotal = eur(100000);
    previous.grandTotal = eur(2500000);
    auto in = july14();
    in.previous = previous;
    auto z = computeDailyClosing(in);
    CHECK(z.fiscalYearTotal == eur(107250));
    CHECK(z.grandTotal == eur(2507250));

    // A new fiscal year starts from its first closing.
    in.previous->from = in.previous->to = day(2025, 12, 31);
    z = computeDailyClosing(in);
    CHECK(z.fiscalYearTotal == eur(7250));
    CHECK(z.grandTotal == eur(2507250));
}

TEST_CASE("A day without receipts or session", "[domain][fiscal][closing]") {
    DailyClosingInput in;
    in.date = day(2026, 7, 15);
    const auto z = computeDailyClosing(in);
    CHECK(z.receiptCount == 0);
    CHECK(z.firstReceipt == 0);
    CHECK(z.lastReceipt == 0);
    CHECK(z.byMethod.empty());
    CHECK(z.byVat.empty());
    CHECK(z.openingFloat == eur(0));
    CHECK(z.expectedCash == eur(0));
    CHECK(z.difference == eur(0));
    CHECK_FALSE(z.openedAt);
    CHECK(z.periodTotal == eur(0));
}

TEST_CASE("A month's closing from its daily closings", "[domain][fiscal][closing]") {
    auto in = july14();
    in.previous = Closing{};
    in.previous->to = day(2026, 7, 13);
    in.previous->fiscalYearTotal = eur(100000);
    in.previous->grandTotal = eur(2500000);
    const Closing d14 = computeDailyClosing(in);

    Closing d15;   // no receipt, the drawer opened with 100.00 and counted 99.00
    d15.from = d15.to = day(2026, 7, 15);
    d15.openingFloat = eur(10000);
    d15.expectedCash = eur(10000);
    d15.countedCash = eur(9900);
    d15.difference = eur(-100);
    d15.fiscalYearTotal = d14.fiscalYearTotal;
    d15.grandTotal = d14.grandTotal;

    Closing d16;
    d16.from = d16.to = day(2026, 7, 16);
    d16.firstReceipt = 17;
    d16.lastReceipt = 20;
    d16.receiptCount = 4;
    d16.byMethod = {{PaymentMethod::Card, 2, eur(3000)}, {PaymentMethod::Stripe, 2, eur(2000)}};
    d16.byVat = {{1000, eur(4545), eur(455), eur(5000)}};
    d16.refundCount = 1;
    d16.refunds = eur(1000);
    d16.openingFloat = eur(9900);
    d16.expectedCash = eur(9900);
    d16.countedCash = eur(9900);
    d16.periodTotal = eur(5000);
    d16.fiscalYearTotal = d14.fiscalYearTotal + eur(5000);
    d16.grandTotal = d14.grandTotal + eur(5000);
    d16.desk = "DESK-1";

    // Given out of order, with the latest daily closing as `previous`.
    const Closing m = aggregateClosings(ClosingPeriod::Month, day(2026, 7, 1), day(2026, 7, 31), {d16, d14, d15}, d16);
    CHECK(m.period == ClosingPeriod::Month);
    CHECK(m.from == day(2026, 7, 1));
    CHECK(m.to == day(2026, 7, 31));
    CHECK(m.receiptCount == 10);
    CHECK(m.firstReceipt == 11);
    CHECK(m.lastReceipt == 20);
    CHECK(m.byMethod == std::vector<MethodTotal>{{PaymentMethod::Cash, 3, eur(350)},
                                                 {PaymentMethod::Card, 5, eur(8900)},
                                                 {PaymentMethod::Voucher, 1, eur(1000)},
                                                 {PaymentMethod::Stripe, 2, eur(2000)}});
    CHECK(m.byVat == std::vector<VatTotal>{{1000, eur(9908), eur(992), eur(10900)}, {2000, eur(292), eur(58), eur(350)}});
    CHECK(m.cancellationCount == 1);
    CHECK(m.cancellations == eur(3100));
    CHECK(m.refundCount == 3);
    CHECK(m.refunds == eur(4600));
    CHECK(m.cashIn == eur(2000));
    CHECK(m.cashOut == eur(10480));
    CHECK(m.openingFloat == eur(15000));   // the first day's
    CHECK(m.expectedCash == eur(6870 + 10000 + 9900));
    CHECK(m.countedCash == eur(6870 + 9900 + 9900));
    CHECK(m.difference == eur(-100));
    CHECK_FALSE(m.counted);
    CHECK(m.periodTotal == eur(12250));
    // The running totals at the end of the month: the last day's, not counted twice.
    CHECK(m.fiscalYearTotal == eur(100000 + 12250));
    CHECK(m.grandTotal == eur(2500000 + 12250));

    // A year from its months.
    Closing june;
    june.period = ClosingPeriod::Month;
    june.from = day(2026, 6, 1);
    june.to = day(2026, 6, 30);
    june.firstReceipt = 1;
    june.lastReceipt = 10;
    june.receiptCount = 10;
    june.periodTotal = eur(100000);
    june.fiscalYearTotal = eur(100000);
    june.grandTotal = eur(2500000);
    const Closing y = aggregateClosings(ClosingPeriod::Year, day(2026, 1, 1), day(2026, 12, 31), {june, m}, m);
    CHECK(y.firstReceipt == 1);
    CHECK(y.lastReceipt == 20);
    CHECK(y.receiptCount == 20);
    CHECK(y.periodTotal == eur(112250));
    CHECK(y.fiscalYearTotal == eur(112250));
    CHECK(y.grandTotal == eur(2512250));

    // Nothing to build from: the running totals carry over (a new year starts at zero).
    const Closing empty = aggregateClosings(ClosingPeriod::Month, day(2027, 1, 1), day(2027, 1, 31), {}, y);
    CHECK(empty.periodTotal == eur(0));
    CHECK(empty.fiscalYearTotal == eur(0));
    CHECK(empty.grandTotal == eur(2512250));
}

TEST_CASE("A closing reads back from its chain record exactly", "[domain][fiscal][closing]") {
    auto in = july14();
    in.counted = CashCount::parse("50x1,10x1,5x1,2x1,1x1,0.50x1", "counted");
    in.comment = "short by 0.20 €\nsee the note \\ in the drawer";
    Closing z = computeDailyClosing(in);
    z.closedAt = utc("2026-07-14T18:30:00Z");
    z.operatorName = "Zoé Lefèvre";
    z.businessName = "Sweet Narcisse";
    const auto record = nextRecord(kFakeSha, Chain::Closing, std::nullopt, z.closedAt, closingKey(z.period, z.from),
                                   z.canonical());
    const Closing back = Closing::fromRecord(record);
    CHECK(back.number == 1);
    CHECK(back.hash == record.hash);
    CHECK(back.period == z.period);
    CHECK(back.from == z.from);
    CHECK(back.to == z.to);
    CHECK(back.closedAt == z.closedAt);
    CHECK(back.desk == "DESK-1");
    CHECK(back.operatorName == "Zoé Lefèvre");
    CHECK(back.businessName == "Sweet Narcisse");
    CHECK(back.openedAt == z.openedAt);
    CHECK(back.firstReceipt == 11);
    CHECK(back.lastReceipt == 16);
    CHECK(back.receiptCount == 6);
    CHECK(back.byMethod == z.byMethod);
    CHECK(back.byVat == z.byVat);
    CHECK(back.cancellationCount == 1);
    CHECK(back.cancellations == z.cancellations);
    CHECK(back.refundCount == 2);
    CHECK(back.refunds == z.refunds);
    CHECK(back.cashIn == z.cashIn);
    CHECK(back.cashOut == z.cashOut);
    CHECK(back.openingFloat == z.openingFloat);
    CHECK(back.expectedCash == z.expectedCash);
    CHECK(back.counted == z.counted);
    CHECK(back.countedCash == eur(6850));
    CHECK(back.difference == eur(-20));
    CHECK(back.comment == "short by 0.20 €\nsee the note \\ in the drawer");
    CHECK(back.periodTotal == z.periodTotal);
    CHECK(back.fiscalYearTotal == z.fiscalYearTotal);
    CHECK(back.grandTotal == z.grandTotal);
    CHECK(back.canonical() == record.content);

    // A monthly closing has no session opening and no count; an empty drawer is a count.
    Closing month = aggregateClosings(ClosingPeriod::Month, day(2026, 7, 1), day(2026, 7, 31), {z}, z);
    month.closedAt = utc("2026-08-01T07:00:00Z");
    const Closing monthBack = Closing::fromRecord(nextRecord(kFakeSha, Chain::Closing, record, month.closedAt,
                                                             closingKey(ClosingPeriod::Month, month.from), month.canonical()));
    CHECK(monthBack.number == 2);
    CHECK_FALSE(monthBack.openedAt);
    CHECK_FALSE(monthBack.counted);
    CHECK(monthBack.canonical() == month.canonical());
    Closing emptyDrawer = z;
    emptyDrawer.counted = CashCount{};
    const auto emptyBack = Closing::fromRecord(nextRecord(kFakeSha, Chain::Closing, std::nullopt, z.closedAt, "day", emptyDrawer.canonical()));
    REQUIRE(emptyBack.counted);
    CHECK(emptyBack.counted->quantities.empty());
}

TEST_CASE("A technical event reads back from its chain record exactly", "[domain][fiscal]") {
    TechnicalEvent e;
    e.kind = EventKind::IntegrityFailure;
    e.at = utc("2026-07-14T18:00:00Z");
    e.employee = "zoé";
    e.details = "receipt #5 (SN-7HX3K9P6): hash does not match its content\nfound by verify \\ CLI";
    CHECK(e.canonical() ==
          "kind=integrity_failure\n"
          "at=2026-07-14T18:00:00Z\n"
          "employee=zoé\n"
          "details=receipt #5 (SN-7HX3K9P6): hash does not match its content\\nfound by verify \\\\ CLI\n");
    std::optional<ChainRecord> tip;
    for (int i = 0; i < 3; ++i) tip = nextRecord(kFakeSha, Chain::Event, tip, e.at, "", e.canonical());
    const auto back = TechnicalEvent::fromRecord(*tip);
    CHECK(back.number == 3);
    CHECK(back.kind == EventKind::IntegrityFailure);
    CHECK(back.at == e.at);
    CHECK(back.employee == "zoé");
    CHECK(back.details == e.details);
    CHECK(back.canonical() == e.canonical());
}
