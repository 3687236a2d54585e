// The desk's documents read back as a customer, a desk manager or an auditor sees them: the receipt
// (and its DUPLICATA), the gift voucher and the Z report, through pdftotext; their QR codes found in
// the rendered page module by module, since no decoder is at hand.
#include "reports/closing_pdf.h"
#include "reports/desk_format.h"
#include "reports/qr_code.h"
#include "reports/receipt_pdf.h"
#include "reports/voucher_pdf.h"
#include "support/engines.h"
#include "support/world.h"

#include "pdf_text.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <string>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

const std::string kHash = "3f2a9c0d51e7b6a4c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5";
const std::string kFirstHalf = kHash.substr(0, 32);
const std::string kSecondHalf = kHash.substr(32);

constexpr int kDpi = 144;   // 2 pixels per point

// Where the QR code of `text` is drawn on page 1, `side` points wide (quiet zone excluded): the
// first position at which the centre of every module has the colour the matrix says; nothing when
// none has. The first three rows decide most positions, so the search stays quick.
std::optional<std::pair<int, int>> findQr(const GreyImage& image, const std::string& text, double side) {
    const reports::QrMatrix qr = reports::qrEncode(text);
    const double module = side * kDpi / 72.0 / qr.width;
    const int extent = static_cast<int>(module * qr.width) + 1;
    for (int y0 = 0; y0 + extent < image.height; ++y0)
        for (int x0 = 0; x0 + extent < image.width; ++x0) {
            bool same = true;
            for (int r = 0; r < qr.width && same; ++r)
                for (int c = 0; c < qr.width && same; ++c) {
                    const int x = x0 + static_cast<int>((c + 0.5) * module);
                    const int y = y0 + static_cast<int>((r + 0.5) * module);
                    same = (image.at(x, y) < 128) == qr.at(c, r);
                }
            if (same) return std::make_pair(x0, y0);
        }
    return std::nullopt;
}

// Kept as PDF and as a PNG of page 1 under build/screenshots/, for a person to look at.
void keep(const std::string& pdf, const std::string& name) {
    std::filesystem::create_directories(NARCISSE_SCREENSHOT_DIR);
    const std::string kept = std::string(NARCISSE_SCREENSHOT_DIR) + "/" + name + ".pdf";
    std::filesystem::copy_file(pdf, kept, std::filesystem::copy_options::overwrite_existing);
    run("pdftoppm -png -r 72 -f 1 -l 1 -singlefile '" + kept + "' '" + NARCISSE_SCREENSHOT_DIR + "/" + name + "' 2>/dev/null");
}

reports::ReceiptDocument saleReceipt() {
    reports::ReceiptDocument doc;
    doc.businessName = "Sweet Narcisse";
    doc.address = "12 quai de la Poissonnerie\n68000 Colmar";
    doc.idLine = "SIRET 123 456 789 00012 \xC2\xB7 TVA FR12 123456789";
    Receipt& r = doc.receipt;
    r.number = 123;
    r.kind = ReceiptKind::Sale;
    r.issuedAt = test::at("2026-07-14T08:05:00Z");   // 10:05 in Colmar (summer time)
    r.desk = "DESK-1";
    r.operatorName = "Zoé Lefèvre";
    r.reference = "SN-ABCDEFGH";
    r.departure = "14/07/2026 10:30 \xC2\xB7 Ill";
    r.party = "2A 1C";
    r.customer = "Zoë Müller-SSøren";
    r.lines = {{"Adulte", 2, Money::cents(1250), Money::cents(2500), 1000, Money::cents(227)},
               {"Enfant", 1, Money::cents(700), Money::cents(700), 1000, Money::cents(64)},
               {"Forfait photo souvenir de la balade", 1, Money::cents(123450), Money::cents(123450), 2000,
                Money::cents(20575)}};
    r.total = Money::cents(126650);
    r.vat = {{1000, Money::cents(2909), Money::cents(291), Money::cents(3200)},
             {2000, Money::cents(102875), Money::cents(20575), Money::cents(123450)}};
    ReceiptPayment cash;
    cash.method = PaymentMethod::Cash;
    cash.amount = Money::cents(26650);
    cash.given = Money::cents(30000);
    cash.change = Money::cents(3350);
    ReceiptPayment voucher;
    voucher.method = PaymentMethod::Voucher;
    voucher.amount = Money::cents(100000);
    voucher.voucherCode = "SN-GIFT-ABCDEFG5";
    r.payments = {cash, voucher};
    r.hash = kHash;
    return doc;
}

}  // namespace

