// The journal the accountant receives: the chart of accounts and its checks, and the balanced entry
// each desk receipt, online payment or refund and cash movement gives, to the account and the cent.
#include "domain/errors.h"
#include "domain/journal.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

using namespace narcisse::domain;
using namespace narcisse::domain::test;

namespace {

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

Receipt receipt(std::int64_t number, ReceiptKind kind, std::vector<ReceiptLine> lines,
                std::vector<ReceiptPayment> payments, std::string_view at = "2026-07-14T08:00:00Z") {
    Receipt r;
    r.number = number;
    r.kind = kind;
    r.issuedAt = utc(at);
    r.desk = "DESK-1";
    r.reference = "SN-ABCDEFGH";
    r.lines = std::move(lines);
    r.payments = std::move(payments);
    for (const auto& l : r.lines) r.total += l.total;
    r.vat = receiptVat(r.lines, r.payments);
    return r;
}

OnlineMovement online(std::int64_t cents, bool refund, std::string_view at = "2026-07-14T10:00:00Z") {
    OnlineMovement m;
    m.id = Uuid::generate();
    m.method = PaymentMethod::Stripe;
    m.amount = eur(cents);
    m.refund = refund;
    m.at = utc(at);
    m.bookingRef = "SN-WEBSALE1";
    m.providerRef = "pi_3PXYZ";
    m.vatRateBasisPoints = 1000;
    return m;
}

CashMovement movement(std::int64_t cents, bool deposit = false, std::string_view at = "2026-07-14T16:00:00Z") {
    CashMovement m;
    m.id = Uuid::generate();
    m.sessionId = Uuid::generate();
    m.at = utc(at);
    m.amount = eur(cents);
    m.reason = deposit ? "dépôt banque" : (cents > 0 ? "monnaie de la banque" : "timbres");
    m.bankDeposit = deposit;
    return m;
}

AccountingEvents receiptsOnly(std::vector<Receipt> receipts) {
    AccountingEvents e;
    e.receipts = std::move(receipts);
    return e;
}

AccountingEvents onlineOnly(std::vector<OnlineMovement> online) {
    AccountingEvents e;
    e.online = std::move(online);
    return e;
}

AccountingEvents cashOnly(std::vector<CashMovement> movements) {
    AccountingEvents e;
    e.cashMovements = std::move(movements);
    return e;
}

const BusinessZone& paris() {
    static const BusinessZone zone("Europe/Paris");
    return zone;
}

std::vector<JournalEntry> generate(AccountingEvents events, std::map<Journal, std::int64_t> next = {}) {
    return journalEntries(events, ChartOfAccounts::defaults(), paris(), std::move(next));
}

JournalEntry only(AccountingEvents events) {
    const auto entries = generate(std::move(events));
    REQUIRE(entries.size() == 1);
    return entries.front();
}

// "D 530 31.00" / "C 706 28.18": the lines as the accountant reads them, in order.
std::vector<std::string> lines(const JournalEntry& e) {
    std::vector<std::string> out;
    for (const auto& l : e.lines) {
        // Both sides are never filled, neither is negative, and no line is zero.
        CHECK((l.debit.cents() == 0) != (l.credit.cents() == 0));
        CHECK(l.debit.cents() >= 0);
        CHECK(l.credit.cents() >= 0);
        out.push_back(l.debit.cents() != 0 ? "D " + l.account + " " + l.debit.plain()
                                           : "C " + l.account + " " + l.credit.plain());
    }
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("Journals and their FEC codes", "[domain][journal]") {
    CHECK(allJournals().size() == 4);
    for (Journal j : allJournals()) CHECK(parseJournalCode(journalCode(j)) == j);
    CHECK(journalCode(Journal::Sales) == "VT");
    CHECK(journalCode(Journal::Cash) == "CA");
    CHECK(journalCode(Journal::Bank) == "BQ");
    CHECK(journalCode(Journal::Misc) == "OD");
    CHECK(journalLabel(Journal::Sales) == "Ventes");
    CHECK(journalLabel(Journal::Misc) == "Opérations diverses");
    CHECK_FALSE(parseJournalCode("vt").has_value());
    CHECK_FALSE(parseJournalCode("").has_value());
}

TEST_CASE("Account roles are the settings' keys", "[domain][journal]") {
    CHECK(allAccountRoles().size() == 10);
    for (AccountRole r : allAccountRoles()) CHECK(parseAccountRole(toString(r)) == r);
    CHECK(toString(AccountRole::VatCollected) == "vat_collected");
    CHECK(toString(AccountRole::CardClearing) == "card_clearing");
    CHECK(toString(AccountRole::VoucherAdvances) == "voucher_advances");
    CHECK(toString(AccountRole::CashSuspense) == "cash_suspense");
    CHECK(toString(AccountRole::ProviderFees) == "provider_fees");
    CHECK_FALSE(parseAccountRole("Sales").has_value());
}

TEST_CASE("The default chart follows the French chart of accounts", "[domain][journal]") {
    const auto chart = ChartOfAccounts::defaults();
    CHECK(chart.of(AccountRole::Sales) == Account{"706", "Prestations de services"});
    CHECK(chart.of(AccountRole::VatCollected) == Account{"44571", "TVA collectée"});
    CHECK(chart.of(AccountRole::Cash) == Account{"530", "Caisse"});
    CHECK(chart.of(AccountRole::Bank) == Account{"512", "Banque"});
    CHECK(chart.of(AccountRole::CardClearing).number == "511");
    CHECK(chart.of(AccountRole::Providers).number == "517");
    CHECK(chart.of(AccountRole::Transfers).number == "580");   // 58, with the three digits the FEC wants
    CHECK(chart.of(AccountRole::ProviderFees).number == "6278");
    CHECK(chart.of(AccountRole::VoucherAdvances).number == "4191");
    CHECK(chart.of(AccountRole::CashSuspense).number == "471");
    CHECK(chart.problems().empty());

    CHECK(chart.forMethod(PaymentMethod::Cash).number == "530");
    CHECK(chart.forMethod(PaymentMethod::Card).number == "511");
    CHECK(chart.forMethod(PaymentMethod::Voucher).number == "4191");
    CHECK(chart.forMethod(PaymentMethod::Stripe).number == "517");
    CHECK(chart.forMethod(PaymentMethod::PayPal).number == "517");

    // A rate without an account of its own uses 44571.
    auto withRate = chart;
    withRate.setVat(2000, {"445712", "TVA collectée 20 %"});
    CHECK(withRate.vat(2000).number == "445712");
    CHECK(withRate.vat(1000).number == "44571");
    CHECK(withRate.vatAccounts().size() == 1);
}

TEST_CASE("A broken chart says which role breaks which rule", "[domain][journal]") {
    auto chart = ChartOfAccounts::defaults();
    chart.set(AccountRole::CardClearing, {"", "Cartes"});
    chart.set(AccountRole::Sales, {"7O6", "Prestations de services"});
    chart.set(AccountRole::Transfers, {"58", "Virements internes"});
    chart.set(AccountRole::Bank, {"512", ""});
    chart.setVat(550, {"4457X", ""});
    CHECK(chart.problems() == std::vector<std::string>{
                                  "sales: \"7O6\" must start with three digits (FEC)",
                                  "bank: the label is empty",
                                  "card_clearing: the account number is empty",
                                  "transfers: \"58\" must start with three digits (FEC)",
                                  "vat 5.5 %: the label is empty",
                              });

    // An empty chart: every role is missing, and asking for one names it.
    const ChartOfAccounts empty;
    CHECK(empty.problems().size() == 10);
    CHECK(empty.problems().front() == "sales: no account is set");
    CHECK(refusedField([&] { (void)empty.of(AccountRole::Cash); }) == "cash");
}

TEST_CASE("A cash sale at 10 %", "[domain][journal]") {
    const auto e = only(receiptsOnly({receipt(12, ReceiptKind::Sale, {line("Adult", 2, 1550, 1000)},
                                              {pay(PaymentMethod::Cash, 3100)})}));
    CHECK(e.journal == Journal::Sales);
    CHECK(e.number == 1);
    CHECK(e.pieceRef == "T000012");
    CHECK(e.label == "Vente SN-ABCDEFGH");
    CHECK(e.source == "receipt:12");
    CHECK(e.date == LocalDate{date::year{2026}, date::month{7}, date::day{14}});
    CHECK(e.pieceDate == e.date);
    CHECK(lines(e) == Lines{"D 530 31.00", "C 706 28.18", "C 44571 2.82"});
    CHECK(e.lines[0].accountLabel == "Caisse");
    CHECK(e.lines[0].label == "Vente SN-ABCDEFGH espèces");
    CHECK(e.lines[2].label == "Vente SN-ABCDEFGH TVA 10 %");
    CHECK(e.debit() == eur(3100));
    CHECK(e.balanced());
}

TEST_CASE("A sale paid part cash, part card", "[domain][journal]") {
    const auto e = only(receiptsOnly({receipt(13, ReceiptKind::Sale, {line("Adult", 2, 1550, 1000)},
                                              {pay(PaymentMethod::Cash, 2000), pay(PaymentMethod::Card, 1100)})}));
    CHECK(lines(e) == Lines{"D 530 20.00", "D 511 11.00", "C 706 28.18", "C 44571 2.82"});
    CHECK(e.balanced());

    // Two cash payments on one receipt make one line.
    const auto twice = only(receiptsOnly({receipt(14, ReceiptKind::Sale, {line("Adult", 2, 1550, 1000)},
                                                  {pay(PaymentMethod::Cash, 2000), pay(PaymentMethod::Cash, 1100)})}));
    CHECK(lines(twice) == Lines{"D 530 31.00", "C 706 28.18", "C 44571 2.82"});
    CHECK(twice.balanced());
}

TEST_CASE("A sale paid by a single-purpose voucher bears no VAT again", "[domain][journal]") {
    const auto r = receipt(15, ReceiptKind::Sale, {line("Adult", 2, 1550, 1000)},
                           {pay(PaymentMethod::Voucher, 3000, true), pay(PaymentMethod::Cash, 100)});
    REQUIRE(r.vat == std::vector<VatTotal>{{1000, eur(91), eur(9), eur(100)}});
    const auto e = only(receiptsOnly({r}));
    // The voucher's 30.00 carried 2.73 of VAT booked when it was sold (50.00 → C4191 45.45, C44571
    // 4.55): only 27.27 leaves 4191, so 4191 clears and sales are 28.18 + ... as for any 31.00 sale.
    CHECK(lines(e) == Lines{"D 4191 27.27", "D 530 1.00", "C 706 28.18", "C 44571 0.09"});
    CHECK(e.balanced());
    CHECK(voucherVatCollectedAtSale(r, eur(3000)) == eur(273));

    // A multi-purpose voucher is a means of payment: the sale bears its VAT in full.
    const auto multi = only(receiptsOnly({receipt(16, ReceiptKind::Sale, {line("Adult", 2, 1550, 1000)},
                                                  {pay(PaymentMethod::Voucher, 3000),
                                                   pay(PaymentMethod::Cash, 100)})}));
    CHECK(lines(multi) == Lines{"D 4191 30.00", "D 530 1.00", "C 706 28.18", "C 44571 2.82"});
    CHECK(multi.balanced());
}

TEST_CASE("Two VAT rates with odd cents, one with its own account", "[domain][journal]") {
    auto chart = ChartOfAccounts::defaults();
    chart.setVat(2000, {"445712", "TVA collectée 20 %"});
    const auto r = receipt(17, ReceiptKind::Sale, {line("Adult", 3, 1333, 1000), line("Photo", 1, 799, 2000)},
                           {pay(PaymentMethod::Card, 4798)});
    // 39.99 at 10 %: VAT 3.64; 7.99 at 20 %: VAT 1.33.
    const auto entries = journalEntries(receiptsOnly({r}), chart, paris(), {});
    REQUIRE(entries.size() == 1);
    CHECK(lines(entries[0]) == Lines{"D 511 47.98", "C 706 43.01", "C 44571 3.64", "C 445712 1.33"});
    CHECK(entries[0].balanced());
}

TEST_CASE("A cancellation mirrors its sale", "[domain][journal]") {
    const auto e = only(receiptsOnly({receipt(18, ReceiptKind::Cancellation, {line("Adult", -2, 1550, 1000)},
                                              {pay(PaymentMethod::Cash, -3100)})}));
    CHECK(e.label == "Annulation SN-ABCDEFGH");
    CHECK(e.pieceRef == "T000018");
    CHECK(lines(e) == Lines{"C 530 31.00", "D 706 28.18", "D 44571 2.82"});
    CHECK(e.balanced());

    // A refund on the card terminal of a sale partly paid by a single-purpose voucher.
    const auto refund = only(receiptsOnly({receipt(19, ReceiptKind::Refund, {line("Adult", -2, 1550, 1000)},
                                                   {pay(PaymentMethod::Voucher, -3000, true),
                                                    pay(PaymentMethod::Card, -100)})}));
    CHECK(refund.label == "Remboursement SN-ABCDEFGH");
    CHECK(lines(refund) == Lines{"C 4191 27.27", "C 511 1.00", "D 706 28.18", "D 44571 0.09"});
    CHECK(refund.balanced());
}

TEST_CASE("A gift voucher sold", "[domain][journal]") {
    SECTION("single-purpose: its VAT is due now") {
        auto r = receipt(20, ReceiptKind::VoucherSale, {line("Gift voucher SN-GIFT-7HX3K9P6", 1, 5000, 1000)},
                         {pay(PaymentMethod::Cash, 5000)});
        r.reference = "SN-GIFT-7HX3K9P6";
        const auto e = only(receiptsOnly({r}));
        CHECK(e.journal == Journal::Sales);
        CHECK(e.label == "Vente bon cadeau SN-GIFT-7HX3K9P6");
        CHECK(lines(e) == Lines{"D 530 50.00", "C 4191 45.45", "C 44571 4.55"});
        CHECK(e.balanced());
    }
    SECTION("multi-purpose: outside VAT, all of it an advance") {
        const auto e = only(receiptsOnly({receipt(21, ReceiptKind::VoucherSale, {line("Gift voucher", 1, 5000, 0)},
                                                  {pay(PaymentMethod::Card, 5000)})}));
        CHECK(lines(e) == Lines{"D 511 50.00", "C 4191 50.00"});
        CHECK(e.balanced());
    }
    SECTION("odd cents") {
        const auto e = only(receiptsOnly({receipt(22, ReceiptKind::VoucherSale, {line("Gift voucher", 1, 3333, 1000)},
                                                  {pay(PaymentMethod::Cash, 3333)})}));
        CHECK(lines(e) == Lines{"D 530 33.33", "C 4191 30.30", "C 44571 3.03"});
        CHECK(e.balanced());
    }
}

TEST_CASE("An online payment and its refund", "[domain][journal]") {
    const auto paid = online(1235, false);
    const auto e = only(onlineOnly({paid}));
    CHECK(e.journal == Journal::Bank);
    CHECK(e.pieceRef == "SN-WEBSALE1");
    CHECK(e.label == "Paiement en ligne SN-WEBSALE1 (Stripe)");
    CHECK(e.source == "online:" + paid.id.str());
    CHECK(lines(e) == Lines{"D 517 12.35", "C 706 11.23", "C 44571 1.12"});
    CHECK(e.balanced());

    const auto back = online(1235, true);
    const auto r = only(onlineOnly({back}));
    CHECK(r.label == "Remboursement en ligne SN-WEBSALE1 (Stripe)");
    CHECK(r.source == "online-refund:" + back.id.str());
    CHECK(lines(r) == Lines{"C 517 12.35", "D 706 11.23", "D 44571 1.12"});
    CHECK(r.balanced());

    auto paypal = online(999, false);
    paypal.method = PaymentMethod::PayPal;
    paypal.vatRateBasisPoints = 2000;
    const auto p = only(onlineOnly({paypal}));
    CHECK(p.label == "Paiement en ligne SN-WEBSALE1 (PayPal)");
    CHECK(lines(p) == Lines{"D 517 9.99", "C 706 8.32", "C 44571 1.67"});
    CHECK(p.balanced());
}

TEST_CASE("Cash paid in, paid out, and taken to the bank", "[domain][journal]") {
    SECTION("paid in: change brought from the bank") {
        const auto m = movement(5000);
        const auto e = only(cashOnly({m}));
        CHECK(e.journal == Journal::Cash);
        CHECK(e.source == "cash:" + m.id.str());
        CHECK(e.pieceRef == "C" + m.id.str().substr(28));
        CHECK(e.label == "Apport en caisse : monnaie de la banque");
        CHECK(lines(e) == Lines{"D 530 50.00", "C 580 50.00"});
        CHECK(e.balanced());
    }
    SECTION("paid out: waits in 471 for the accountant") {
        const auto e = only(cashOnly({movement(-1230)}));
        CHECK(e.label == "Sortie de caisse : timbres");
        CHECK(lines(e) == Lines{"D 471 12.30", "C 530 12.30"});
        CHECK(e.balanced());
    }
    SECTION("a deposit: out of the drawer, then into the bank") {
        const auto m = movement(-50000, true, "2026-07-14T22:30:00Z");   // 00:30 on the 15th in Paris
        const auto entries = generate(cashOnly({m}));
        REQUIRE(entries.size() == 2);
        CHECK(entries[0].journal == Journal::Cash);
        CHECK(entries[0].source == "cash:" + m.id.str());
        CHECK(lines(entries[0]) == Lines{"D 580 500.00", "C 530 500.00"});
        CHECK(entries[1].journal == Journal::Bank);
        CHECK(entries[1].source == "deposit:" + m.id.str());
        CHECK(lines(entries[1]) == Lines{"D 512 500.00", "C 580 500.00"});
        const LocalDate fifteenth{date::year{2026}, date::month{7}, date::day{15}};
        for (const auto& e : entries) {
            CHECK(e.date == fifteenth);
            CHECK(e.pieceDate == fifteenth);
            CHECK(e.pieceRef == entries[0].pieceRef);
            CHECK(e.number == 1);
            CHECK(e.balanced());
        }
    }
}

TEST_CASE("A day's entries: chronological, numbered per journal, the same every time", "[domain][journal]") {
    AccountingEvents events;
    // Given out of order on purpose.
    events.receipts.push_back(receipt(8, ReceiptKind::Sale, {line("Adult", 1, 1550, 1000)},
                                      {pay(PaymentMethod::Card, 1550)}, "2026-07-14T15:00:00Z"));
    events.receipts.push_back(receipt(7, ReceiptKind::Sale, {line("Adult", 2, 1550, 1000)},
                                      {pay(PaymentMethod::Cash, 3100)}, "2026-07-14T09:00:00Z"));
    events.receipts.push_back(receipt(9, ReceiptKind::Cancellation, {line("Adult", -1, 1550, 1000)},
                                      {pay(PaymentMethod::Card, -1550)}, "2026-07-14T15:00:00Z"));
    events.online.push_back(online(1235, false, "2026-07-14T10:00:00Z"));
    events.cashMovements.push_back(movement(-20000, true, "2026-07-14T17:00:00Z"));
    events.cashMovements.push_back(movement(5000, false, "2026-07-14T07:00:00Z"));

    const auto entries = generate(events, {{Journal::Sales, 41}, {Journal::Bank, 7}});
    REQUIRE(entries.size() == 7);
    std::vector<std::string> seen;
    for (const auto& e : entries) {
        seen.push_back(std::string(journalCode(e.journal)) + " " + std::to_string(e.number) + " " + e.pieceRef);
        CHECK(e.balanced());
    }
    const std::string depositPiece = entries[5].pieceRef;
    CHECK(seen == std::vector<std::string>{
                      "CA 1 " + entries[0].pieceRef,   // 07:00 paid in (CA starts at 1)
                      "VT 41 T000007",                 // 09:00
                      "BQ 7 SN-WEBSALE1",              // 10:00
                      "VT 42 T000008",                 // 15:00, "receipt:8" before "receipt:9"
                      "VT 43 T000009",
                      "CA 2 " + depositPiece,          // 17:00 deposit, its cash side…
                      "BQ 8 " + depositPiece,          // …then its bank side
                  });

    // Regenerating gives the very same entries.
    CHECK(generate(events, {{Journal::Sales, 41}, {Journal::Bank, 7}}) == entries);

    // The balances of the day, by account number.
    const auto balances = accountBalances(entries);
    std::vector<std::string> got;
    for (const auto& b : balances)
        got.push_back(b.account + " " + b.debit.plain() + " " + b.credit.plain() + " " + b.balance().plain());
    CHECK(got == std::vector<std::string>{
                     "44571 1.41 5.35 -3.94",    // 2.82 + 1.41 + 1.12 collected, 1.41 cancelled
                     "511 15.50 15.50 0.00",
                     "512 200.00 0.00 200.00",
                     "517 12.35 0.00 12.35",
                     "530 81.00 200.00 -119.00",
                     "580 200.00 250.00 -50.00",
                     "706 14.09 53.50 -39.41",
                 });
    CHECK(balances.front().label == "TVA collectée");
}

TEST_CASE("No events, no entries", "[domain][journal]") {
    CHECK(generate({}).empty());
    CHECK(accountBalances({}).empty());
}
