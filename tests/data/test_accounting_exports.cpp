// The accountant's exports on both engines: the FEC parsed back line by line (18 columns, header,
// CR LF, dates, decimal comma, balanced entries, continuous numbers, file name from the SIREN), its
// pipe variant, the refusals, a cancelled export leaving no file; the CSV files; the PDF reports'
// totals against the journal CSV of the same month, read back with pdftotext.
#include "app/accounting.h"
#include "app/accounting_exports.h"
#include "app/cancellation.h"
#include "app/cash_drawer.h"
#include "app/desk.h"
#include "app/settings.h"
#include "app/vouchers.h"
#include "domain/errors.h"
#include "reports/pdf_text.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

LocalDate day(int y, unsigned m, unsigned d) { return LocalDate{date::year{y}, date::month{m}, date::day{d}}; }

app::Tender cash(std::int64_t cents) { return {PaymentMethod::Cash, Money::cents(cents), Money::cents(0), ""}; }
app::Tender card(std::int64_t cents) { return {PaymentMethod::Card, Money::cents(cents), Money::cents(0), ""}; }

app::DeskSaleResult deskSale(Store& store, const Clock& clock, LocalDate date, const char* time, Party party,
                             std::vector<app::Tender> tenders, Channel channel = Channel::Desk) {
    app::DeskSaleRequest r;
    r.sale.date = date;
    r.sale.time = parseWallTime(time, "time");
    r.sale.party = party;
    r.sale.channel = channel;
    r.tenders = std::move(tenders);
    return app::sellAtDesk(store, clock, r);
}

app::VoucherSaleResult voucher(Store& store, const Clock& clock, std::int64_t cents) {
    app::VoucherSaleRequest r;
    r.value = Money::cents(cents);
    r.paidWith = PaymentMethod::Card;
    r.buyerName = "=Jeanne";   // a name that starts like a formula
    return app::sellVoucher(store, clock, r);
}

Booking webBooking(Store& store, const Clock& clock, LocalDate date, const char* time, Party party, std::int64_t cents,
                   const char* providerRef) {
    const auto pending = deskSale(store, clock, date, time, party, {}, Channel::Web);
    store.write([&](StoreWriter& w) {
        w.insertPayment({Uuid::generate(), pending.sale.booking.id, PaymentMethod::Stripe, Money::cents(cents),
                         PaymentStatus::Succeeded, providerRef, clock.now()});
        w.updateBookingState(pending.sale.booking.id, BookingState::Confirmed);
    });
    return pending.sale.booking;
}

void closeDay(Store& store, const Clock& clock, LocalDate date, const char* counted) {
    app::CloseDayRequest r;
    r.date = date;
    r.counted = CashCount::parse(counted, "count");
    app::closeDay(store, clock, r);
}

// July 2026: two days of desk sales, a voucher, online payments and a refund, cash movements, each
// day closed; then the month closed (its journal frozen) and August opened with more of the same.
struct Season {
    Booking web;
};

