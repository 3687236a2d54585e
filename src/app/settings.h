// Business settings stored in the database (settings table), with their defaults in one place.
#pragma once

#include "domain/availability.h"
#include "domain/store.h"

namespace narcisse::app {

namespace setting_keys {
inline constexpr const char* kTimeZone = "time_zone";
inline constexpr const char* kBabiesTakeSeat = "babies_take_seat";
inline constexpr const char* kPendingExpiryMinutes = "pending_expiry_minutes";
inline constexpr const char* kDemo = "demo";                 // "1" on a demo database
inline constexpr const char* kBusinessName = "business_name";
// The desk: the receipt header, the register's id, how gift vouchers bear VAT.
inline constexpr const char* kBusinessAddress = "business_address";        // default: "Colmar"
inline constexpr const char* kBusinessSiret = "business_siret";            // printed on receipts
// The accounting: the SIREN names the FEC file (else the first 9 digits of the SIRET).
inline constexpr const char* kBusinessSiren = "business_siren";
inline constexpr const char* kBusinessVatNumber = "business_vat_number";
inline constexpr const char* kDeskId = "desk_id";                          // default: "DESK-1"
inline constexpr const char* kVoucherVat = "voucher_vat";                  // SINGLE (default) | MULTI
}  // namespace setting_keys

domain::BusinessSettings loadBusinessSettings(domain::StoreReader& reader);

// What heads a receipt, a voucher or a Z report (business_name, business_address, business_siret,
// business_vat_number) and the zone its times are printed in.
struct BusinessHeader {
    std::string name;
    std::string address;
    std::string idLine;       // "SIRET … · TVA …", empty when neither is set
    std::string timeZone;
};
BusinessHeader businessHeader(domain::StoreReader& reader);
BusinessHeader businessHeader(domain::Store& store);

}  // namespace narcisse::app
