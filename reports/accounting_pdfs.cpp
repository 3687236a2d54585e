// The layout the accountant's reports share: plain tables in the manner of the Z report, amounts
// right-aligned in their columns so that they add up by eye, every total on a bold row.
#include "reports/accounting_pdfs_layout.h"

#include "reports/desk_format.h"

#include <array>

namespace narcisse::reports::accounting {

using domain::Money;

const Colour ReportWriter::kGrey = Colour::grey(0.4f);
const Colour ReportWriter::kShade = Colour::grey(0.9f);
const Colour ReportWriter::kZebra = Colour::grey(0.96f);

std::string monthName(int year, unsigned month) {
    static const std::array<const char*, 12> names{
        "janvier", "f\xC3\xA9vrier", "mars",      "avril",   "mai",      "juin",
        "juillet", "ao\xC3\xBBt",    "septembre", "octobre", "novembre", "d\xC3\xA9" "cembre"};
    const std::string name = month >= 1 && month <= 12 ? names[month - 1] : "?";
    return name + " " + std::to_string(year);
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string rateLabel(int basisPoints) { return basisPoints == 0 ? "Hors champ TVA" : vatRate(basisPoints); }

std::string amount(Money m) { return m.format(',', " "); }

std::string signedAmount(Money m) { return (m.cents() > 0 ? "+" : "") + amount(m); }

std::string grouped(long long n) {
    const std::string s = Money::cents(n * 100).format(',', " ");
    return s.substr(0, s.size() - 3);   // without ",00"
}

PdfOptions pdfOptions(const ReportHeader& header, const std::string& title) {
    PdfOptions options;
    options.title = title;
    options.header = header.businessName;
    options.pageWord = "page";
    return options;
}

ReportWriter::ReportWriter(PdfDocument& pdf, double bodySize) : m_pdf(pdf), m_body(bodySize) {}

void ReportWriter::begin(const ReportHeader& header, const std::string& title) {
    m_pdf.newPage();
    m_y = m_pdf.contentTop() + 4;
    std::string line;
    for (char c : header.address) line += c == '\n' ? std::string(", ") : std::string(1, c);
    if (!header.idLine.empty()) line += (line.empty() ? "" : " \xC2\xB7 ") + header.idLine;
    if (!line.empty()) {
        m_y += 4;
        m_pdf.fittedText(left(), m_y, line, m_pdf.contentWidth(), 8.5, Weight::Regular, Align::Left, kGrey);
        m_y += 8;
    }
    m_y += 22;
    m_pdf.fittedText(left(), m_y, title, m_pdf.contentWidth(), 18, Weight::Bold);
    m_y += 12;
}

void ReportWriter::need(double height) {
    if (m_y + height <= m_pdf.contentBottom()) return;
    m_pdf.newPage();
    m_y = m_pdf.contentTop() + 4;
    if (m_inTable) {
        heading(m_table.name + " (suite)");
        headerRow();
    }
}

void ReportWriter::heading(const std::string& name) {
    m_y += 11;
    m_pdf.fittedText(left(), m_y, name, m_pdf.contentWidth(), 12, Weight::Bold);
    m_pdf.line(left(), m_y + 4, right(), m_y + 4, 0.75);
    m_y += kRow + 2;
}

void ReportWriter::section(const std::string& name, double keep) {
    m_inTable = false;
    need(keep + kRow + 13);
    heading(name);
}

void ReportWriter::beginTable(const std::string& name, std::vector<Column> columns, double keep) {
    section(name, keep + kRow);
    m_table = Table{name, std::move(columns)};
    m_inTable = true;
    headerRow();
}

void ReportWriter::headerRow() {
    std::vector<std::string> headers;
    for (const auto& c : m_table.columns) headers.push_back(c.header);
    row(headers, Weight::Bold, kShade);
}

void ReportWriter::row(const std::vector<std::string>& cells, Weight weight, std::optional<Colour> shade) {
    need(kRow);
    if (shade) m_pdf.fillRect(left() - 4, m_y - 10, m_pdf.contentWidth() + 8, kRow, *shade);
    if (m_inTable) {
        const auto& columns = m_table.columns;
        for (std::size_t i = 0; i < columns.size() && i < cells.size(); ++i) {
            const Column& c = columns[i];
            if (c.maxWidth > 0)
                m_pdf.fittedText(c.x, m_y, cells[i], c.maxWidth, m_body, weight, c.align);
            else
                m_pdf.text(c.x, m_y, cells[i], m_body, weight, c.align);
        }
    }
    m_y += kRow;
}

void ReportWriter::pair(const std::string& label, const std::string& value, Weight weight, const std::string& count) {
    need(kRow);
    const double room = (count.empty() ? valueX() - m_pdf.measure(value, m_body, weight)
                                       : countX() - m_pdf.measure(count, m_body, weight)) -
                        left() - 12;
    m_pdf.fittedText(left(), m_y, label, room, m_body, weight);
    if (!count.empty()) m_pdf.text(countX(), m_y, count, m_body, weight, Align::Right);
    m_pdf.text(valueX(), m_y, value, m_body, weight, Align::Right);
    m_y += kRow;
}

void ReportWriter::note(double x, const std::string& text, double size, double height) {
    m_pdf.fittedText(x, m_y - 3, text, right() - x, size, Weight::Regular, Align::Left, kGrey);
    m_y += height;
}

void vatTable(ReportWriter& w, const std::string& name, const std::vector<domain::VatTotal>& rates,
              const std::string& totalLabel, const std::optional<domain::VatTotal>& total) {
    const double r = w.right();
    // The whole table on one page when it can be: a rate's line away from its total misleads.
    w.beginTable(name,
                 {{"Taux", w.left(), Align::Left, 0},
                  {"Base HT", r - 240, Align::Right, 0},
                  {"TVA", r - 120, Align::Right, 0},
                  {"TTC", r, Align::Right, 0}},
                 ReportWriter::kRow * static_cast<double>(rates.size() + 1));
    domain::VatTotal sum{0, Money::zero(), Money::zero(), Money::zero()};
    for (const auto& v : rates) {
        w.row({rateLabel(v.rateBasisPoints), euros(v.base), euros(v.vat), euros(v.total)});
        sum.base += v.base;
        sum.vat += v.vat;
        sum.total += v.total;
    }
    if (rates.empty()) w.row({"Aucune vente"});
    const domain::VatTotal& t = total ? *total : sum;
    w.row({totalLabel, euros(t.base), euros(t.vat), euros(t.total)}, Weight::Bold);
    w.endTable();
}

void methodTable(ReportWriter& w, const std::string& name, const std::vector<domain::MethodTotal>& methods) {
    w.beginTable(name,
                 {{"Moyen", w.left(), Align::Left, 0},
                  {"Nombre", w.countX(), Align::Right, 0},
                  {"Montant", w.valueX(), Align::Right, 0}},
                 ReportWriter::kRow * static_cast<double>(methods.size() + 1));
    Money total = Money::zero();
    int count = 0;
    for (const auto& m : methods) {
        w.row({methodLabel(m.method), grouped(m.count), euros(m.amount)});
        total += m.amount;
        count += m.count;
    }
    if (methods.empty()) w.row({"Aucun encaissement"});
    w.row({"Total", grouped(count), euros(total)}, Weight::Bold);
    w.endTable();
}

}  // namespace narcisse::reports::accounting
