// What the accountant's three PDF reports share (internal to reports/): French month names, the
// first page's heading, sections, and tables whose column headers come back on every page they run
// onto, so that a loose page still says what its figures are.
#pragma once

#include "reports/accounting_pdfs.h"
#include "reports/pdf_document.h"

#include <optional>
#include <string>
#include <vector>

namespace narcisse::reports::accounting {

std::string monthName(int year, unsigned month);   // "juillet 2026"
std::string capitalised(std::string s);            // "Juillet 2026" (month names start in ASCII)
std::string rateLabel(int basisPoints);            // "10 %", "Hors champ TVA" for 0
std::string amount(domain::Money m);               // "1 234,50" (a table whose header says €)
std::string signedAmount(domain::Money m);         // "+2,00", "-0,17", "0,00"
std::string grouped(long long n);                  // "12 345"

// A4 with the business name and the report's title on every page, "page N / M" below.
PdfOptions pdfOptions(const ReportHeader& header, const std::string& title);

struct Column {
    std::string header;
    double x = 0;              // left edge for Align::Left, right edge for Align::Right
    Align align = Align::Left;
    double maxWidth = 0;       // a text column cut with "…" beyond this; 0: never cut
};

class ReportWriter {
public:
    static constexpr double kRow = 13.5;

    ReportWriter(PdfDocument& pdf, double bodySize = 10);

    // The first page: the address line under the header, then the title in large type.
    void begin(const ReportHeader& header, const std::string& title);

    // A heading with a rule, kept on the page with at least `keep` points of what follows.
    void section(const std::string& name, double keep = kRow * 4);
    // A section whose table header row is drawn now and again on each page the table runs onto
    // (the section's name then followed by "(suite)"), until endTable().
    void beginTable(const std::string& name, std::vector<Column> columns, double keep = kRow * 4);
    void endTable() { m_inTable = false; }

    // One line of cells in the current table's columns (or in `columns`).
    void row(const std::vector<std::string>& cells, Weight weight = Weight::Regular,
             std::optional<Colour> shade = std::nullopt);
    // "label ........ value" with the value's right edge at `valueX`; the count, when given, in a
    // column of its own before it.
    void pair(const std::string& label, const std::string& value, Weight weight = Weight::Regular,
              const std::string& count = {});
    // A small grey line (a hash, a comment) at `x`, cut to the right margin.
    void note(double x, const std::string& text, double size = 7.5, double height = 10);

    // A new page when `height` does not fit on this one (the table's header repeated).
    void need(double height);
    void gap(double height) { m_y += height; }

    PdfDocument& pdf() { return m_pdf; }
    double left() const { return m_pdf.left(); }
    double right() const { return m_pdf.right(); }
    double y() const { return m_y; }
    double body() const { return m_body; }
    double valueX() const { return left() + 330; }
    double countX() const { return left() + 230; }

    static const Colour kGrey;
    static const Colour kShade;
    static const Colour kZebra;

private:
    struct Table {
        std::string name;
        std::vector<Column> columns;
    };
    void heading(const std::string& name);
    void headerRow();

    PdfDocument& m_pdf;
    double m_body;
    double m_y = 0;
    // Not an optional: GCC 12 then warns of an uninitialised vector (a false positive, but -Werror).
    Table m_table;
    bool m_inTable = false;
};

// Taux, Base HT, TVA, TTC, one row per rate, then a total row (`total`, or the rows' sum).
void vatTable(ReportWriter& w, const std::string& name, const std::vector<domain::VatTotal>& rates,
              const std::string& totalLabel = "Total", const std::optional<domain::VatTotal>& total = std::nullopt);
// Moyen, Nombre, Montant, one row per method, then their total.
void methodTable(ReportWriter& w, const std::string& name, const std::vector<domain::MethodTotal>& methods);

}  // namespace narcisse::reports::accounting
