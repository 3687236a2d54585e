// The VAT of a period as the accountant copies it into the return: each month by rate, then the
// period by rate, then the three figures that matter.
#include "reports/accounting_pdfs.h"
#include "reports/accounting_pdfs_layout.h"
#include "reports/desk_format.h"

namespace narcisse::reports {

void writeVatSummaryPdf(const VatSummary& report, const std::filesystem::path& file) {
    using namespace accounting;
    const std::string period = "du " + frenchDate(report.from) + " au " + frenchDate(report.to);
    const std::string title = "R\xC3\xA9" "capitulatif de TVA " + period;
    // The page header's title short enough to leave the business's name whole.
    PdfDocument pdf(pdfOptions(report.header, "TVA " + period));
    ReportWriter w(pdf);
    w.begin(report.header, title);
    for (const auto& month : report.months)
        vatTable(w, capitalised(monthName(month.year, month.month)), month.byRate);
    vatTable(w, "P\xC3\xA9riode " + period, report.byRate, "Total",
             domain::VatTotal{0, report.base, report.vat, report.total});
    w.section("Totaux de la p\xC3\xA9riode", ReportWriter::kRow * 3);
    w.pair("Base HT", euros(report.base));
    w.pair("TVA collect\xC3\xA9" "e", euros(report.vat), Weight::Bold);
    w.pair("Total TTC", euros(report.total));
    pdf.save(file.string());
}

}  // namespace narcisse::reports