Season julyAndAugust(Store& store, bool closeJuly) {
    Season s;
    FixedClock clock(at("2026-07-13T06:00:00Z"));
    app::openCashSession(store, clock, CashCount::parse("50x2", "count"), std::nullopt);
    deskSale(store, clock, day(2026, 7, 13), "10:00", {2, 1, 0}, {cash(3100)});
    clock.set(at("2026-07-13T06:05:00Z"));
    app::recordCashMovement(store, clock, app::CashDirection::In, Money::cents(1000), "coins | change\tbag", false, std::nullopt);
    clock.set(at("2026-07-13T06:10:00Z"));
    s.web = webBooking(store, clock, bastilleDay(), "11:00", {3, 0, 0}, 3600, "pi_3Q");
    clock.set(at("2026-07-13T18:00:00Z"));
    closeDay(store, clock, day(2026, 7, 13), "100x1,20x2,1x1");   // 141.00

    clock.set(at("2026-07-14T06:00:00Z"));
    app::openCashSession(store, clock, CashCount::parse("50x2", "count"), std::nullopt);
    deskSale(store, clock, bastilleDay(), "10:00", {1, 1, 0}, {card(1900)});
    clock.set(at("2026-07-14T06:01:00Z"));
    voucher(store, clock, 3333);
    clock.set(at("2026-07-14T06:02:00Z"));
    app::cancelBooking(store, clock, {s.web.ref, app::RefundChoice::Original, "storm", std::nullopt});
    clock.set(at("2026-07-14T06:03:00Z"));
    app::recordCashMovement(store, clock, app::CashDirection::Out, Money::cents(5000), "deposit", true, std::nullopt);
    clock.set(at("2026-07-14T18:00:00Z"));
    closeDay(store, clock, bastilleDay(), "50x1");

    if (closeJuly) {
        clock.set(at("2026-08-01T08:00:00Z"));
        app::closeMonth(store, clock, 2026, 7, std::nullopt);
    }
    clock.set(at("2026-08-03T06:00:00Z"));
    deskSale(store, clock, day(2026, 8, 3), "10:00", {2, 0, 0}, {card(2400)});
    webBooking(store, clock, day(2026, 8, 3), "11:00", {1, 0, 0}, 1200, "pi_4R");
    return s;
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> split(const std::string& text, const std::string& sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const auto end = text.find(sep, start);
        if (end == std::string::npos) {
            out.push_back(text.substr(start));
            return out;
        }
        out.push_back(text.substr(start, end - start));
        start = end + sep.size();
    }
}

// "1234,50" → cents
std::int64_t fecCents(const std::string& amount) {
    static const std::regex shape("^(\\d+),(\\d\\d)$");
    std::smatch m;
    REQUIRE(std::regex_match(amount, m, shape));
    return std::stoll(m[1]) * 100 + std::stoll(m[2]);
}

// "1 234,50 €", "-12,00 €" → cents
std::int64_t pdfCents(std::string text) {
    std::string digits;
    bool negative = false;
    for (char c : text) {
        if (c == '-') negative = true;
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    }
    REQUIRE_FALSE(digits.empty());
    return (negative ? -1 : 1) * std::stoll(digits);
}

const char* kHeader =
    "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|"
    "EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise";

struct FecCheck {
    std::vector<std::vector<std::string>> rows;   // data rows, 18 cells each
};

// Every rule of the format on a file; returns the rows.
FecCheck checkFec(const std::filesystem::path& file, char separator) {
    const std::string text = slurp(file);
    REQUIRE(text.size() > 2);
    REQUIRE(text.substr(text.size() - 2) == "\r\n");
    auto lines = split(text.substr(0, text.size() - 2), "\r\n");
    for (const auto& l : lines) REQUIRE(l.find('\n') == std::string::npos);
    std::string header = kHeader;
    if (separator == '\t') std::replace(header.begin(), header.end(), '|', '\t');
    CHECK(lines.front() == header);
    FecCheck out;
    std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, std::int64_t>> sums;   // (journal, num)
    std::map<std::string, std::vector<std::int64_t>> numbers;
    std::string previousDate;
    static const std::regex date8("^2026(0[1-9]|1[0-2])([0-2][0-9]|3[01])$");
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto cells = split(lines[i], std::string(1, separator));
        INFO(lines[i]);
        REQUIRE(cells.size() == 18);
        CHECK(std::regex_match(cells[3], date8));
        CHECK(std::regex_match(cells[9], date8));
        CHECK(cells[15] == cells[3]);
        CHECK(cells[3] >= previousDate);   // chronological
        previousDate = cells[3];
        CHECK(std::isdigit(static_cast<unsigned char>(cells[4][0])));
        CHECK(cells[6].empty());
        CHECK(cells[7].empty());
        CHECK(cells[13].empty());
        CHECK(cells[14].empty());
        CHECK(cells[16].empty());
        CHECK(cells[17].empty());
        const std::int64_t debit = fecCents(cells[11]), credit = fecCents(cells[12]);
        CHECK((debit == 0) != (credit == 0));
        auto& sum = sums[{cells[0], cells[2]}];
        sum.first += debit;
        sum.second += credit;
        auto& list = numbers[cells[0]];
        const std::int64_t n = std::stoll(cells[2]);
        if (list.empty() || list.back() != n) list.push_back(n);
        out.rows.push_back(cells);
    }
    for (const auto& [entry, sum] : sums) {
        INFO(entry.first << " " << entry.second);
        CHECK(sum.first == sum.second);
    }
    // Numbered continuously per journal, no gap (the export starts at the year's beginning here).
    for (const auto& [journal, list] : numbers) {
        INFO(journal);
        std::vector<std::int64_t> sorted = list;
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t i = 0; i < sorted.size(); ++i) CHECK(sorted[i] == static_cast<std::int64_t>(i + 1));
    }
    return out;
}

}  // namespace

