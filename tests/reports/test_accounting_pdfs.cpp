// The accountant's PDF reports read back as the accountant sees them, through pdftotext: the monthly
// revenue report, the VAT summary of a quarter and the list of a month's daily closings — every
// total to the cent, the column headers again on the pages a table runs onto, and no file at all
// when the writing fails.
#include "reports/accounting_pdfs.h"
#include "reports/desk_format.h"
#include "support/engines.h"

#include "pdf_text.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

const std::string kBusiness = "Barques Zoë & Søren Łukasiewicz — Ελλάδα";

LocalDate july(unsigned d) { return LocalDate{date::year{2026}, date::month{7}, date::day{d}}; }

reports::ReportHeader header() {
    reports::ReportHeader h;
    h.businessName = kBusiness;
    h.address = "12 quai de la Poissonnerie\n68000 Colmar";
    h.idLine = "SIRET 123 456 789 00012 \xC2\xB7 TVA FR12 123456789";
    return h;
}

// Kept as PDF and every page as PNG under build/screenshots/, for a person to look at.
void keep(const std::string& pdf, const std::string& name) {
    std::filesystem::create_directories(NARCISSE_SCREENSHOT_DIR);
    const std::string kept = std::string(NARCISSE_SCREENSHOT_DIR) + "/" + name + ".pdf";
    std::filesystem::copy_file(pdf, kept, std::filesystem::copy_options::overwrite_existing);
    run("pdftoppm -png -r 60 '" + kept + "' '" + NARCISSE_SCREENSHOT_DIR + "/" + name + "' 2>/dev/null");
}

// July 2026, a movement every day: 100 + d passengers, 1 000,00 € + d × 10,01 € of sales, a refund
// of 25,50 € on the 10th, 20th and 30th.
reports::MonthlyRevenue july2026() {
    reports::MonthlyRevenue r;
    r.header = header();
    r.year = 2026;
    r.month = 7;
    for (unsigned d = 1; d <= 31; ++d) {
        reports::RevenueDay day;
        day.date = july(d);
        day.passengers = 100 + static_cast<int>(d);
        day.sales = Money::cents(100000 + 1001 * static_cast<std::int64_t>(d));
        day.refunds = Money::cents(d % 10 == 0 ? 2550 : 0);
        day.net = day.sales - day.refunds;
        r.days.push_back(day);
    }
    r.byMethod = {{PaymentMethod::Cash, 320, Money::cents(812345)},
                  {PaymentMethod::Card, 410, Money::cents(2150001)},
                  {PaymentMethod::Voucher, 12, Money::cents(64000)},
                  {PaymentMethod::Stripe, 95, Money::cents(562500)}};
    r.byVat = {{1000, Money::cents(3208042), Money::cents(320804), Money::cents(3528846)},
               {2000, Money::cents(41667), Money::cents(8333), Money::cents(50000)},
               {0, Money::cents(10000), Money::zero(), Money::cents(10000)}};
    r.refundCount = 3;
    r.refunds = Money::cents(7650);
    r.vouchersSold = Money::cents(120000);
    r.vouchersRedeemed = Money::cents(64000);
    r.vouchersOutstanding = Money::cents(345050);
    r.providerFees = Money::cents(9875);
    r.total = Money::cents(3588846);
    r.accounts = {{"4191", "Clients \xE2\x80\x94 avances et acomptes re\xC3\xA7us sur commandes (bons cadeaux vendus)",
                   Money::cents(64000), Money::cents(120000)},
                  {"44571", "TVA collect\xC3\xA9" "e", Money::zero(), Money::cents(329137)},
                  {"511", "Cartes \xC3\xA0 encaisser", Money::cents(2150001), Money::zero()},
                  {"517", "Stripe / PayPal", Money::cents(562500), Money::zero()},
                  {"530", "Caisse", Money::cents(812345), Money::zero()},
                  {"706", "Prestations de services", Money::zero(), Money::cents(3139709)}};
    return r;
}

}  // namespace