TEST_CASE("a QR code's size follows its text, and the drawn modules are libqrencode's matrix", "[reports]") {
    CHECK(reports::qrModules("SN-ABCDEFGH") == 21);                  // version 1
    CHECK(reports::qrModules("SN-GIFT-ABCDEFG5") == 21);
    CHECK(reports::qrModules("https://sweet-narcisse.fr/b/SN-ABCDEFGH?lang=fr&x=1234567890") == 33);   // version 4
    const reports::QrMatrix qr = reports::qrEncode("SN-ABCDEFGH");
    REQUIRE(qr.dark.size() == 21u * 21u);
    // The finder pattern's corners are dark, the separator beside them light.
    CHECK(qr.at(0, 0));
    CHECK(qr.at(6, 6));
    CHECK_FALSE(qr.at(7, 0));
    CHECK(qr.at(20, 0));
    CHECK(qr.at(0, 20));

    TempDir dir;
    const std::string path = dir.file("qr.pdf");
    reports::PdfOptions options;
    options.decorations = false;
    reports::PdfDocument pdf(options);
    pdf.newPage();
    reports::drawQr(pdf, 100, 120, 84, qr);
    pdf.save(path);
    const GreyImage image = renderPage(path, dir.file("qr"), kDpi);
    const auto found = findQr(image, "SN-ABCDEFGH", 84);
    REQUIRE(found);
    // (100, 120) pt at 2 px per point, give or take the half module (4 px) that centre sampling allows.
    CHECK(std::abs(found->first - 200) <= 5);
    CHECK(std::abs(found->second - 240) <= 5);
    CHECK_FALSE(findQr(image, "SN-ABCDEFGJ", 84));   // another reference's matrix is not there
}

TEST_CASE("a receipt shows the sale, its VAT, its payments, its reference as text and QR code, and its hash",
          "[reports]") {
    TempDir dir;
    const std::string path = dir.file("receipt.pdf");
    const reports::ReceiptDocument doc = saleReceipt();
    reports::writeReceiptPdf(doc, path);
    CHECK(std::filesystem::exists(path));
    CHECK_FALSE(std::filesystem::exists(path + ".part"));
    CHECK(pageCount(path) == 1);
    const auto lines = pdfLines(path);
    INFO(dump(lines));
    CHECK(lines.at(0) == std::vector<std::string>{"Sweet Narcisse"});
    CHECK(hasLine(lines, {"12 quai de la Poissonnerie"}));
    CHECK(hasLine(lines, {"68000 Colmar"}));
    CHECK(hasLine(lines, {"SIRET 123 456 789 00012 · TVA FR12 123456789"}));
    CHECK(hasLine(lines, {"Reçu"}));
    CHECK(hasLine(lines, {"N° 000123", "14/07/2026 10:05"}));
    CHECK(hasLine(lines, {"Caisse: DESK-1", "Opérateur: Zoé Lefèvre"}));
    CHECK(hasLine(lines, {"Départ: 14/07/2026 10:30 · Ill"}));
    CHECK(hasLine(lines, {"Groupe: 2A 1C"}));
    CHECK(hasLine(lines, {"Client: Zoë Müller-SSøren"}));
    CHECK(hasLine(lines, {"Adulte", "2 × 12,50 €", "25,00 €"}));
    CHECK(hasLine(lines, {"Enfant", "1 × 7,00 €", "7,00 €"}));
    // A label too long to share its line with the figures goes above them.
    CHECK(hasLine(lines, {"Forfait photo souvenir de la balade"}));
    CHECK(hasLine(lines, {"1 × 1 234,50 €", "1 234,50 €"}));
    CHECK(hasLine(lines, {"Total TTC", "1 266,50 €"}));
    CHECK(hasLine(lines, {"TVA", "Base HT", "TVA", "TTC"}));
    CHECK(hasLine(lines, {"10 %", "29,09", "2,91", "32,00"}));
    CHECK(hasLine(lines, {"20 %", "1 028,75", "205,75", "1 234,50"}));
    CHECK(hasLine(lines, {"Espèces", "266,50 €"}));
    CHECK(hasLine(lines, {"Donné", "300,00 €"}));
    CHECK(hasLine(lines, {"Rendu", "33,50 €"}));
    CHECK(hasLine(lines, {"Bon cadeau SN-GIFT-ABCDEFG5", "1 000,00 €"}));
    CHECK(hasLine(lines, {"Référence"}));
    CHECK(hasLine(lines, {"SN-ABCDEFGH"}));
    CHECK(hasLine(lines, {"Hash: " + kFirstHalf}));
    CHECK(hasLine(lines, {kSecondHalf}));
    CHECK_FALSE(mentions(lines, "DUPLICATA"));

    const GreyImage image = renderPage(path, dir.file("receipt"), kDpi);
    CHECK(image.width == 454);   // 80 mm at 144 dpi
    CHECK(findQr(image, "SN-ABCDEFGH", reports::kReceiptQrSide));
    CHECK_FALSE(findQr(image, "SN-ABCDEFGJ", reports::kReceiptQrSide));
    keep(path, "receipt");
}