TEMPLATE_TEST_CASE("the FEC of a period reads back line by line as the format wants", "[accounting][export]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const Season season = julyAndAugust(*store, true);
    TempDir dir;

    try {
        app::exportFec(*store, day(2026, 7, 1), day(2026, 8, 31), app::FecSeparator::Tab, dir.path());
        FAIL("accepted without a SIREN");
    } catch (const ValidationError& e) {
        CHECK(e.field() == "siren");
        CHECK(e.message() == "set the business's SIREN (9 digits) in the settings");
    }
    store->write([&](StoreWriter& w) { w.setSetting(app::setting_keys::kBusinessSiret, "123 456 789 00012"); });

    std::vector<std::pair<std::int64_t, std::int64_t>> calls;
    const auto file = app::exportFec(*store, day(2026, 7, 1), day(2026, 8, 31), app::FecSeparator::Tab, dir.path(),
                                     [&](std::int64_t done, std::int64_t total) {
                                         calls.push_back({done, total});
                                         return true;
                                     });
    CHECK(file == dir.path() / "123456789FEC20261231.txt");
    const FecCheck fec = checkFec(file, '\t');
    // July: VT 1–3 (sale, sale, voucher; the owed refund is BQ), CA 1–2, BQ 1–3; August: VT, BQ go on.
    REQUIRE(fec.rows.size() == 27);
    CHECK(calls.back() == std::pair<std::int64_t, std::int64_t>{27, 27});
    CHECK(fec.rows[0] == std::vector<std::string>{"BQ", "Banque", "1", "20260713", "517",
                                                  "Autres organismes financiers (Stripe, PayPal)", "", "",
                                                  season.web.ref.str(), "20260713",
                                                  "Paiement en ligne " + season.web.ref.str() + " (Stripe)", "36,00",
                                                  "0,00", "", "", "20260713", "", ""});
    // The cash movement's reason had a '|' and a tab: a tab file keeps the '|', the tab became a space.
    bool coins = false;
    for (const auto& row : fec.rows)
        if (row[10] == "Apport en caisse : coins | change bag") coins = true;
    CHECK(coins);
    // August's entries follow July's frozen ones: VT 3 then VT 4… checked continuous by checkFec.
    CHECK(fec.rows.back()[3] == "20260803");

    // The pipe variant: the same lines, the '|' of the reason turned into a space.
    store->write([&](StoreWriter& w) { w.setSetting(app::setting_keys::kBusinessSiren, "987654321"); });
    const auto piped = app::exportFec(*store, day(2026, 7, 1), day(2026, 7, 31), app::FecSeparator::Pipe, dir.path());
    CHECK(piped.filename() == "987654321FEC20261231.txt");
    const FecCheck pipe = checkFec(piped, '|');
    CHECK(pipe.rows.size() == 21);
    coins = false;
    for (const auto& row : pipe.rows)
        if (row[10] == "Apport en caisse : coins   change bag") coins = true;
    CHECK(coins);

    // Cancelled: no file, no partial file.
    TempDir other;
    CHECK_THROWS_AS(app::exportFec(*store, day(2026, 7, 1), day(2026, 8, 31), app::FecSeparator::Tab, other.path(),
                                   [](std::int64_t, std::int64_t) { return false; }),
                    app::Cancelled);
    CHECK(std::filesystem::is_empty(other.path()));
    CHECK_THROWS_AS(app::exportFec(*store, day(2026, 7, 1), day(2026, 8, 31), app::FecSeparator::Tab,
                                   other.path() / "missing"),
                    ValidationError);
}

