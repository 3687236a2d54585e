// Filed for years and read by an auditor: plain tables, every figure labelled, amounts right-aligned
// in one column so that they add up by eye.
#include "reports/closing_pdf.h"

#include "reports/desk_format.h"
#include "reports/pdf_document.h"

#include <vector>

namespace narcisse::reports {

namespace {

using domain::ClosingPeriod;
using domain::Money;

constexpr double kBody = 10;
constexpr double kRow = 13.5;
const Colour kGrey = Colour::grey(0.4f);
const Colour kShade = Colour::grey(0.9f);

std::string title(ClosingPeriod p) {
    switch (p) {
    case ClosingPeriod::Day: return "Cl\xC3\xB4ture journali\xC3\xA8re (Z)";
    case ClosingPeriod::Month: return "Cl\xC3\xB4ture mensuelle";
    case ClosingPeriod::Year: return "Cl\xC3\xB4ture annuelle";
    }
    return "";
}

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

struct Column {
    double x;          // left edge for Align::Left, right edge for Align::Right
    Align align;
};

class ClosingWriter {
public:
    ClosingWriter(PdfDocument& pdf, const ClosingDocument& doc)
        : m_pdf(pdf), m_doc(doc), m_c(doc.closing), m_zone(doc.timeZone), m_value(pdf.left() + 330) {}

    void write() {
        m_pdf.newPage();
        m_y = m_pdf.contentTop() + 4;
        business();
        heading();
        identity();
        byMethod();
        byVat();
        corrections();
        cash();
        totals();
        hash();
    }

private:
    double left() const { return m_pdf.left(); }

    // A new page when `height` does not fit on this one.
    void need(double height) {
        if (m_y + height <= m_pdf.contentBottom()) return;
        m_pdf.newPage();
        m_y = m_pdf.contentTop() + 12;
    }

    void business() {
        std::string line;
        for (char c : m_doc.address) line += c == '\n' ? std::string(", ") : std::string(1, c);
        if (!m_doc.idLine.empty()) line += (line.empty() ? "" : " \xC2\xB7 ") + m_doc.idLine;
        if (line.empty()) return;
        m_y += 4;
        m_pdf.fittedText(left(), m_y, line, m_pdf.contentWidth(), 8.5, Weight::Regular, Align::Left, kGrey);
        m_y += 8;
    }

    void heading() {
        m_y += 22;
        const std::string number = receiptNumber(m_c.number);
        m_pdf.text(m_pdf.right(), m_y, number, 16, Weight::Bold, Align::Right);
        m_pdf.fittedText(left(), m_y, title(m_c.period), m_pdf.contentWidth() - m_pdf.measure(number, 16) - 20, 18,
                         Weight::Bold);
        m_y += 22;
    }

    void pair(const std::string& label, const std::string& value, Weight w = Weight::Regular) {
        need(kRow);
        m_pdf.fittedText(left(), m_y, label, m_value - left() - m_pdf.measure(value, kBody, w) - 12, kBody, w);
        m_pdf.text(m_value, m_y, value, kBody, w, Align::Right);
        m_y += kRow;
    }

    // Label and text, for what is not an amount.
    void field(const std::string& label, const std::string& value) {
        need(kRow);
        m_pdf.text(left(), m_y, label, kBody, Weight::Regular, Align::Left, kGrey);
        m_pdf.fittedText(left() + 110, m_y, value, m_pdf.contentWidth() - 110, kBody, Weight::Bold);
        m_y += kRow;
    }

    void identity() {
        field("Caisse", m_c.desk);
        field("Op\xC3\xA9rateur", m_c.operatorName);
        if (m_c.period == ClosingPeriod::Day) {
            field("Journ\xC3\xA9" "e", frenchDate(m_c.from));
            if (m_c.openedAt) field("Ouverture", m_zone.format(*m_c.openedAt, "%d/%m/%Y %H:%M"));
        } else {
            field("P\xC3\xA9riode", "du " + frenchDate(m_c.from) + " au " + frenchDate(m_c.to));
        }
        field("Cl\xC3\xB4ture", m_zone.format(m_c.closedAt, "%d/%m/%Y %H:%M"));
        if (m_c.receiptCount == 0)
            field("Re\xC3\xA7us", "aucun");
        else
            field("Re\xC3\xA7us", receiptNumber(m_c.firstReceipt) + " \xC3\xA0 " + receiptNumber(m_c.lastReceipt) + " (" +
                                      plural(m_c.receiptCount, "re\xC3\xA7u", "re\xC3\xA7us") + ")");
    }

    void section(const std::string& name) {
        need(kRow * 4);
        m_y += 11;
        m_pdf.text(left(), m_y, name, 12, Weight::Bold);
        m_pdf.line(left(), m_y + 4, m_pdf.right(), m_y + 4, 0.75);
        m_y += kRow + 2;
    }

    void row(const std::vector<Column>& columns, const std::vector<std::string>& cells, Weight w = Weight::Regular,
             bool shaded = false) {
        need(kRow);
        if (shaded) m_pdf.fillRect(left() - 4, m_y - 10, m_pdf.contentWidth() + 8, kRow, kShade);
        for (std::size_t i = 0; i < columns.size() && i < cells.size(); ++i) m_pdf.text(columns[i].x, m_y, cells[i], kBody, w, columns[i].align);
        m_y += kRow;
    }

