// Cancelling and refunding: counter-entries only. A paid booking's cancellation refunds each payment
// by its method (cash out of the drawer, card on the terminal, voucher credit, online: owed) unless the
// operator picks one method; a partial refund leaves the booking as it is.
#pragma once

#include "domain/store.h"

#include <optional>
#include <string>
#include <vector>

namespace narcisse::app {

enum class RefundChoice { Original, Cash, Card, Voucher, Owed };
std::optional<RefundChoice> parseRefundChoice(std::string_view s);   // original|cash|card|voucher|owed

struct CancelRequest {
    domain::PublicRef ref = domain::PublicRef::fromNumber(0);
    RefundChoice refund = RefundChoice::Original;
    std::string reason;                                  // required (1–200 characters)
    std::optional<domain::Uuid> employeeId;
};

struct CancelResult {
    domain::Booking booking;                             // CANCELLED
    std::vector<domain::Refund> refunds;
    std::optional<domain::Receipt> receipt;              // the cancellation ticket when money went back
    std::optional<domain::Voucher> creditVoucher;        // a new voucher when refunded as credit
};

// PENDING or CONFIRMED → CANCELLED and everything paid refunded, one transaction. Throws
// PermissionDenied (cancel, or refund when money was paid), ConflictError (state, departure left),
// ValidationError("reason", …).
CancelResult cancelBooking(domain::Store& store, const domain::Clock& clock, const CancelRequest& request);

struct RefundRequest {
    domain::PublicRef ref = domain::PublicRef::fromNumber(0);
    domain::Money amount;                                // ≤ what is left paid
    RefundChoice method = RefundChoice::Original;        // Original: the method of the largest payment
    std::string reason;
    std::optional<domain::Uuid> employeeId;
};

// A partial (or full) refund without cancelling. Throws ValidationError("amount", …) above what is
// left to refund, PermissionDenied.
CancelResult refundBooking(domain::Store& store, const domain::Clock& clock, const RefundRequest& request);

}  // namespace narcisse::app
