// Gift vouchers (bons cadeaux): their code, what is left on them, and why one cannot pay.
// A voucher row is never edited; redemptions, credits and expiry extensions are movements.
#pragma once

#include "domain/booking.h"
#include "domain/money.h"
#include "domain/payment.h"
#include "domain/time.h"
#include "domain/uuid.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace narcisse::domain {

// "SN-GIFT-" + 7 Crockford base-32 characters + 1 check character (the same Luhn mod 32 as a
// booking's PublicRef), printed on the voucher and carried by its QR code.
class GiftCode {
public:
    static GiftCode fromNumber(std::uint64_t value);   // low 35 bits
    static GiftCode random();
    // Accepts what a person or a scanner types: any case, with or without "SN-GIFT-", O for 0, I and L
    // for 1, spaces and hyphens inside. Throws ValidationError("voucher", …) naming what is wrong.
    static GiftCode parse(std::string_view text);
    static std::optional<GiftCode> tryParse(std::string_view text);
    const std::string& str() const { return m_text; }   // "SN-GIFT-XXXXXXXC"
    bool operator==(const GiftCode&) const = default;

private:
    explicit GiftCode(std::string text) : m_text(std::move(text)) {}
    std::string m_text;
};

enum class VoucherKind { Amount, Ride };                  // AMOUNT: a value; RIDE: a party's ride
std::string_view toString(VoucherKind k);
std::optional<VoucherKind> parseVoucherKind(std::string_view s);

// Single-purpose (rides only): VAT due when sold, redemption not taxed. Multi-purpose: no VAT when
// sold, VAT when redeemed (reference/ACCOUNTING-FR.md). A setting; each voucher keeps the one it was
// sold under.
enum class VoucherVat { SinglePurpose, MultiPurpose };
std::string_view toString(VoucherVat v);                  // SINGLE, MULTI
std::optional<VoucherVat> parseVoucherVat(std::string_view s);

struct Voucher {
    Uuid id;
    GiftCode code = GiftCode::fromNumber(0);
    VoucherKind kind = VoucherKind::Amount;
    Money value;                        // face value; for a RIDE voucher the party's price when sold
    Party party;                        // RIDE vouchers: the ride it is for ("2A 1C")
    std::string buyerName;
    std::string recipientName;
    std::string message;
    LocalDate expiresOn;                // as sold; extensions are movements
    Instant soldAt;
    // How the buyer paid; empty for a voucher issued as a refund credit (no money came in).
    std::optional<PaymentMethod> paidWith;
    VoucherVat vat = VoucherVat::SinglePurpose;
    int vatRateBasisPoints = 1000;
    std::optional<Uuid> employeeId;

    // Names the field and the rule: value 1–1,000 €, recipient ≤ 80 chars, message ≤ 300, expiry after sale.
    void validate(LocalDate soldOn) const;
};

enum class VoucherMovementKind { Redeem, Credit, Extend };   // REDEEM, CREDIT, EXTEND
std::string_view toString(VoucherMovementKind k);
std::optional<VoucherMovementKind> parseVoucherMovementKind(std::string_view s);

struct VoucherMovement {
    Uuid id;
    Uuid voucherId;
    Instant at;
    VoucherMovementKind kind = VoucherMovementKind::Redeem;
    Money amount;                          // REDEEM: taken off; CREDIT: given back; EXTEND: zero
    std::optional<Uuid> bookingId;         // REDEEM / CREDIT: the booking paid or refunded
    std::optional<LocalDate> newExpiry;    // EXTEND only
    std::optional<Uuid> employeeId;
    std::string note;
};

struct VoucherStatus {
    Money balance;              // value − redeemed + credited
    Money redeemed;             // sum of REDEEM
    LocalDate expiresOn;        // the latest EXTEND, else as sold
    bool expired = false;       // today is after expiresOn
    bool used = false;          // nothing left on it
};

// `movements` in any order.
VoucherStatus voucherStatus(const Voucher& v, const std::vector<VoucherMovement>& movements, LocalDate today);

// Why this voucher cannot pay `amount` today ("expired on 2026-07-01", "already used", "only 12.00 € left"),
// or nothing when it can.
std::optional<std::string> redemptionRefusal(const Voucher& v, const VoucherStatus& s, Money amount);

// The default expiry of a voucher sold on `soldOn`: one year later (29 February → 28 February).
LocalDate defaultVoucherExpiry(LocalDate soldOn);

}  // namespace narcisse::domain