TEMPLATE_TEST_CASE("the FEC of open months numbers them as the journal does", "[accounting][export]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    julyAndAugust(*store, false);
    store->write([&](StoreWriter& w) { w.setSetting(app::setting_keys::kBusinessSiren, "987 654 321"); });
    TempDir dir;
    const auto file = app::exportFec(*store, day(2026, 7, 1), day(2026, 8, 31), app::FecSeparator::Pipe, dir.path());
    const FecCheck fec = checkFec(file, '|');
    CHECK(fec.rows.size() == 27);
    // The journal view and the file agree line for line.
    const auto view = app::loadJournal(*store, day(2026, 7, 1), day(2026, 8, 31));
    std::size_t i = 0;
    for (const auto& e : view.entries)
        for (const auto& l : e.lines) {
            REQUIRE(i < fec.rows.size());
            CHECK(fec.rows[i][0] == journalCode(e.journal));
            CHECK(fec.rows[i][2] == std::to_string(e.number));
            CHECK(fec.rows[i][4] == l.account);
            CHECK(fec.rows[i][11] == l.debit.format(','));
            ++i;
        }
    CHECK(i == fec.rows.size());
}

TEMPLATE_TEST_CASE("CSV exports: journal lines, payments and vouchers, in both dialects", "[accounting][export]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const Season season = julyAndAugust(*store, true);
    TempDir dir;

    const auto journal = dir.file("journal.csv");
    CHECK(app::exportJournalCsv(*store, day(2026, 7, 1), day(2026, 7, 31), app::CsvFormat::Rfc4180, journal) == 21);
    const auto lines = split(slurp(journal), "\r\n");
    CHECK(lines[0] == "journal,number,date,piece,piece date,label,account,account label,debit,credit");
    CHECK(lines[1] == "BQ,1,2026-07-13," + season.web.ref.str() + ",2026-07-13,Paiement en ligne " +
                          season.web.ref.str() + " (Stripe),517,\"Autres organismes financiers (Stripe, PayPal)\",36.00,0.00");
    const auto excel = dir.file("journal-fr.csv");
    CHECK(app::exportJournalCsv(*store, day(2026, 7, 1), day(2026, 7, 31), app::CsvFormat::ExcelFr, excel) == 21);
    const std::string fr = slurp(excel);
    CHECK(fr.rfind("\xEF\xBB\xBFjournal;number;", 0) == 0);
    CHECK(fr.find(";36,00;0,00\r\n") != std::string::npos);

    const auto payments = dir.file("payments.csv");
    CHECK(app::exportPaymentsCsv(*store, day(2026, 7, 1), day(2026, 7, 31), app::CsvFormat::Rfc4180, payments) == 3);
    const auto paymentLines = split(slurp(payments), "\r\n");
    CHECK(paymentLines[0] == "created,booking,method,status,amount,provider ref");
    CHECK(paymentLines[2] == "2026-07-13 08:10:00," + season.web.ref.str() + ",STRIPE,SUCCEEDED,36.00,pi_3Q");

    const auto vouchers = dir.file("vouchers.csv");
    CHECK(app::exportVouchersCsv(*store, day(2026, 7, 1), day(2026, 7, 31), app::CsvFormat::ExcelFr, vouchers) == 1);
    const auto voucherLines = split(slurp(vouchers), "\r\n");
    CHECK(voucherLines[0] == "\xEF\xBB\xBF" "code;kind;value;sold;expires;buyer;recipient;paid with;VAT;redeemed;balance");
    const std::regex row("^SN-GIFT-[0-9A-Z]{8};AMOUNT;33,33;2026-07-14;2027-07-14;'=Jeanne;;CARD;SINGLE 10 %;0,00;33,33$");
    CHECK(std::regex_match(voucherLines[1], row));

    // Cancelled: the partial file is gone.
    CHECK_THROWS_AS(app::exportJournalCsv(*store, day(2026, 7, 1), day(2026, 7, 31), app::CsvFormat::Rfc4180,
                                          dir.file("stopped.csv"), [](std::int64_t, std::int64_t) { return false; }),
                    app::Cancelled);
    CHECK_FALSE(std::filesystem::exists(dir.file("stopped.csv")));
    CHECK_FALSE(std::filesystem::exists(dir.file("stopped.csv.part")));
}