TEST_CASE("the monthly revenue report gives every day, the month's figures and the journal's balances", "[reports]") {
    TempDir dir;
    const std::string path = dir.file("monthly.pdf");
    reports::MonthlyRevenue report = july2026();
    reports::writeMonthlyRevenuePdf(report, path);
    CHECK(std::filesystem::exists(path));
    CHECK_FALSE(std::filesystem::exists(path + ".part"));
    REQUIRE(pageCount(path) == 2);
    const auto lines = pdfLines(path);
    INFO(dump(lines));
    const std::string title = "Chiffre d'affaires — juillet 2026";
    CHECK(lines.at(0) == std::vector<std::string>{kBusiness, title});
    CHECK(hasLine(lines, {"12 quai de la Poissonnerie, 68000 Colmar · SIRET 123 456 789 00012 · TVA FR12 123456789"}));
    CHECK(hasLine(lines, {title}));

    CHECK(hasLine(lines, {"Passagers", "3 596"}));
    CHECK(hasLine(lines, {"Ventes TTC", "35 964,96 €"}));
    CHECK(hasLine(lines, {"Remboursements", "3", "76,50 €"}));
    CHECK(hasLine(lines, {"Chiffre d'affaires net TTC", "35 888,46 €"}));

    CHECK(hasLine(lines, {"Moyen", "Nombre", "Montant"}));
    CHECK(hasLine(lines, {"Espèces", "320", "8 123,45 €"}));
    CHECK(hasLine(lines, {"Carte", "410", "21 500,01 €"}));
    CHECK(hasLine(lines, {"Bon cadeau", "12", "640,00 €"}));
    CHECK(hasLine(lines, {"En ligne (Stripe)", "95", "5 625,00 €"}));
    CHECK(hasLine(lines, {"Total", "837", "35 888,46 €"}));

    CHECK(hasLine(lines, {"Taux", "Base HT", "TVA", "TTC"}));
    CHECK(hasLine(lines, {"10 %", "32 080,42 €", "3 208,04 €", "35 288,46 €"}));
    CHECK(hasLine(lines, {"20 %", "416,67 €", "83,33 €", "500,00 €"}));
    CHECK(hasLine(lines, {"Hors champ TVA", "100,00 €", "0,00 €", "100,00 €"}));
    CHECK(hasLine(lines, {"Total", "32 597,09 €", "3 291,37 €", "35 888,46 €"}));

    CHECK(hasLine(lines, {"Bons cadeaux vendus", "1 200,00 €"}));
    CHECK(hasLine(lines, {"Bons cadeaux utilisés", "640,00 €"}));
    CHECK(hasLine(lines, {"Encours des bons au 31/07/2026", "3 450,50 €"}));
    CHECK(hasLine(lines, {"Frais des prestataires de paiement", "98,75 €"}));

    // Every day, then their total, which is the month's net.
    const std::vector<std::string> dayHeader{"Date", "Passagers", "Ventes TTC", "Remboursements", "Net TTC"};
    CHECK(hasLine(lines, {"01/07/2026", "101", "1 010,01 €", "0,00 €", "1 010,01 €"}));
    CHECK(hasLine(lines, {"10/07/2026", "110", "1 100,10 €", "25,50 €", "1 074,60 €"}));
    CHECK(hasLine(lines, {"14/07/2026", "114", "1 140,14 €", "0,00 €", "1 140,14 €"}));
    CHECK(hasLine(lines, {"31/07/2026", "131", "1 310,31 €", "0,00 €", "1 310,31 €"}));
    for (unsigned d = 1; d <= 31; ++d) CHECK(mentions(lines, reports::frenchDate(july(d))));
    CHECK(hasLine(lines, {"Total", "3 596", "35 964,96 €", "76,50 €", "35 888,46 €"}));

    CHECK(hasLine(lines, {"Compte", "Libellé", "Débit", "Crédit", "Solde (D − C)"}));
    CHECK(hasLine(lines, {"530", "Caisse", "8 123,45 €", "0,00 €", "8 123,45 €"}));
    CHECK(hasLine(lines, {"706", "Prestations de services", "0,00 €", "31 397,09 €", "-31 397,09 €"}));
    CHECK(hasLine(lines, {"44571", "TVA collectée", "0,00 €", "3 291,37 €", "-3 291,37 €"}));
    CHECK(mentions(lines, "Clients — avances et acomptes"));   // a long label cut to its column, not over the débit
    CHECK(hasLine(lines, {"Total", "35 888,46 €", "35 888,46 €", "0,00 €"}));

    // The day table runs onto page 2, its title and column headers with it.
    const auto page1 = pdfLines(path, 1);
    const auto page2 = pdfLines(path, 2);
    INFO(dump(page2));
    CHECK(page1.back() == std::vector<std::string>{"page 1 / 2"});
    CHECK(page2.back() == std::vector<std::string>{"page 2 / 2"});
    CHECK(page2.at(0) == std::vector<std::string>{kBusiness, title});
    CHECK(hasLine(page1, {"Ventes par jour"}));
    CHECK(hasLine(page1, dayHeader));
    CHECK(hasLine(page2, {"Ventes par jour (suite)"}));
    CHECK(lineIndex(page2, dayHeader) == 2);
    CHECK(lineIndex(page2, {"31/07/2026", "131", "1 310,31 €", "0,00 €", "1 310,31 €"}) > 2);
    keep(path, "accounting_monthly");

    // Fees the providers have not reported yet are said to be unknown, not zero.
    report.providerFees.reset();
    reports::writeMonthlyRevenuePdf(report, path);
    const auto unknown = pdfLines(path);
    CHECK(hasLine(unknown, {"Frais des prestataires de paiement", "non connus"}));
}