TEST_CASE("a reprinted receipt says DUPLICATA with its reprint count, large and in words", "[reports]") {
    TempDir dir;
    reports::ReceiptDocument doc = saleReceipt();
    doc.reprint = 2;
    const std::string path = dir.file("duplicata.pdf");
    reports::writeReceiptPdf(doc, path);
    const auto lines = pdfLines(path);
    INFO(dump(lines));
    CHECK(hasLine(lines, {"DUPLICATA 2"}));
    CHECK(hasLine(lines, {"DUPLICATA 2 — réimpression du reçu N° 000123"}));
    CHECK(hasLine(lines, {"N° 000123", "14/07/2026 10:05"}));   // the original's number and time, unchanged
    CHECK(hasLine(lines, {"Total TTC", "1 266,50 €"}));
    CHECK(hasLine(lines, {"Hash: " + kFirstHalf}));
    CHECK(findQr(renderPage(path, dir.file("duplicata"), kDpi), "SN-ABCDEFGH", reports::kReceiptQrSide));
    keep(path, "receipt_duplicata");
}

TEST_CASE("a cancellation receipt gives negative amounts, and a voucher sold outside VAT says so", "[reports]") {
    TempDir dir;
    reports::ReceiptDocument doc = saleReceipt();
    Receipt& r = doc.receipt;
    r.number = 124;
    r.kind = ReceiptKind::Cancellation;
    r.issuedAt = test::at("2026-12-24T17:45:00Z");   // 18:45 in Colmar (winter time)
    r.lines = {{"Adulte", 2, Money::cents(1250), Money::cents(-2500), 1000, Money::cents(-227)}};
    r.total = Money::cents(-2500);
    r.vat = {{1000, Money::cents(-2273), Money::cents(-227), Money::cents(-2500)}};
    ReceiptPayment back;
    back.method = PaymentMethod::Card;
    back.amount = Money::cents(-2500);
    r.payments = {back};
    const std::string path = dir.file("cancellation.pdf");
    reports::writeReceiptPdf(doc, path);
    auto lines = pdfLines(path);
    INFO(dump(lines));
    CHECK(hasLine(lines, {"Annulation"}));
    CHECK(hasLine(lines, {"N° 000124", "24/12/2026 18:45"}));
    CHECK(hasLine(lines, {"Adulte", "2 × 12,50 €", "-25,00 €"}));
    CHECK(hasLine(lines, {"Total TTC", "-25,00 €"}));
    CHECK(hasLine(lines, {"10 %", "-22,73", "-2,27", "-25,00"}));
    CHECK(hasLine(lines, {"Carte", "-25,00 €"}));
    CHECK_FALSE(mentions(lines, "Rendu"));

    // A multi-purpose voucher sold: no VAT on the sale, its code as the reference.
    r.kind = ReceiptKind::VoucherSale;
    r.reference = "SN-GIFT-ABCDEFG5";
    r.departure.clear();
    r.party.clear();
    r.lines = {{"Bon cadeau SN-GIFT-ABCDEFG5", 1, Money::cents(5000), Money::cents(5000), 0, Money::zero()}};
    r.total = Money::cents(5000);
    r.vat = {{0, Money::cents(5000), Money::zero(), Money::cents(5000)}};
    r.payments = {{PaymentMethod::Card, Money::cents(5000), Money::zero(), Money::zero(), "", false}};
    reports::writeReceiptPdf(doc, path);
    lines = pdfLines(path);
    INFO(dump(lines));
    CHECK(hasLine(lines, {"Vente de bon cadeau"}));
    CHECK(hasLine(lines, {"Hors champ TVA", "50,00", "0,00", "50,00"}));
    CHECK(hasLine(lines, {"SN-GIFT-ABCDEFG5"}));
    CHECK_FALSE(mentions(lines, "Départ"));
    CHECK(findQr(renderPage(path, dir.file("voucher-sale"), kDpi), "SN-GIFT-ABCDEFG5", reports::kReceiptQrSide));
    keep(path, "receipt_voucher_sale");
}

