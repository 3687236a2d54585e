// The accountant's commands end to end: export fec|journal|payments|vouchers, report
// monthly|vat|closings, journal and accounts, run as the built narcisse-cli on a database whose
// July 2026 was recorded in-process with a FixedClock (desk sales, a gift voucher, a cash paid-out,
// the daily closing): output lines and exit codes exact, the FEC parsed back column by column, the
// CSV files counted, the PDFs read back with pdftotext.
#include "app/cash_drawer.h"
#include "app/desk.h"
#include "app/settings.h"
#include "app/store_factory.h"
#include "app/vouchers.h"
#include "domain/store.h"
#include "cli_runner.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

using Outcome = narcisse::test::RunResult;

Outcome cli(const std::string& db, std::vector<std::string> args) { return narcisse::test::runCli(db, std::move(args)); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

constexpr const char* kSiren = "123456789";

// 14 July 2026 at the desk (Europe/Paris, UTC+2), SIREN set:
//   09:00 the drawer opens with 100.00 € (50x2)
//   09:05 2 adults + 1 child for 10:00, paid cash            31.00 €
//   09:10 1 adult for 10:30, paid by card                    12.00 €
//   09:15 a gift voucher of 25.00 €, paid by card            25.00 €
//   12:00 5.00 € paid out of the drawer (stamps)
//   20:00 the daily closing: 126.00 € counted (100 + 31 − 5)
// Sales of the month: 68.00 € at 10 % VAT (the voucher is single-purpose: its VAT is due when sold),
// 61.82 € excluding VAT, 6.18 € of VAT.
struct July {
    std::string cashSale;     // the bookings' references
    std::string cardSale;
    std::string voucher;      // the voucher's code
};
July seedJuly(Store& store) {
    seedWorld(store);
    store.write([](StoreWriter& w) { w.setSetting(app::setting_keys::kBusinessSiren, kSiren); });
    const auto at = [](const char* utc) { return FixedClock(narcisse::test::at(utc)); };
    app::openCashSession(store, at("2026-07-14T07:00:00Z"), CashCount::parse("50x2", "float"), std::nullopt);

    app::DeskSaleRequest cash;
    cash.sale.date = bastilleDay();
    cash.sale.time = Minutes{10 * 60};
    cash.sale.party = {2, 1, 0};
    cash.tenders = {{PaymentMethod::Cash, Money::cents(3100), Money::cents(4000), ""}};
    July july;
    july.cashSale = app::sellAtDesk(store, at("2026-07-14T07:05:00Z"), cash).sale.booking.ref.str();

    app::DeskSaleRequest card;
    card.sale.date = bastilleDay();
    card.sale.time = Minutes{10 * 60 + 30};
    card.sale.party = {1, 0, 0};
    card.tenders = {{PaymentMethod::Card, Money::cents(1200), Money{}, ""}};
    july.cardSale = app::sellAtDesk(store, at("2026-07-14T07:10:00Z"), card).sale.booking.ref.str();

    app::VoucherSaleRequest voucher;
    voucher.value = Money::cents(2500);
    voucher.paidWith = PaymentMethod::Card;
    voucher.buyerName = "Anna Weber";
    july.voucher = app::sellVoucher(store, at("2026-07-14T07:15:00Z"), voucher).voucher.code.str();

    app::recordCashMovement(store, at("2026-07-14T10:00:00Z"), app::CashDirection::Out, Money::cents(500), "stamps", false, std::nullopt);

    app::CloseDayRequest close;
    close.date = bastilleDay();
    close.counted = CashCount::parse("100x1,20x1,5x1,1x1", "counted");
    app::closeDay(store, at("2026-07-14T18:00:00Z"), close);
    return july;
}

std::string seededDatabase(const TempDir& dir, July* july = nullptr) {
    const auto db = dir.file("narcisse.db");
    auto store = app::openStore(db);
    const July seeded = seedJuly(*store);
    if (july) *july = seeded;
    return db;
}

// The text with each run of spaces made one: tables compared cell by cell, whatever the widths.
std::string words(const std::string& text) { return std::regex_replace(text, std::regex(" {2,}"), " "); }

bool matches(const std::string& text, const std::string& pattern) { return std::regex_search(text, std::regex(pattern)); }

std::vector<std::string> split(const std::string& text, const std::string& separator) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const auto end = text.find(separator, start);
        out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) return out;
        start = end + separator.size();
    }
}