TEMPLATE_TEST_CASE("the PDF reports' totals are the journal CSV's of the same month, to the cent",
                   "[accounting][export][reports]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    julyAndAugust(*store, true);
    TempDir dir;

    // The journal CSV of July: net credit of sales (706…) and of VAT (4457…).
    const auto csv = dir.file("journal.csv");
    app::exportJournalCsv(*store, day(2026, 7, 1), day(2026, 7, 31), app::CsvFormat::Rfc4180, csv);
    std::int64_t sales = 0, vat = 0;
    const auto lines = split(slurp(csv), "\r\n");
    for (std::size_t i = 1; i < lines.size(); ++i) {
        if (lines[i].empty()) continue;
        const auto cells = split(lines[i], ",");
        const std::string account = cells[cells.size() - 4];
        const std::int64_t net = fecCents(std::regex_replace(cells[cells.size() - 1], std::regex("\\."), ",")) -
                                 fecCents(std::regex_replace(cells[cells.size() - 2], std::regex("\\."), ","));
        if (account.rfind("706", 0) == 0) sales += net;
        if (account.rfind("4457", 0) == 0) vat += net;
    }
    // 28.18 + 17.27 + 32.73 − 32.73 (the online refund) on 706; the voucher's 30.30 went to 4191.
    CHECK(sales == 2818 + 1727);
    CHECK(vat == 282 + 173 + 303);

    const auto monthly = dir.file("july.pdf");
    app::writeMonthlyReport(*store, 2026, 7, monthly);
    const PdfLines pdf = pdfLines(monthly);
    INFO(dump(pdf));
    std::int64_t pdfSales = 0, pdfVat = 0, pdfVatTable = 0;
    bool inVatTable = false;
    for (const auto& l : pdf) {
        if (l.size() == 5 && l[0] == "706") pdfSales = pdfCents(l[3]) - pdfCents(l[2]);
        if (l.size() == 5 && l[0] == "44571") pdfVat = pdfCents(l[3]) - pdfCents(l[2]);
        if (l[0] == "Ventes par taux de TVA") inVatTable = true;
        if (inVatTable && l[0] == "Total" && l.size() == 4) {
            pdfVatTable = pdfCents(l[2]);
            inVatTable = false;
        }
    }
    CHECK(pdfSales == sales);
    CHECK(pdfVat == vat);
    CHECK(pdfVatTable == vat);

    const auto vatPdf = dir.file("vat.pdf");
    app::writeVatReport(*store, day(2026, 7, 1), day(2026, 7, 31), vatPdf);
    const PdfLines vatLines = pdfLines(vatPdf);
    INFO(dump(vatLines));
    bool found = false;
    for (const auto& l : vatLines)
        if (l.size() == 2 && l[0] == "TVA collectée") {
            CHECK(pdfCents(l[1]) == vat);
            found = true;
        }
    CHECK(found);

    const auto closingsPdf = dir.file("closings.pdf");
    app::writeClosingsReport(*store, 2026, 7, closingsPdf);
    CHECK(pageCount(closingsPdf) >= 1);
    CHECK(mentions(pdfLines(closingsPdf), "13/07/2026"));
}
