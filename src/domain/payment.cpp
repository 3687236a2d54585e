#include "domain/payment.h"

namespace narcisse::domain {

namespace {
template <typename E, std::size_t N>
std::optional<E> parseFrom(std::string_view s, const E (&values)[N]) {
    for (E v : values)
        if (toString(v) == s) return v;
    return std::nullopt;
}
}  // namespace

std::string_view toString(PaymentMethod m) {
    switch (m) {
        case PaymentMethod::Cash: return "CASH";
        case PaymentMethod::Card: return "CARD";
        case PaymentMethod::Voucher: return "VOUCHER";
        case PaymentMethod::Stripe: return "STRIPE";
        case PaymentMethod::PayPal: return "PAYPAL";
    }
    return "CASH";
}

std::optional<PaymentMethod> parsePaymentMethod(std::string_view s) {
    static constexpr PaymentMethod all[] = {PaymentMethod::Cash, PaymentMethod::Card, PaymentMethod::Voucher,
                                            PaymentMethod::Stripe, PaymentMethod::PayPal};
    return parseFrom(s, all);
}

std::string_view toString(PaymentStatus s) {
    switch (s) {
        case PaymentStatus::Pending: return "PENDING";
        case PaymentStatus::Succeeded: return "SUCCEEDED";
        case PaymentStatus::Failed: return "FAILED";
    }
    return "PENDING";
}

std::optional<PaymentStatus> parsePaymentStatus(std::string_view s) {
    static constexpr PaymentStatus all[] = {PaymentStatus::Pending, PaymentStatus::Succeeded, PaymentStatus::Failed};
    return parseFrom(s, all);
}

std::string_view toString(RefundStatus s) { return s == RefundStatus::Owed ? "OWED" : "DONE"; }

std::optional<RefundStatus> parseRefundStatus(std::string_view s) {
    static constexpr RefundStatus all[] = {RefundStatus::Owed, RefundStatus::Done};
    return parseFrom(s, all);
}

}  // namespace narcisse::domain