std::int64_t centsOf(const std::string& fecAmount) {   // "31,00"
    const auto comma = fecAmount.find(',');
    return std::stoll(fecAmount.substr(0, comma)) * 100 + std::stoll(fecAmount.substr(comma + 1));
}

constexpr const char* kFecColumns[] = {"JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum",
                                       "CompteLib", "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate",
                                       "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet", "ValidDate",
                                       "Montantdevise", "Idevise"};

// The FEC read back as the accountant's software would: returns its data lines, split.
std::vector<std::vector<std::string>> parseFec(const std::string& path, char separator) {
    const std::string text = readFile(path);
    REQUIRE(!text.empty());
    REQUIRE(text.substr(text.size() - 2) == "\r\n");
    auto lines = split(text.substr(0, text.size() - 2), "\r\n");
    for (const auto& l : lines) REQUIRE_FALSE(contains(l, "\n"));   // no bare LF anywhere

    std::string header;
    for (const char* c : kFecColumns) header += (header.empty() ? "" : std::string(1, separator)) + c;
    CHECK(lines.front() == header);
    lines.erase(lines.begin());

    std::vector<std::vector<std::string>> rows;
    const std::regex day("2026(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])");
    const std::regex amount("[0-9]+,[0-9]{2}");
    for (const auto& l : lines) {
        auto cells = split(l, std::string(1, separator));
        INFO(l);
        REQUIRE(cells.size() == 18);
        CHECK(std::regex_match(cells[3], day));    // EcritureDate
        CHECK(std::regex_match(cells[9], day));    // PieceDate
        CHECK(std::regex_match(cells[11], amount));
        CHECK(std::regex_match(cells[12], amount));
        CHECK(std::regex_match(cells[4].substr(0, 3), std::regex("[0-9]{3}")));
        CHECK((centsOf(cells[11]) == 0) != (centsOf(cells[12]) == 0));   // one side per line
        rows.push_back(std::move(cells));
    }
    return rows;
}

// Debit = credit per entry (journal, EcritureNum); numbers continuous from 1 in each journal.
void checkBalancedAndNumbered(const std::vector<std::vector<std::string>>& rows) {
    std::map<std::pair<std::string, std::string>, std::int64_t> balance;
    std::map<std::string, std::vector<std::string>> numbers;   // per journal, in file order, distinct
    for (const auto& r : rows) {
        balance[{r[0], r[2]}] += centsOf(r[11]) - centsOf(r[12]);
        auto& n = numbers[r[0]];
        if (n.empty() || n.back() != r[2]) n.push_back(r[2]);
    }
    for (const auto& [entry, cents] : balance) {
        INFO(entry.first << " " << entry.second);
        CHECK(cents == 0);
    }
    for (const auto& [journal, n] : numbers) {
        std::set<std::string> distinct(n.begin(), n.end());
        CHECK(distinct.size() == n.size());   // an entry's lines are together
        INFO(journal);
        for (std::size_t i = 0; i < n.size(); ++i) CHECK(std::regex_search(n[i], std::regex(std::to_string(i + 1) + "$")));
    }
}

std::size_t lineCount(const std::string& path) {
    const std::string text = readFile(path);
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

std::string pdfText(const std::string& pdf) { return runProgram({"pdftotext", "-layout", pdf, "-"}).out; }

}  // namespace