TEST_CASE("the VAT summary gives each month by rate, the period by rate and its totals", "[reports]") {
    reports::VatSummary s;
    s.header = header();
    s.from = july(1);
    s.to = LocalDate{date::year{2026}, date::month{9}, date::day{30}};
    s.months = {{2026, 7, {{1000, Money::cents(3208042), Money::cents(320804), Money::cents(3528846)},
                           {2000, Money::cents(41667), Money::cents(8333), Money::cents(50000)}}},
                {2026, 8, {{1000, Money::cents(3636365), Money::cents(363636), Money::cents(4000001)},
                           {2000, Money::cents(10287), Money::cents(2058), Money::cents(12345)}}},
                {2026, 9, {{550, Money::cents(10000), Money::cents(550), Money::cents(10550)},
                           {1000, Money::cents(1000000), Money::cents(100000), Money::cents(1100000)}}}};
    s.byRate = {{550, Money::cents(10000), Money::cents(550), Money::cents(10550)},
                {1000, Money::cents(7844407), Money::cents(784440), Money::cents(8628847)},
                {2000, Money::cents(51954), Money::cents(10391), Money::cents(62345)}};
    s.base = Money::cents(7906361);
    s.vat = Money::cents(795381);
    s.total = Money::cents(8701742);

    TempDir dir;
    const std::string path = dir.file("vat.pdf");
    reports::writeVatSummaryPdf(s, path);
    CHECK_FALSE(std::filesystem::exists(path + ".part"));
    CHECK(pageCount(path) == 1);
    const auto lines = pdfLines(path);
    INFO(dump(lines));
    const std::string title = "Récapitulatif de TVA du 01/07/2026 au 30/09/2026";
    CHECK(lines.at(0) == std::vector<std::string>{kBusiness, "TVA du 01/07/2026 au 30/09/2026"});
    CHECK(hasLine(lines, {title}));
    CHECK(lines.back() == std::vector<std::string>{"page 1 / 1"});

    // Each block in its place: the heading, the column headers, the rates, the month's total.
    const std::vector<std::string> columns{"Taux", "Base HT", "TVA", "TTC"};
    const auto block = [&](const std::string& name, const std::vector<std::vector<std::string>>& rows) {
        const int at = lineIndex(lines, {name});
        REQUIRE(at >= 0);
        CHECK(lines.at(static_cast<std::size_t>(at) + 1) == columns);
        for (std::size_t i = 0; i < rows.size(); ++i) CHECK(lines.at(static_cast<std::size_t>(at) + 2 + i) == rows[i]);
    };
    block("Juillet 2026", {{"10 %", "32 080,42 €", "3 208,04 €", "35 288,46 €"},
                           {"20 %", "416,67 €", "83,33 €", "500,00 €"},
                           {"Total", "32 497,09 €", "3 291,37 €", "35 788,46 €"}});
    block("Août 2026", {{"10 %", "36 363,65 €", "3 636,36 €", "40 000,01 €"},
                        {"20 %", "102,87 €", "20,58 €", "123,45 €"},
                        {"Total", "36 466,52 €", "3 656,94 €", "40 123,46 €"}});
    block("Septembre 2026", {{"5,5 %", "100,00 €", "5,50 €", "105,50 €"},
                             {"10 %", "10 000,00 €", "1 000,00 €", "11 000,00 €"},
                             {"Total", "10 100,00 €", "1 005,50 €", "11 105,50 €"}});
    block("Période du 01/07/2026 au 30/09/2026", {{"5,5 %", "100,00 €", "5,50 €", "105,50 €"},
                                                  {"10 %", "78 444,07 €", "7 844,40 €", "86 288,47 €"},
                                                  {"20 %", "519,54 €", "103,91 €", "623,45 €"},
                                                  {"Total", "79 063,61 €", "7 953,81 €", "87 017,42 €"}});
    CHECK(hasLine(lines, {"Totaux de la période"}));
    CHECK(hasLine(lines, {"Base HT", "79 063,61 €"}));
    CHECK(hasLine(lines, {"TVA collectée", "7 953,81 €"}));
    CHECK(hasLine(lines, {"Total TTC", "87 017,42 €"}));
    keep(path, "accounting_vat");
}