    void byMethod() {
        section("Encaissements par moyen de paiement");
        const std::vector<Column> cols{{left(), Align::Left}, {left() + 230, Align::Right}, {m_value, Align::Right}};
        row(cols, {"Moyen", "Nombre", "Montant"}, Weight::Bold, true);
        Money total = Money::zero();
        int count = 0;
        for (const auto& m : m_c.byMethod) {
            row(cols, {methodLabel(m.method), std::to_string(m.count), euros(m.amount)});
            total += m.amount;
            count += m.count;
        }
        if (m_c.byMethod.empty()) row(cols, {"Aucun encaissement"});
        row(cols, {"Total", std::to_string(count), euros(total)}, Weight::Bold);
    }

    void byVat() {
        section("TVA par taux");
        const double r = m_pdf.right();
        const std::vector<Column> cols{
            {left(), Align::Left}, {r - 240, Align::Right}, {r - 120, Align::Right}, {r, Align::Right}};
        row(cols, {"Taux", "Base HT", "TVA", "TTC"}, Weight::Bold, true);
        Money base = Money::zero(), vat = Money::zero(), total = Money::zero();
        for (const auto& v : m_c.byVat) {
            row(cols, {v.rateBasisPoints == 0 ? "Hors champ TVA" : vatRate(v.rateBasisPoints), euros(v.base), euros(v.vat),
                       euros(v.total)});
            base += v.base;
            vat += v.vat;
            total += v.total;
        }
        row(cols, {"Total", euros(base), euros(vat), euros(total)}, Weight::Bold);
    }

    void corrections() {
        section("Annulations et remboursements");
        const std::vector<Column> cols{{left(), Align::Left}, {left() + 230, Align::Right}, {m_value, Align::Right}};
        row(cols, {"Annulations", std::to_string(m_c.cancellationCount), euros(m_c.cancellations)});
        row(cols, {"Remboursements", std::to_string(m_c.refundCount), euros(m_c.refunds)});
    }

    void cash() {
        section("Caisse");
        if (m_c.period != ClosingPeriod::Day) {
            // A month's or a year's drawer is its days' drawers: the movements and the differences.
            pair("Entr\xC3\xA9" "es de caisse", euros(m_c.cashIn));
            pair("Sorties de caisse", euros(m_c.cashOut));
            pair("\xC3\x89" "carts de caisse cumul\xC3\xA9s", signedEuros(m_c.difference), Weight::Bold);
            return;
        }
        pair("Fond de caisse", euros(m_c.openingFloat));
        pair("Entr\xC3\xA9" "es de caisse", euros(m_c.cashIn));
        pair("Sorties de caisse", euros(m_c.cashOut));
        pair("Esp\xC3\xA8" "ces attendues", euros(m_c.expectedCash), Weight::Bold);
        if (m_c.counted) {
            m_y += 6;
            need(kRow * 2);
            m_pdf.text(left(), m_y, "Comptage", kBody, Weight::Bold);
            m_y += kRow;
            // value × quantity = subtotal, each in its column so that the eye runs down them (and far
            // enough apart that a text extraction keeps them apart too).
            const std::vector<Column> cols{{left() + 90, Align::Right},
                                           {left() + 116, Align::Left},
                                           {left() + 166, Align::Right},
                                           {left() + 192, Align::Left},
                                           {m_value, Align::Right}};
            for (const auto& [cents, quantity] : m_c.counted->quantities) {
                if (quantity == 0) continue;
                const Money value = Money::cents(cents);
                row(cols, {euros(value), "\xC3\x97", std::to_string(quantity), "=", euros(value * quantity)});
            }
        }
        pair("Esp\xC3\xA8" "ces compt\xC3\xA9" "es", euros(m_c.countedCash), Weight::Bold);
        pair("\xC3\x89" "cart (compt\xC3\xA9 \xE2\x88\x92 attendu)", signedEuros(m_c.difference), Weight::Bold);
        if (!m_c.comment.empty()) {
            const double indent = 110;
            bool first = true;
            for (const auto& line : m_pdf.wrap(m_c.comment, m_pdf.contentWidth() - indent, kBody)) {
                need(kRow);
                if (first) m_pdf.text(left(), m_y, "Commentaire", kBody, Weight::Regular, Align::Left, kGrey);
                m_pdf.text(left() + indent, m_y, line, kBody);
                m_y += kRow;
                first = false;
            }
        }
    }

    void totals() {
        section("Totaux");
        pair("Total de la p\xC3\xA9riode", euros(m_c.periodTotal), Weight::Bold);
        pair("Cumul de l'exercice", euros(m_c.fiscalYearTotal));
        pair("Grand total perp\xC3\xA9tuel", euros(m_c.grandTotal));
    }

    void hash() {
        if (m_c.hash.empty()) return;
        need(kRow + 14);
        m_y += 14;
        m_pdf.text(left(), m_y, "Hash: " + m_c.hash, 8.5, Weight::Regular, Align::Left, kGrey);
        m_y += kRow;
    }

    PdfDocument& m_pdf;
    const ClosingDocument& m_doc;
    const domain::Closing& m_c;
    const domain::BusinessZone m_zone;
    const double m_value;   // the right edge of the amounts
    double m_y = 0;
};

}  // namespace

void writeClosingPdf(const ClosingDocument& doc, const std::filesystem::path& file) {
    const domain::BusinessZone zone(doc.timeZone);
    PdfOptions options;
    options.title = title(doc.closing.period) + " " + receiptNumber(doc.closing.number);
    options.header = doc.closing.businessName;
    options.footer = "Cl\xC3\xB4tur\xC3\xA9 le " + zone.format(doc.closing.closedAt, "%d/%m/%Y %H:%M");
    options.pageWord = "page";
    PdfDocument pdf(options);
    ClosingWriter(pdf, doc).write();
    pdf.save(file.string());
}

}  // namespace narcisse::reports
