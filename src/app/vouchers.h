// Gift vouchers at the desk: sold for an amount or a ride, printed, redeemed in a sale (see desk.h),
// their balance and history, and their expiry extended.
#pragma once

#include "domain/store.h"

#include <optional>
#include <string>
#include <vector>

namespace narcisse::app {

struct VoucherSaleRequest {
    domain::VoucherKind kind = domain::VoucherKind::Amount;
    domain::Money value;                         // AMOUNT vouchers
    domain::Party party;                         // RIDE vouchers: priced from today's price list
    std::string buyerName;
    std::string recipientName;
    std::string message;
    std::optional<domain::LocalDate> expiresOn;  // empty: one year
    domain::PaymentMethod paidWith = domain::PaymentMethod::Cash;   // CASH or CARD
    domain::Money cashGiven;                     // CASH: handed over; zero: exact
    std::optional<domain::Uuid> employeeId;
};

struct VoucherSaleResult {
    domain::Voucher voucher;
    domain::Receipt receipt;
    domain::Money change;
};

// One transaction: the voucher, its receipt (VAT per the voucher_vat setting) and the event.
// Throws ValidationError naming the field, PermissionDenied.
VoucherSaleResult sellVoucher(domain::Store& store, const domain::Clock& clock, const VoucherSaleRequest& request);

struct VoucherCard {
    domain::Voucher voucher;
    domain::VoucherStatus status;
    std::vector<domain::VoucherMovement> movements;   // by time
    std::vector<std::int64_t> receipts;
    std::string refusal;                              // why it cannot pay now, empty when it can
};
// Throws ValidationError("voucher", …) for a malformed code, NotFound for an unknown one.
VoucherCard loadVoucher(domain::Store& store, const domain::Clock& clock, const std::string& code);

// Redeems `amount` of the voucher on a booking outside a sale (rare: the sale does it through a
// VOUCHER tender). Kept for the CLI: `voucher redeem CODE --amount A --booking REF`.
VoucherCard redeemVoucher(domain::Store& store, const domain::Clock& clock, const std::string& code,
                          domain::Money amount, const domain::PublicRef& booking, std::optional<domain::Uuid> employeeId);

// Moves the expiry later (needs the ExtendVoucher permission); a date not after the current expiry
// is refused with the date it must exceed.
VoucherCard extendVoucher(domain::Store& store, const domain::Clock& clock, const std::string& code,
                          domain::LocalDate newExpiry, std::optional<domain::Uuid> employeeId);

}  // namespace narcisse::app