namespace {

std::string hashOf(unsigned d) {
    std::string h = "3f2a9c0d51e7b6a4c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5";
    const char* hex = "0123456789abcdef";
    h[0] = hex[d / 16];
    h[1] = hex[d % 16];
    return h;
}

// July 2026's 31 daily closings, N° 101 to 131, 50 receipts each.
reports::ClosingsList julyClosings() {
    reports::ClosingsList list;
    list.header = header();
    list.year = 2026;
    list.month = 7;
    for (unsigned d = 1; d <= 31; ++d) {
        Closing c;
        c.number = 100 + d;
        c.from = c.to = july(d);
        c.firstReceipt = 1000 + (d - 1) * 50 + 1;
        c.lastReceipt = c.firstReceipt + 49;
        c.receiptCount = 50;
        c.byMethod = {{PaymentMethod::Cash, 16, Money::cents(30000 + 100 * d)},
                      {PaymentMethod::Card, 20, Money::cents(50000 + d)}};
        if (d % 5 == 0) c.byMethod.push_back({PaymentMethod::Voucher, 1, Money::cents(3200)});
        if (d % 2 == 0) c.byMethod.push_back({PaymentMethod::Stripe, 1, Money::cents(10000)});
        if (d == 31) c.byMethod.push_back({PaymentMethod::PayPal, 1, Money::cents(2550)});
        Money total = Money::zero();
        for (const auto& m : c.byMethod) total += m.amount;
        c.periodTotal = total;
        c.difference = Money::cents(d == 14 ? -17 : d == 20 ? 200 : 0);
        if (d == 14) c.comment = "Une pièce de 0,20 € tombée derrière le comptoir.";
        if (d == 20) c.comment = "Pièce de 2 € trouvée dans le bac à monnaie.";
        c.hash = hashOf(d);
        list.closings.push_back(c);
    }
    list.periodTotal = Money::cents(2701846);
    list.byMethod = {{PaymentMethod::Cash, 496, Money::cents(979600)},
                     {PaymentMethod::Card, 620, Money::cents(1550496)},
                     {PaymentMethod::Voucher, 6, Money::cents(19200)},
                     {PaymentMethod::Stripe, 15, Money::cents(150000)},
                     {PaymentMethod::PayPal, 1, Money::cents(2550)}};
    list.byVat = {{1000, Money::cents(2456224), Money::cents(245622), Money::cents(2701846)}};
    return list;
}

}  // namespace