TEST_CASE("export fec: the FEC of July parsed back, tab and pipe, CR LF, balanced and numbered", "[cli][accounting]") {
    TempDir dir;
    const auto db = seededDatabase(dir);
    const auto folder = dir.file("fec");
    std::filesystem::create_directory(folder);
    const std::string expected = (std::filesystem::path(folder) / (std::string(kSiren) + "FEC20261231.txt")).string();

    const auto tab = cli(db, {"export", "fec", "--from", "2026-07-01", "--to", "2026-07-31", "--output", folder});
    INFO(tab.err);
    REQUIRE(tab.code == 0);
    CHECK(tab.err.empty());
    const auto rows = parseFec(expected, '\t');
    CHECK(tab.out == std::to_string(rows.size()) + " lines written to " + expected + "\n");
    checkBalancedAndNumbered(rows);
    std::int64_t debit = 0;
    for (const auto& r : rows) debit += centsOf(r[11]);

    const auto pipe = cli(db, {"export", "fec", "--from", "2026-07-01", "--to", "2026-07-31", "--separator", "pipe",
                               "--output", folder});
    REQUIRE(pipe.code == 0);
    const auto pipeRows = parseFec(expected, '|');
    CHECK(pipeRows == rows);
    CHECK_FALSE(std::filesystem::exists(expected + ".part"));

    CHECK(rows.size() == 11);   // 3 sales of 3 lines (drawer or card, sales or advances, VAT), the paid-out of 2
    CHECK(debit == 7300);

    // The journal command shows the same lines and says they balance.
    const auto journal = cli(db, {"journal", "--from", "2026-07-01", "--to", "2026-07-31"});
    INFO(journal.out);
    CHECK(journal.code == 0);
    CHECK(contains(journal.out, "\n11 lines of 4 entries; debit 73.00, credit 73.00; every entry balanced\n"));

    // The month closed (its journal frozen): the same file, byte for byte.
    const std::string before = readFile(expected);
    {
        auto store = app::openStore(db);
        app::closeMonth(*store, FixedClock(at("2026-08-01T08:00:00Z")), 2026, 7, std::nullopt);
    }
    REQUIRE(cli(db, {"export", "fec", "--from", "2026-07-01", "--to", "2026-07-31", "--separator", "pipe", "--output",
                     folder})
                .code == 0);
    CHECK(readFile(expected) == before);
    const auto frozen = cli(db, {"journal", "--from", "2026-07-01", "--to", "2026-07-31"});
    CHECK(contains(frozen.out, "\n11 lines of 4 entries; debit 73.00, credit 73.00; every entry balanced\nfrozen: 2026-07\n"));
}

TEST_CASE("export fec refuses bad values with exit 2 and a missing SIREN with exit 3", "[cli][accounting]") {
    TempDir dir;
    const auto db = seededDatabase(dir);
    const auto folder = dir.file("fec");
    std::filesystem::create_directory(folder);

    const auto reversed = cli(db, {"export", "fec", "--from", "2026-07-31", "--to", "2026-07-01", "--output", folder});
    CHECK(reversed.code == 2);
    CHECK(reversed.err == "narcisse-cli: --to: must not be before --from (2026-07-31)\n");
    const auto badSeparator = cli(db, {"export", "fec", "--from", "2026-07-01", "--to", "2026-07-31", "--separator",
                                       "comma", "--output", folder});
    CHECK(badSeparator.code == 2);
    CHECK(contains(badSeparator.err, "--separator"));
    const auto notFolder = cli(db, {"export", "fec", "--from", "2026-07-01", "--to", "2026-07-31", "--output",
                                    dir.file("nowhere")});
    CHECK(notFolder.code == 2);
    CHECK(notFolder.err == "narcisse-cli: --output: \"" + dir.file("nowhere") + "\" is not a folder\n");

    {
        auto store = app::openStore(db);
        store->write([](StoreWriter& w) { w.setSetting(app::setting_keys::kBusinessSiren, ""); });
    }
    const auto noSiren = cli(db, {"export", "fec", "--from", "2026-07-01", "--to", "2026-07-31", "--output", folder});
    CHECK(noSiren.code == 3);
    CHECK(noSiren.out.empty());
    CHECK(noSiren.err.rfind("narcisse-cli: refused: the FEC file is named after the business's SIREN: ", 0) == 0);
    CHECK(contains(noSiren.err, "business_siren"));
    CHECK(std::filesystem::is_empty(folder));
}

