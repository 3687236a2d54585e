// The receipt (ticket) given at the desk, on an 80 mm roll: the business, what was sold or given
// back, VAT by rate, how it was paid, the public reference as text and QR code (what the boarding
// scanner reads), the receipt's number and its chain hash. A reprint says DUPLICATA with its count.
#pragma once

#include "domain/fiscal.h"

#include <filesystem>
#include <string>

namespace narcisse::reports {

struct ReceiptDocument {
    domain::Receipt receipt;
    int reprint = 0;                  // 0: the original; n > 0: the n-th reprint ("DUPLICATA n")
    std::string businessName;
    std::string address;              // may hold line breaks
    std::string idLine;               // "SIRET 123 456 789 00012 · TVA FR12 123456789"
    std::string timeZone = "Europe/Paris";   // issuedAt is printed on the business's wall clock
};

// The roll's width (80 mm) in points; the height is cut to what the receipt prints.
constexpr double kReceiptWidth = 226.77;
// The QR code's side in points, quiet zone excluded.
constexpr double kReceiptQrSide = 96;

// Writes the receipt to `file` through "<file>.part". Throws PdfError or std::runtime_error.
void writeReceiptPdf(const ReceiptDocument& doc, const std::filesystem::path& file);

}  // namespace narcisse::reports