TEST_CASE("a gift voucher shows its recipient, message, value, expiry and code as text and QR code", "[reports]") {
    TempDir dir;
    reports::VoucherDocument doc;
    doc.businessName = "Sweet Narcisse";
    doc.address = "12 quai de la Poissonnerie\n68000 Colmar";
    doc.idLine = "SIRET 123 456 789 00012";
    Voucher& v = doc.voucher;
    v.code = GiftCode::fromNumber(123456);
    v.kind = VoucherKind::Amount;
    v.value = Money::cents(7500);
    v.buyerName = "Jean Dupont";
    v.recipientName = "Zoë Müller-SSøren";
    v.message = "Joyeux anniversaire ! Une balade sur la Lauch, au fil de l'eau, pour fêter tes trente ans avec "
                "ceux que tu aimes.";
    v.expiresOn = LocalDate{date::year{2027}, date::month{7}, date::day{14}};
    v.soldAt = test::at("2026-07-13T22:30:00Z");   // already the 14th in Colmar
    const std::string code = v.code.str();
    REQUIRE(code.rfind("SN-GIFT-", 0) == 0);

    const std::string path = dir.file("voucher.pdf");
    reports::writeVoucherPdf(doc, path);
    CHECK_FALSE(std::filesystem::exists(path + ".part"));
    CHECK(pageCount(path) == 1);
    auto lines = pdfLines(path);
    INFO(dump(lines));
    CHECK(hasLine(lines, {"Sweet Narcisse"}));
    CHECK(hasLine(lines, {"Bon cadeau"}));
    CHECK(hasLine(lines, {"Pour", "Zoë Müller-SSøren"}));
    CHECK(mentions(lines, "Joyeux anniversaire !"));
    CHECK(mentions(lines, "aimes."));
    CHECK(hasLine(lines, {"Valeur", "75,00 €"}));
    CHECK(hasLine(lines, {"Valable jusqu'au", "14/07/2027"}));
    CHECK(mentions(lines, code));
    CHECK(hasLine(lines, {"Offert par Jean Dupont · Vendu le 14/07/2026"}));
    CHECK(hasLine(lines, {"12 quai de la Poissonnerie, 68000 Colmar · SIRET 123 456 789 00012"}));
    const GreyImage image = renderPage(path, dir.file("voucher"), kDpi);
    CHECK(image.width == 1191);   // A5 landscape
    CHECK(findQr(image, code, reports::kVoucherQrSide));
    keep(path, "voucher_amount");

    // A ride: the party in words, then what it was worth; no buyer named.
    v.kind = VoucherKind::Ride;
    v.party = Party{2, 1, 0};
    v.value = Money::cents(3200);
    v.buyerName.clear();
    v.message.clear();
    reports::writeVoucherPdf(doc, path);
    lines = pdfLines(path);
    INFO(dump(lines));
    CHECK(hasLine(lines, {"Valable pour", "Une balade, 2 adultes, 1 enfant"}));
    CHECK(hasLine(lines, {"Valeur", "32,00 €"}));
    CHECK(hasLine(lines, {"Vendu le 14/07/2026"}));
    CHECK(reports::partyInWords(Party{1, 0, 2}) == "1 adulte, 2 bébés");
    keep(path, "voucher_ride");
}

