// Laid out twice: once to measure the height the receipt needs, once to draw it on a page cut to
// that height, as a roll printer would.
#include "reports/receipt_pdf.h"

#include "reports/desk_format.h"
#include "reports/pdf_document.h"
#include "reports/qr_code.h"

#include <algorithm>

namespace narcisse::reports {

namespace {

using domain::Money;
using domain::ReceiptKind;

constexpr double kMargin = 10;
constexpr double kBody = 8;        // point size of most lines
constexpr double kSmall = 7;
constexpr double kLine = 11;       // baseline to baseline at kBody

const Colour kGrey = Colour::grey(0.45f);

std::string kindTitle(ReceiptKind k) {
    switch (k) {
    case ReceiptKind::Sale: return "Re\xC3\xA7u";
    case ReceiptKind::Cancellation: return "Annulation";
    case ReceiptKind::Refund: return "Remboursement";
    case ReceiptKind::VoucherSale: return "Vente de bon cadeau";
    }
    return "";
}

class ReceiptWriter {
public:
    ReceiptWriter(PdfDocument& pdf, const ReceiptDocument& doc, bool draw)
        : m_pdf(pdf), m_doc(doc), m_r(doc.receipt), m_draw(draw), m_left(pdf.left()), m_right(pdf.right()) {}

    // Returns the height used, bottom margin included.
    double write() {
        m_y = kMargin;
        header();
        if (m_doc.reprint > 0) duplicataMark();
        identity();
        lines();
        totals();
        vat();
        payments();
        reference();
        footer();
        return m_y + kMargin;
    }

private:
    double width() const { return m_right - m_left; }
    double centre() const { return (m_left + m_right) / 2; }

    void text(double x, std::string_view s, double size, Weight w = Weight::Regular, Align a = Align::Left,
              Colour c = Colour::black()) {
        if (m_draw) m_pdf.fittedText(x, m_y, s, width(), size, w, a, c);
    }
    // A label on the left and a value on the right of the same line; the label gives way.
    void pair(std::string_view label, std::string_view value, double size = kBody, Weight w = Weight::Regular) {
        const double valueWidth = m_pdf.measure(value, size, w);
        if (m_draw) {
            m_pdf.fittedText(m_left, m_y, label, width() - valueWidth - 8, size, w);
            m_pdf.text(m_right, m_y, value, size, w, Align::Right);
        }
    }
    void advance(double dy) { m_y += dy; }
    void rule(double gap = 6) {
        m_y += gap - kLine + 4;
        if (m_draw) m_pdf.line(m_left, m_y, m_right, m_y, 0.5, kGrey);
        m_y += kLine;
    }
    void wrapped(std::string_view s, double size, Weight w = Weight::Regular, Align a = Align::Centre) {
        for (const auto& line : m_pdf.wrap(s, width(), size, w)) {
            text(a == Align::Centre ? centre() : m_left, line, size, w, a);
            advance(size * 1.35);
        }
    }

    void header() {
        advance(13);
        wrapped(m_doc.businessName, 12, Weight::Bold);
        advance(1);
        wrapped(m_doc.address, kBody);
        wrapped(m_doc.idLine, kSmall);
        rule(2);
    }

    // Large enough that nobody takes a reprint for the original.
    void duplicataMark() {
        const std::string mark = "DUPLICATA " + std::to_string(m_doc.reprint);
        advance(12);
        if (m_draw) {
            m_pdf.strokeRect(m_left, m_y - 22, width(), 30, 1.5);
            m_pdf.text(centre(), m_y, mark, 20, Weight::Bold, Align::Centre);
        }
        advance(kLine + 12);
    }

    void identity() {
        advance(m_doc.reprint > 0 ? 6 : 11);
        text(centre(), kindTitle(m_r.kind), 14, Weight::Bold, Align::Centre);
        advance(kLine + 7);
        const domain::BusinessZone zone(m_doc.timeZone);
        pair(receiptNumber(m_r.number), zone.format(m_r.issuedAt, "%d/%m/%Y %H:%M"), 9, Weight::Bold);
        advance(kLine + 2);
        pair("Caisse: " + m_r.desk, "Op\xC3\xA9rateur: " + m_r.operatorName);
        advance(kLine);
        if (!m_r.departure.empty()) field("D\xC3\xA9part: ", m_r.departure);
        if (!m_r.party.empty()) field("Groupe: ", m_r.party);
        if (!m_r.customer.empty()) field("Client: ", m_r.customer);
        rule();
    }

    void field(const std::string& label, const std::string& value) {
        text(m_left, label + value, kBody);
        advance(kLine);
    }

    void lines() {
        for (const auto& l : m_r.lines) {
            const std::string quantity = std::to_string(l.quantity) + " \xC3\x97 " + euros(l.unitPrice);
            const std::string total = euros(l.total);
            const double numbers = m_pdf.measure(quantity, kBody) + m_pdf.measure(total, kBody) + 24;
            // The label beside its figures when it fits, else on its own line above them.
            if (m_pdf.measure(l.label, kBody) > width() - numbers) {
                text(m_left, l.label, kBody);
                advance(kLine);
            } else {
                text(m_left, l.label, kBody);
            }
            if (m_draw) {
                m_pdf.text(m_right - m_pdf.measure(total, kBody) - 14, m_y, quantity, kBody, Weight::Regular,
                           Align::Right);
                m_pdf.text(m_right, m_y, total, kBody, Weight::Regular, Align::Right);
            }
            advance(kLine);
        }
        rule(2);
    }