TEST_CASE("export journal|payments|vouchers: one CSV row per line, payment, voucher", "[cli][accounting]") {
    TempDir dir;
    const auto db = seededDatabase(dir);
    const auto csv = dir.file("out.csv");

    const auto journal = cli(db, {"export", "journal", "--from", "2026-07-01", "--to", "2026-07-31", "--output", csv});
    INFO(journal.err);
    REQUIRE(journal.code == 0);
    std::smatch m;
    const std::string out = journal.out;
    REQUIRE(std::regex_match(out, m, std::regex("([0-9]+) journal lines written to (.*)\n")));
    CHECK(m[2] == csv);
    CHECK(lineCount(csv) == std::stoul(m[1]) + 1);   // the header

    const auto excel = cli(db, {"export", "journal", "--from", "2026-07-01", "--to", "2026-07-31", "--format",
                                "excel-fr", "--output", csv});
    REQUIRE(excel.code == 0);
    CHECK(excel.out == journal.out);
    CHECK(readFile(csv).rfind("\xEF\xBB\xBF", 0) == 0);   // the byte order mark Excel wants

    const auto payments = cli(db, {"export", "payments", "--from", "2026-07-01", "--to", "2026-07-31", "--output", csv});
    INFO(payments.err);
    REQUIRE(payments.code == 0);
    CHECK(payments.out == "2 payments written to " + csv + "\n");   // cash 31.00, card 12.00 (a voucher sold is no payment)
    CHECK(lineCount(csv) == 3);

    const auto vouchers = cli(db, {"export", "vouchers", "--from", "2026-07-01", "--to", "2026-07-31", "--output", csv});
    INFO(vouchers.err);
    REQUIRE(vouchers.code == 0);
    CHECK(vouchers.out == "1 voucher written to " + csv + "\n");
    CHECK(lineCount(csv) == 2);

    const auto june = cli(db, {"export", "payments", "--from", "2026-06-01", "--to", "2026-06-30", "--output", csv});
    CHECK(june.code == 0);
    CHECK(june.out == "0 payments written to " + csv + "\n");

    const auto badFormat = cli(db, {"export", "journal", "--from", "2026-07-01", "--to", "2026-07-31", "--format",
                                    "xlsx", "--output", csv});
    CHECK(badFormat.code == 2);
    CHECK(contains(badFormat.err, "--format"));
    const auto badDate = cli(db, {"export", "vouchers", "--from", "2026-07-32", "--to", "2026-07-31", "--output", csv});
    CHECK(badDate.code == 2);
    CHECK(contains(badDate.err, "--from"));
}

// The sales of the journal CSV (credits of 706, 4191 and 44571, net of their debits), in cents.
std::int64_t journalCsvSales(const std::string& path) {
    const auto lines = split(readFile(path), "\r\n");
    REQUIRE(lines.front() == "journal,number,date,piece,piece date,label,account,account label,debit,credit");
    std::int64_t cents = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        if (lines[i].empty()) continue;
        const auto cells = split(lines[i], ",");
        REQUIRE(cells.size() == 10);   // no label of this month holds a comma
        const auto amount = [](const std::string& text) {
            const auto point = text.find('.');
            return std::stoll(text.substr(0, point)) * 100 + std::stoll(text.substr(point + 1));
        };
        if (cells[6] == "706" || cells[6] == "4191" || cells[6] == "44571") cents += amount(cells[9]) - amount(cells[8]);
    }
    return cents;
}

TEST_CASE("report monthly|vat|closings: PDFs whose totals are the journal CSV's", "[cli][accounting][reports]") {
    TempDir dir;
    const auto db = seededDatabase(dir);
    const auto pdf = dir.file("report.pdf");

    const auto csv = dir.file("journal.csv");
    REQUIRE(cli(db, {"export", "journal", "--from", "2026-07-01", "--to", "2026-07-31", "--output", csv}).code == 0);
    CHECK(journalCsvSales(csv) == 6800);

    const auto monthly = cli(db, {"report", "monthly", "--month", "2026-07", "--output", pdf});
    INFO(monthly.err);
    REQUIRE(monthly.code == 0);
    CHECK(monthly.out == "Monthly report of 2026-07 written to " + pdf + "\n");
    CHECK(readFile(pdf).rfind("%PDF-", 0) == 0);
    CHECK_FALSE(std::filesystem::exists(pdf + ".part"));
    const auto monthText = pdfText(pdf);
    INFO(monthText);
    CHECK(matches(monthText, "Ventes TTC +68,00 €"));
    CHECK(matches(monthText, "Chiffre d'affaires net TTC +68,00 €"));
    CHECK(matches(monthText, "Espèces +1 +31,00 €"));
    CHECK(matches(monthText, "Carte +2 +37,00 €"));
    CHECK(matches(monthText, "Bons cadeaux vendus +25,00 €"));

    const auto vat = cli(db, {"report", "vat", "--from", "2026-07-01", "--to", "2026-07-31", "--output", pdf});
    INFO(vat.err);
    REQUIRE(vat.code == 0);
    CHECK(vat.out == "VAT summary of 2026-07-01 to 2026-07-31 written to " + pdf + "\n");
    CHECK(readFile(pdf).rfind("%PDF-", 0) == 0);
    const auto vatText = pdfText(pdf);
    INFO(vatText);
    CHECK(matches(vatText, "Base HT +61,82 €"));
    CHECK(matches(vatText, "TVA collectée +6,18 €"));
    CHECK(matches(vatText, "Total TTC +68,00 €"));

    const auto closings = cli(db, {"report", "closings", "--month", "2026-07", "--output", pdf});
    INFO(closings.err);
    REQUIRE(closings.code == 0);
    CHECK(closings.out == "Closings of 2026-07 written to " + pdf + "\n");
    CHECK(readFile(pdf).rfind("%PDF-", 0) == 0);
    const auto closingsText = pdfText(pdf);
    INFO(closingsText);
    CHECK(matches(closingsText, "000001 +14/07/2026 +000001–000003 +68,00 +31,00"));
    CHECK(matches(closingsText, "Total +1 clôture +68,00"));

    const auto badMonth = cli(db, {"report", "monthly", "--month", "2026-13", "--output", pdf});
    CHECK(badMonth.code == 2);
    CHECK(badMonth.out.empty());
    CHECK(contains(badMonth.err, "--month: \"2026-13\" is not a month (YYYY-MM)"));
    const auto badShape = cli(db, {"report", "closings", "--month", "July", "--output", pdf});
    CHECK(badShape.code == 2);
    CHECK(contains(badShape.err, "--month: \"July\" is not a month (YYYY-MM)"));
    const auto noOutput = cli(db, {"report", "closings", "--month", "2026-07"});
    CHECK(noOutput.code == 2);
    CHECK(contains(noOutput.err, "--output"));
}

