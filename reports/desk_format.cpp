#include "reports/desk_format.h"

#include <cstdio>

namespace narcisse::reports {

std::string euros(domain::Money m) { return m.format(',', " ") + " \xE2\x82\xAC"; }

std::string signedEuros(domain::Money m) { return (m.cents() > 0 ? "+" : "") + euros(m); }

std::string frenchDate(domain::LocalDate d) {
    char text[16];
    std::snprintf(text, sizeof text, "%02u/%02u/%04d", static_cast<unsigned>(d.day()), static_cast<unsigned>(d.month()),
                  static_cast<int>(d.year()));
    return text;
}

std::string vatRate(int basisPoints) {
    std::string s = std::to_string(basisPoints / 100);
    int fraction = basisPoints % 100;
    if (fraction != 0) {
        s += ',';
        s += static_cast<char>('0' + fraction / 10);
        if (fraction % 10 != 0) s += static_cast<char>('0' + fraction % 10);
    }
    return s + " %";
}

std::string methodLabel(domain::PaymentMethod m) {
    switch (m) {
    case domain::PaymentMethod::Cash: return "Esp\xC3\xA8" "ces";
    case domain::PaymentMethod::Card: return "Carte";
    case domain::PaymentMethod::Voucher: return "Bon cadeau";
    case domain::PaymentMethod::Stripe: return "En ligne (Stripe)";
    case domain::PaymentMethod::PayPal: return "En ligne (PayPal)";
    }
    return "?";
}

std::string receiptNumber(std::int64_t n) {
    char text[32];
    std::snprintf(text, sizeof text, "N\xC2\xB0 %06lld", static_cast<long long>(n));
    return text;
}

}  // namespace narcisse::reports