    void totals() {
        advance(4);
        pair("Total TTC", euros(m_r.total), 12, Weight::Bold);
        advance(kLine + 4);
    }

    // Columns: rate | base HT | TVA | TTC, amounts without the currency so that they fit the roll.
    void vat() {
        if (m_r.vat.empty()) return;
        const double colBase = m_left + 112, colVat = m_left + 156, colTotal = m_right;
        auto row = [&](std::string_view rate, std::string_view base, std::string_view vat, std::string_view total,
                       Weight w) {
            if (!m_draw) return;
            m_pdf.fittedText(m_left, m_y, rate, 64, kSmall + 0.5, w);
            m_pdf.text(colBase, m_y, base, kSmall + 0.5, w, Align::Right);
            m_pdf.text(colVat, m_y, vat, kSmall + 0.5, w, Align::Right);
            m_pdf.text(colTotal, m_y, total, kSmall + 0.5, w, Align::Right);
        };
        row("TVA", "Base HT", "TVA", "TTC", Weight::Bold);
        advance(kLine - 1);
        for (const auto& v : m_r.vat) {
            row(v.rateBasisPoints == 0 ? "Hors champ TVA" : vatRate(v.rateBasisPoints), v.base.format(',', " "),
                v.vat.format(',', " "), v.total.format(',', " "), Weight::Regular);
            advance(kLine - 1);
        }
        rule(0);
    }

    void payments() {
        if (m_r.payments.empty()) return;
        for (const auto& p : m_r.payments) {
            std::string label = methodLabel(p.method);
            if (p.method == domain::PaymentMethod::Voucher && !p.voucherCode.empty()) label += " " + p.voucherCode;
            pair(label, euros(p.amount));
            advance(kLine);
            if (p.method == domain::PaymentMethod::Cash && p.given.cents() != 0) {
                pair("   Donn\xC3\xA9", euros(p.given), kSmall + 0.5);
                advance(kLine - 1);
                pair("   Rendu", euros(p.change), kSmall + 0.5);
                advance(kLine - 1);
            }
        }
        rule(0);
    }

    void reference() {
        if (m_r.reference.empty()) return;
        advance(4);
        text(centre(), "R\xC3\xA9" "f\xC3\xA9rence", kSmall, Weight::Regular, Align::Centre, kGrey);
        const QrMatrix qr = qrEncode(m_r.reference);
        const double quietZone = 4 * kReceiptQrSide / qr.width;
        advance(quietZone);
        if (m_draw) drawQr(m_pdf, centre() - kReceiptQrSide / 2, m_y, kReceiptQrSide, qr);
        advance(kReceiptQrSide + quietZone + 8);
        text(centre(), m_r.reference, 12, Weight::Bold, Align::Centre);
        advance(kLine + 2);
        rule(2);
    }

    void footer() {
        if (!m_r.hash.empty()) {
            // 64 hex characters do not fit the roll: two halves, the second under the first's digits.
            const std::string label = "Hash: ";
            const std::size_t half = (m_r.hash.size() + 1) / 2;
            text(m_left, label + m_r.hash.substr(0, half), kSmall, Weight::Regular, Align::Left, kGrey);
            advance(kLine - 2);
            if (m_draw)
                m_pdf.text(m_left + m_pdf.measure(label, kSmall), m_y, m_r.hash.substr(half), kSmall, Weight::Regular,
                           Align::Left, kGrey);
            advance(kLine);
        }
        if (m_doc.reprint > 0) {
            text(centre(), "DUPLICATA " + std::to_string(m_doc.reprint) + " \xE2\x80\x94 r\xC3\xA9impression du re\xC3\xA7u " +
                               receiptNumber(m_r.number),
                 kSmall, Weight::Bold, Align::Centre);
            advance(kLine);
        }
    }

    PdfDocument& m_pdf;
    const ReceiptDocument& m_doc;
    const domain::Receipt& m_r;
    const bool m_draw;
    const double m_left, m_right;
    double m_y = 0;
};

}  // namespace

void writeReceiptPdf(const ReceiptDocument& doc, const std::filesystem::path& file) {
    PdfOptions options;
    options.title = kindTitle(doc.receipt.kind) + " " + receiptNumber(doc.receipt.number);
    options.header = doc.businessName;
    options.pageWidth = kReceiptWidth;
    options.margin = kMargin;
    options.decorations = false;
    PdfDocument pdf(options);
    const double height = ReceiptWriter(pdf, doc, false).write();
    pdf.setPageHeight(std::max(height, 200.0));
    pdf.newPage();
    ReceiptWriter(pdf, doc, true).write();
    pdf.save(file.string());
}

}  // namespace narcisse::reports