TEST_CASE("journal: the lines of a period by journal and account, with the balance check", "[cli][accounting]") {
    TempDir dir;
    July july;
    const auto db = seededDatabase(dir, &july);

    const auto sales = cli(db, {"journal", "--from", "2026-07-01", "--to", "2026-07-31", "--journal", "vt"});
    INFO(sales.err);
    CHECK(sales.code == 0);
    CHECK(words(sales.out) ==
          "journal no date piece account debit credit label\n"
          "VT 1 2026-07-14 T000001 530 31.00 Vente " + july.cashSale + " espèces\n"
          "VT 1 2026-07-14 T000001 706 28.18 Vente " + july.cashSale + "\n"
          "VT 1 2026-07-14 T000001 44571 2.82 Vente " + july.cashSale + " TVA 10 %\n"
          "VT 2 2026-07-14 T000002 511 12.00 Vente " + july.cardSale + " carte\n"
          "VT 2 2026-07-14 T000002 706 10.91 Vente " + july.cardSale + "\n"
          "VT 2 2026-07-14 T000002 44571 1.09 Vente " + july.cardSale + " TVA 10 %\n"
          "VT 3 2026-07-14 T000003 511 25.00 Vente bon cadeau " + july.voucher + " carte\n"
          "VT 3 2026-07-14 T000003 4191 22.73 Vente bon cadeau " + july.voucher + "\n"
          "VT 3 2026-07-14 T000003 44571 2.27 Vente bon cadeau " + july.voucher + " TVA 10 %\n"
          "9 lines of 3 entries; debit 68.00, credit 68.00; every entry balanced\n");

    // An account filter keeps the lines of that account; their entries still balance.
    const auto drawer = cli(db, {"journal", "--from", "2026-07-14", "--to", "2026-07-14", "--account", "530"});
    INFO(drawer.err);
    CHECK(drawer.code == 0);
    CHECK(matches(words(drawer.out), "^journal no date piece account debit credit label\n"
                                     "CA 1 2026-07-14 C[0-9a-f]+ 530 5.00 Sortie de caisse : stamps\n"
                                     "VT 1 2026-07-14 T000001 530 31.00 Vente " + july.cashSale + " espèces\n"
                                     "2 lines of 2 entries; debit 31.00, credit 5.00; every entry balanced\n$"));
    const auto card = cli(db, {"journal", "--from", "2026-07-01", "--to", "2026-07-31", "--method", "card"});
    CHECK(card.code == 0);
    CHECK(contains(card.out, "6 lines of 2 entries; debit 37.00, credit 37.00; every entry balanced\n"));

    const auto june = cli(db, {"journal", "--from", "2026-06-01", "--to", "2026-06-30"});
    CHECK(june.code == 0);
    CHECK(june.out == "No journal line from 2026-06-01 to 2026-06-30 matches.\n");

    const auto badJournal = cli(db, {"journal", "--from", "2026-07-01", "--to", "2026-07-31", "--journal", "XX"});
    CHECK(badJournal.code == 2);
    CHECK(badJournal.out.empty());
    CHECK(contains(badJournal.err, "--journal"));
    const auto reversed = cli(db, {"journal", "--from", "2026-07-31", "--to", "2026-07-01"});
    CHECK(reversed.code == 2);
    CHECK(reversed.err == "narcisse-cli: --to: must not be before --from (2026-07-31)\n");
}

