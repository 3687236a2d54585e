// A gift, so a little ornament (a double frame) but still black on white: it is printed at home as
// often as at the desk.
#include "reports/voucher_pdf.h"

#include "reports/desk_format.h"
#include "reports/pdf_document.h"
#include "reports/qr_code.h"

namespace narcisse::reports {

namespace {

constexpr double kMargin = 28;
constexpr double kIndent = 96;   // where values start, right of their labels
const Colour kGrey = Colour::grey(0.4f);

std::string counted(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

}  // namespace

std::string partyInWords(const domain::Party& party) {
    std::string s;
    auto add = [&s](int n, const char* one, const char* many) {
        if (n == 0) return;
        if (!s.empty()) s += ", ";
        s += counted(n, one, many);
    };
    add(party.adults, "adulte", "adultes");
    add(party.children, "enfant", "enfants");
    add(party.babies, "b\xC3\xA9" "b\xC3\xA9", "b\xC3\xA9" "b\xC3\xA9s");
    return s;
}

void writeVoucherPdf(const VoucherDocument& doc, const std::filesystem::path& file) {
    const domain::Voucher& v = doc.voucher;
    PdfOptions options;
    options.title = "Bon cadeau " + v.code.str();
    options.header = doc.businessName;
    options.pageWidth = kVoucherWidth;
    options.pageHeight = kVoucherHeight;
    options.margin = kMargin;
    options.decorations = false;
    PdfDocument pdf(options);
    pdf.newPage();

    // The frame.
    pdf.strokeRect(14, 14, kVoucherWidth - 28, kVoucherHeight - 28, 2.0);
    pdf.strokeRect(19, 19, kVoucherWidth - 38, kVoucherHeight - 38, 0.5, kGrey);

    // The QR code and its code on the right, the words on the left.
    const QrMatrix qr = qrEncode(v.code.str());
    const double quiet = 4 * kVoucherQrSide / qr.width;
    const double qrLeft = pdf.right() - kVoucherQrSide - quiet + 8;   // its white quiet zone inside the frame
    const double textRight = qrLeft - quiet - 12;
    const double textWidth = textRight - pdf.left();
    const double qrCentre = qrLeft + kVoucherQrSide / 2;

    double y = pdf.contentTop() + 20;
    pdf.fittedText(pdf.left(), y, doc.businessName, textWidth, 15, Weight::Bold);
    y += 44;
    pdf.text(pdf.left(), y, "Bon cadeau", 34, Weight::Bold);
    y += 34;

    auto labelled = [&](const std::string& label, const std::string& value, double size, Weight weight) {
        pdf.text(pdf.left(), y, label, 10, Weight::Regular, Align::Left, kGrey);
        const double indent = kIndent;
        pdf.fittedText(pdf.left() + indent, y, value, textWidth - indent, size, weight);
    };
    labelled("Pour", v.recipientName, 16, Weight::Bold);
    y += 22;
    if (!v.message.empty()) {
        int shown = 0;
        for (const auto& line : pdf.wrap(v.message, textWidth - kIndent, 11)) {
            if (++shown > 6) break;   // 300 characters fit in six lines; never over the value
            pdf.text(pdf.left() + kIndent, y, line, 11);
            y += 15;
        }
        y += 4;
    }
    y += 8;
    if (v.kind == domain::VoucherKind::Ride) {
        labelled("Valable pour", "Une balade, " + partyInWords(v.party), 13, Weight::Bold);
        y += 19;
        labelled("Valeur", euros(v.value), 12, Weight::Regular);
    } else {
        labelled("Valeur", euros(v.value), 20, Weight::Bold);
    }
    y += 22;
    labelled("Valable jusqu'au", frenchDate(v.expiresOn), 12, Weight::Bold);

    // The code: scanned from the QR at the desk, typed from the text when the scanner fails.
    const double qrTop = pdf.contentTop() + 64;
    drawQr(pdf, qrLeft, qrTop, kVoucherQrSide, qr);
    pdf.text(qrCentre, qrTop + kVoucherQrSide + quiet + 6, v.code.str(), 11, Weight::Bold, Align::Centre);

    // Who offered it, when, and the business's details, small along the bottom.
    const domain::BusinessZone zone(doc.timeZone);
    double bottom = pdf.contentBottom() - 4;
    std::string sold = "Vendu le " + frenchDate(zone.localDate(v.soldAt));
    if (!v.buyerName.empty()) sold = "Offert par " + v.buyerName + " \xC2\xB7 " + sold;
    std::string business;
    for (char c : doc.address) business += c == '\n' ? std::string(", ") : std::string(1, c);
    if (!doc.idLine.empty()) business += (business.empty() ? "" : " \xC2\xB7 ") + doc.idLine;
    pdf.fittedText(pdf.left(), bottom, business, pdf.contentWidth(), 7.5, Weight::Regular, Align::Left, kGrey);
    bottom -= 14;
    pdf.fittedText(pdf.left(), bottom, sold, pdf.contentWidth(), 9.5);
    pdf.save(file.string());
}

}  // namespace narcisse::reports
