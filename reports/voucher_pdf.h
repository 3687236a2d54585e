// The gift voucher (bon cadeau) handed to the buyer: an A5 landscape page to print and offer, with
// the recipient, the message, the value or the ride it is for, the expiry and the code as text and
// QR code (what the desk scans to redeem it).
#pragma once

#include "domain/voucher.h"

#include <filesystem>
#include <string>

namespace narcisse::reports {

struct VoucherDocument {
    domain::Voucher voucher;
    std::string businessName;
    std::string address;              // may hold line breaks
    std::string idLine;               // "SIRET … · TVA …"
    std::string timeZone = "Europe/Paris";   // soldAt is printed on the business's calendar
};

// A5 landscape, in points.
constexpr double kVoucherWidth = 595.276;
constexpr double kVoucherHeight = 419.528;
// The QR code's side in points, quiet zone excluded.
constexpr double kVoucherQrSide = 120;

// "2 adultes, 1 enfant, 1 bébé" (zero counts left out).
std::string partyInWords(const domain::Party& party);

// Writes the voucher to `file` through "<file>.part". Throws PdfError or std::runtime_error.
void writeVoucherPdf(const VoucherDocument& doc, const std::filesystem::path& file);

}  // namespace narcisse::reports