const std::string kDefaultChart = "role account label\n"
                                 "sales 706 Prestations de services\n"
                                 "vat_collected 44571 TVA collectée\n"
                                 "cash 530 Caisse\n"
                                 "bank 512 Banque\n"
                                 "card_clearing 511 Valeurs à l'encaissement (cartes)\n"
                                 "providers 517 Autres organismes financiers (Stripe, PayPal)\n"
                                 "transfers 580 Virements internes\n"
                                 "provider_fees 6278 Frais sur paiements\n"
                                 "voucher_advances 4191 Avances reçues (bons cadeaux)\n"
                                 "cash_suspense 471 Compte d'attente\n";

TEST_CASE("accounts: the chart listed, changed with --set, refused with exit 2", "[cli][accounting]") {
    TempDir dir;
    const auto db = seededDatabase(dir);

    const auto list = cli(db, {"accounts"});
    INFO(list.err);
    CHECK(list.code == 0);
    CHECK(words(list.out) == kDefaultChart);

    const auto set = cli(db, {"accounts", "--set", "sales=7061|Ventes promenades", "--set", "vat.1000=445712"});
    INFO(set.err);
    CHECK(set.code == 0);
    std::string changed = kDefaultChart;
    changed.replace(changed.find("706 Prestations de services"), 27, "7061 Ventes promenades");
    CHECK(words(set.out) == "Saved 2 accounts.\n" + changed + "vat.1000 (10 %) 445712 TVA collectée\n");
    CHECK(words(cli(db, {"accounts"}).out) == changed + "vat.1000 (10 %) 445712 TVA collectée\n");

    // The journal of the open month is written with the new accounts.
    const auto journal = cli(db, {"journal", "--from", "2026-07-14", "--to", "2026-07-14", "--account", "7061"});
    CHECK(journal.code == 0);
    CHECK(contains(journal.out, "\n2 lines of 2 entries; debit 0.00, credit 39.09; every entry balanced\n"));

    const auto unknown = cli(db, {"accounts", "--set", "salary=641"});
    CHECK(unknown.code == 2);
    CHECK(unknown.out.empty());
    CHECK(contains(unknown.err, "--set: \"salary\" is not an account role (sales, vat_collected, "));
    const auto noNumber = cli(db, {"accounts", "--set", "cash=|Caisse"});
    CHECK(noNumber.code == 2);
    CHECK(contains(noNumber.err, "--set: \"cash=|Caisse\" has no account number"));

    // Not three digits first: the FEC would refuse it, so the chart does (naming the role).
    const auto refused = cli(db, {"accounts", "--set", "cash=AB1|Caisse"});
    CHECK(refused.code == 2);
    CHECK(refused.out.empty());
    CHECK(refused.err.rfind("narcisse-cli: cash", 0) == 0);
    CHECK(words(cli(db, {"accounts"}).out) == changed + "vat.1000 (10 %) 445712 TVA collectée\n");   // nothing changed
}

TEST_CASE("export fec on the shared PostgreSQL database", "[cli][accounting][pg]") {
    const std::string db = narcisse::test::freshPgDatabase();
    {
        auto store = app::openStore(db);
        seedJuly(*store);
    }
    TempDir dir;
    const auto fec = cli(db, {"export", "fec", "--from", "2026-07-01", "--to", "2026-07-31", "--output", dir.path().string()});
    INFO(fec.err);
    REQUIRE(fec.code == 0);
    const std::string expected = (dir.path() / (std::string(kSiren) + "FEC20261231.txt")).string();
    const auto rows = parseFec(expected, '\t');
    CHECK(fec.out == std::to_string(rows.size()) + " lines written to " + expected + "\n");
    checkBalancedAndNumbered(rows);
    CHECK(rows.size() == 11);
}
