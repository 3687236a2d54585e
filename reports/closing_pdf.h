// The Z report: a daily, monthly or annual closing as printed and filed (reference/ACCOUNTING-FR.md
// "Daily closing (Z report) content") — receipts covered, totals by payment method and VAT rate,
// cancellations and refunds, the cash drawer and its count, the running totals and the hash.
#pragma once

#include "domain/fiscal.h"

#include <filesystem>
#include <string>

namespace narcisse::reports {

struct ClosingDocument {
    domain::Closing closing;          // its businessName heads every page
    std::string address;              // may hold line breaks
    std::string idLine;               // "SIRET … · TVA …"
    std::string timeZone = "Europe/Paris";   // times are printed on the business's wall clock
};

// Writes the report (A4, "page N / M") to `file` through "<file>.part". Throws PdfError or
// std::runtime_error.
void writeClosingPdf(const ClosingDocument& doc, const std::filesystem::path& file);

}  // namespace narcisse::reports