namespace {

Closing dailyClosing() {
    Closing c;
    c.number = 12;
    c.period = ClosingPeriod::Day;
    c.from = c.to = LocalDate{date::year{2026}, date::month{7}, date::day{14}};
    c.closedAt = test::at("2026-07-14T17:45:00Z");
    c.openedAt = test::at("2026-07-14T06:58:00Z");
    c.desk = "DESK-1";
    c.operatorName = "Zoë Müller-SSøren";
    c.businessName = "Sweet Narcisse";
    c.firstReceipt = 101;
    c.lastReceipt = 156;
    c.receiptCount = 56;
    c.byMethod = {{PaymentMethod::Cash, 30, Money::cents(61750)},
                  {PaymentMethod::Card, 24, Money::cents(123405)},
                  {PaymentMethod::Voucher, 2, Money::cents(6400)}};
    c.byVat = {{1000, Money::cents(173232), Money::cents(17323), Money::cents(190555)},
               {0, Money::cents(1000), Money::zero(), Money::cents(1000)}};
    c.cancellationCount = 2;
    c.cancellations = Money::cents(4500);
    c.refundCount = 1;
    c.refunds = Money::cents(1250);
    c.cashIn = Money::cents(5000);
    c.cashOut = Money::cents(20000);
    c.openingFloat = Money::cents(15000);
    c.expectedCash = Money::cents(61750);   // 150 + 617.50 − 200 + 50
    CashCount count;
    count.quantities = {{5000, 2}, {2000, 15}, {1000, 11}, {200, 3}, {50, 1}, {20, 4}, {1, 3}, {10000, 0}};
    c.counted = count;
    c.countedCash = Money::cents(61733);
    c.difference = Money::cents(-17);
    c.comment = "Une pièce de 0,20 € tombée derrière le comptoir, retrouvée le lendemain.";
    c.periodTotal = Money::cents(185305);
    c.fiscalYearTotal = Money::cents(4567890);
    c.grandTotal = Money::cents(12345678);
    c.hash = kHash;
    return c;
}

}  // namespace