TEST_CASE("the closings list gives each daily closing with its receipts, totals and hash, then the month's totals",
          "[reports]") {
    TempDir dir;
    const std::string path = dir.file("closings.pdf");
    reports::writeClosingsListPdf(julyClosings(), path);
    CHECK_FALSE(std::filesystem::exists(path + ".part"));
    REQUIRE(pageCount(path) == 2);
    const auto lines = pdfLines(path);
    INFO(dump(lines));
    const std::string title = "Clôtures journalières — juillet 2026";
    CHECK(lines.at(0) == std::vector<std::string>{kBusiness, title});
    CHECK(hasLine(lines, {title}));

    const std::vector<std::string> columns{"N°",    "Date", "Tickets",  "Total période", "Espèces",
                                           "Carte", "Bon",  "En ligne", "Écart"};
    CHECK(hasLine(lines, columns));
    CHECK(hasLine(lines, {"000101", "01/07/2026", "001001–001050", "801,01", "301,00", "500,01", "0,00", "0,00", "0,00"}));
    const int day14 = lineIndex(
        lines, {"000114", "14/07/2026", "001651–001700", "914,14", "314,00", "500,14", "0,00", "100,00", "-0,17"});
    REQUIRE(day14 >= 0);
    CHECK(lines.at(static_cast<std::size_t>(day14) + 1) == std::vector<std::string>{"Hash " + hashOf(14)});
    CHECK(lines.at(static_cast<std::size_t>(day14) + 2) ==
          std::vector<std::string>{"Commentaire : Une pièce de 0,20 € tombée derrière le comptoir."});
    CHECK(hasLine(lines, {"000120", "20/07/2026", "001951–002000", "952,20", "320,00", "500,20", "32,00", "100,00", "+2,00"}));
    const int day31 = lineIndex(
        lines, {"000131", "31/07/2026", "002501–002550", "856,81", "331,00", "500,31", "0,00", "25,50", "0,00"});
    REQUIRE(day31 >= 0);
    CHECK(lines.at(static_cast<std::size_t>(day31) + 1) == std::vector<std::string>{"Hash " + hashOf(31)});
    for (unsigned d = 1; d <= 31; ++d) CHECK(hasLine(lines, {"Hash " + hashOf(d)}));
    CHECK(hasLine(lines, {"Total", "31 clôtures", "27 018,46", "9 796,00", "15 504,96", "192,00", "1 525,50", "+1,83"}));

    CHECK(hasLine(lines, {"Espèces", "496", "9 796,00 €"}));
    CHECK(hasLine(lines, {"Carte", "620", "15 504,96 €"}));
    CHECK(hasLine(lines, {"Bon cadeau", "6", "192,00 €"}));
    CHECK(hasLine(lines, {"En ligne (Stripe)", "15", "1 500,00 €"}));
    CHECK(hasLine(lines, {"En ligne (PayPal)", "1", "25,50 €"}));
    CHECK(hasLine(lines, {"Total", "1 138", "27 018,46 €"}));
    CHECK(hasLine(lines, {"10 %", "24 562,24 €", "2 456,22 €", "27 018,46 €"}));
    CHECK(hasLine(lines, {"Total", "24 562,24 €", "2 456,22 €", "27 018,46 €"}));

    const auto page2 = pdfLines(path, 2);
    INFO(dump(page2));
    CHECK(page2.at(0) == std::vector<std::string>{kBusiness, title});
    CHECK(hasLine(page2, {"Clôtures (suite)"}));
    CHECK(lineIndex(page2, columns) == 2);
    CHECK(page2.back() == std::vector<std::string>{"page 2 / 2"});
    keep(path, "accounting_closings");
}

TEST_CASE("an accounting report that cannot be written leaves no file behind", "[reports]") {
    TempDir dir;
    // A folder that does not exist: libharu cannot open the temporary file.
    const std::string missing = dir.file("nowhere/monthly.pdf");
    CHECK_THROWS_AS(reports::writeMonthlyRevenuePdf(july2026(), missing), std::runtime_error);
    CHECK_FALSE(std::filesystem::exists(missing));
    CHECK_FALSE(std::filesystem::exists(missing + ".part"));

    // The name taken by a folder: the complete temporary file cannot take its place, and goes.
    const std::string taken = dir.file("taken.pdf");
    std::filesystem::create_directories(std::filesystem::path(taken) / "inside");
    CHECK_THROWS_AS(reports::writeClosingsListPdf(julyClosings(), taken), std::runtime_error);
    CHECK(std::filesystem::is_directory(std::filesystem::path(taken) / "inside"));
    CHECK_FALSE(std::filesystem::exists(taken + ".part"));
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()) == 1);
}
