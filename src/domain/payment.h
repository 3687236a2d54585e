// Payment and refund records, and the audit trail. The payment providers are not called yet.
#pragma once

#include "domain/money.h"
#include "domain/time.h"
#include "domain/uuid.h"

#include <optional>
#include <string>
#include <string_view>

namespace narcisse::domain {

enum class PaymentMethod { Cash, Card, Voucher, Stripe, PayPal };
std::string_view toString(PaymentMethod m);              // CASH, CARD, VOUCHER, STRIPE, PAYPAL
std::optional<PaymentMethod> parsePaymentMethod(std::string_view s);

enum class PaymentStatus { Pending, Succeeded, Failed };
std::string_view toString(PaymentStatus s);
std::optional<PaymentStatus> parsePaymentStatus(std::string_view s);

struct Payment {
    Uuid id;
    Uuid bookingId;
    PaymentMethod method = PaymentMethod::Cash;
    Money amount;
    PaymentStatus status = PaymentStatus::Succeeded;
    std::string providerRef;          // provider's id, empty for the desk
    Instant createdAt;
};

enum class RefundStatus { Owed, Done };
std::string_view toString(RefundStatus s);
std::optional<RefundStatus> parseRefundStatus(std::string_view s);

struct Refund {
    Uuid id;
    Uuid paymentId;
    Uuid bookingId;
    Money amount;
    RefundStatus status = RefundStatus::Owed;
    std::string reason;
    Instant createdAt;
    // How the money goes back: CASH out of the drawer, CARD on the terminal, VOUCHER as credit;
    // empty for an OWED refund (online payments: the provider's work, later).
    std::optional<PaymentMethod> method{};
    std::optional<Uuid> employeeId{};
};

// Who did what, when: appended, never edited.
struct AuditEntry {
    Uuid id;
    Instant at;
    std::optional<Uuid> employeeId;
    std::string action;               // "booking.sell", "booking.move", …
    std::string entity;               // "booking"
    std::string entityId;
    std::string details;              // human-readable, e.g. "SN-… 2A on Ill at 2026-07-14 10:00"
};

}  // namespace narcisse::domain