TEST_CASE("the daily Z report shows receipts, totals by method and VAT rate, the cash count and the running totals",
          "[reports]") {
    TempDir dir;
    reports::ClosingDocument doc;
    doc.closing = dailyClosing();
    doc.address = "12 quai de la Poissonnerie\n68000 Colmar";
    doc.idLine = "SIRET 123 456 789 00012";
    const std::string path = dir.file("z.pdf");
    reports::writeClosingPdf(doc, path);
    CHECK_FALSE(std::filesystem::exists(path + ".part"));
    CHECK(pageCount(path) == 1);
    const auto lines = pdfLines(path);
    INFO(dump(lines));
    CHECK(lines.at(0) == std::vector<std::string>{"Sweet Narcisse", "Clôture journalière (Z) N° 000012"});
    CHECK(hasLine(lines, {"12 quai de la Poissonnerie, 68000 Colmar · SIRET 123 456 789 00012"}));
    CHECK(hasLine(lines, {"Clôture journalière (Z)", "N° 000012"}));
    CHECK(hasLine(lines, {"Caisse", "DESK-1"}));
    CHECK(hasLine(lines, {"Opérateur", "Zoë Müller-SSøren"}));
    CHECK(hasLine(lines, {"Journée", "14/07/2026"}));
    CHECK(hasLine(lines, {"Ouverture", "14/07/2026 08:58"}));
    CHECK(hasLine(lines, {"Clôture", "14/07/2026 19:45"}));
    CHECK(hasLine(lines, {"Reçus", "N° 000101 à N° 000156 (56 reçus)"}));
    CHECK(hasLine(lines, {"Moyen", "Nombre", "Montant"}));
    CHECK(hasLine(lines, {"Espèces", "30", "617,50 €"}));
    CHECK(hasLine(lines, {"Carte", "24", "1 234,05 €"}));
    CHECK(hasLine(lines, {"Bon cadeau", "2", "64,00 €"}));
    CHECK(hasLine(lines, {"Total", "56", "1 915,55 €"}));
    CHECK(hasLine(lines, {"Taux", "Base HT", "TVA", "TTC"}));
    CHECK(hasLine(lines, {"10 %", "1 732,32 €", "173,23 €", "1 905,55 €"}));
    CHECK(hasLine(lines, {"Hors champ TVA", "10,00 €", "0,00 €", "10,00 €"}));
    CHECK(hasLine(lines, {"Total", "1 742,32 €", "173,23 €", "1 915,55 €"}));
    CHECK(hasLine(lines, {"Annulations", "2", "45,00 €"}));
    CHECK(hasLine(lines, {"Remboursements", "1", "12,50 €"}));
    CHECK(hasLine(lines, {"Fond de caisse", "150,00 €"}));
    CHECK(hasLine(lines, {"Entrées de caisse", "50,00 €"}));
    CHECK(hasLine(lines, {"Sorties de caisse", "200,00 €"}));
    CHECK(hasLine(lines, {"Espèces attendues", "617,50 €"}));
    CHECK(hasLine(lines, {"50,00 €", "×", "2", "=", "100,00 €"}));
    CHECK(hasLine(lines, {"20,00 €", "×", "15", "=", "300,00 €"}));
    CHECK(hasLine(lines, {"10,00 €", "×", "11", "=", "110,00 €"}));
    CHECK(hasLine(lines, {"2,00 €", "×", "3", "=", "6,00 €"}));
    CHECK(hasLine(lines, {"0,50 €", "×", "1", "=", "0,50 €"}));
    CHECK(hasLine(lines, {"0,20 €", "×", "4", "=", "0,80 €"}));
    CHECK(hasLine(lines, {"0,01 €", "×", "3", "=", "0,03 €"}));
    CHECK_FALSE(hasLine(lines, {"100,00 €", "×", "0", "=", "0,00 €"}));   // a denomination not counted is not listed
    CHECK(hasLine(lines, {"Espèces comptées", "617,33 €"}));
    CHECK(hasLine(lines, {"Écart (compté − attendu)", "-0,17 €"}));
    CHECK(hasLine(lines, {"Commentaire", "Une pièce de 0,20 € tombée derrière le comptoir, retrouvée le lendemain."}));
    CHECK(hasLine(lines, {"Total de la période", "1 853,05 €"}));
    CHECK(hasLine(lines, {"Cumul de l'exercice", "45 678,90 €"}));
    CHECK(hasLine(lines, {"Grand total perpétuel", "123 456,78 €"}));
    CHECK(hasLine(lines, {"Hash: " + kHash}));
    CHECK(lines.back() == std::vector<std::string>{"Clôturé le 14/07/2026 19:45", "page 1 / 1"});
    keep(path, "closing_day");
}

TEST_CASE("a monthly closing gives its date range and no drawer count", "[reports]") {
    TempDir dir;
    reports::ClosingDocument doc;
    Closing& c = doc.closing;
    c = dailyClosing();
    c.number = 40;
    c.period = ClosingPeriod::Month;
    c.from = LocalDate{date::year{2026}, date::month{7}, date::day{1}};
    c.to = LocalDate{date::year{2026}, date::month{7}, date::day{31}};
    c.closedAt = test::at("2026-08-01T06:00:00Z");
    c.openedAt.reset();
    c.counted.reset();
    c.difference = Money::cents(250);
    c.comment.clear();
    c.receiptCount = 0;
    const std::string path = dir.file("month.pdf");
    reports::writeClosingPdf(doc, path);
    const auto lines = pdfLines(path);
    INFO(dump(lines));
    CHECK(hasLine(lines, {"Clôture mensuelle", "N° 000040"}));
    CHECK(hasLine(lines, {"Période", "du 01/07/2026 au 31/07/2026"}));
    CHECK(hasLine(lines, {"Reçus", "aucun"}));
    CHECK(hasLine(lines, {"Écarts de caisse cumulés", "+2,50 €"}));
    CHECK_FALSE(mentions(lines, "Fond de caisse"));
    CHECK_FALSE(mentions(lines, "Comptage"));
    CHECK(lines.back() == std::vector<std::string>{"Clôturé le 01/08/2026 08:00", "page 1 / 1"});
    keep(path, "closing_month");
}
