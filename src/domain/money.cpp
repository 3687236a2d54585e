#include "domain/money.h"

#include "domain/errors.h"

#include <cstdlib>

namespace narcisse::domain {

namespace {
void requireSameCurrency(const Money& a, const Money& b) {
    if (a.currency() != b.currency())
        throw ConflictError("cannot combine amounts in " + a.currency() + " and " + b.currency());
}
}  // namespace

Money Money::parse(std::string_view text, const std::string& field, std::string_view currency) {
    std::string_view t = text;
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    if (t.empty()) throw ValidationError(field, "an amount is required");
    bool negative = false;
    if (t.front() == '-') {
        negative = true;
        t.remove_prefix(1);
    }
    std::int64_t units = 0;
    std::int64_t fraction = 0;
    int fractionDigits = -1;
    bool anyDigit = false;
    for (char c : t) {
        if (c == '.' || c == ',') {
            if (fractionDigits >= 0) throw ValidationError(field, "has more than one decimal separator");
            fractionDigits = 0;
        } else if (c >= '0' && c <= '9') {
            anyDigit = true;
            if (fractionDigits >= 0) {
                if (++fractionDigits > 2) throw ValidationError(field, "has more than two decimals");
                fraction = fraction * 10 + (c - '0');
            } else {
                if (units > 1'000'000'000'000LL) throw ValidationError(field, "is too large");
                units = units * 10 + (c - '0');
            }
        } else {
            throw ValidationError(field, "must be an amount like 12.50");
        }
    }
    if (!anyDigit) throw ValidationError(field, "must be an amount like 12.50");
    if (fractionDigits == 1) fraction *= 10;
    std::int64_t c = units * 100 + fraction;
    return Money(negative ? -c : c, currency);
}

Money Money::operator+(const Money& o) const {
    requireSameCurrency(*this, o);
    return Money(m_cents + o.m_cents, currency());
}

Money Money::operator-(const Money& o) const {
    requireSameCurrency(*this, o);
    return Money(m_cents - o.m_cents, currency());
}

std::strong_ordering Money::operator<=>(const Money& o) const {
    requireSameCurrency(*this, o);
    return m_cents <=> o.m_cents;
}

Money Money::vatIncluded(int rateBasisPoints) const {
    // vat = amount × rate / (1 + rate) = amount × bp / (10000 + bp), rounded half up.
    const std::int64_t num = std::llabs(m_cents) * rateBasisPoints;
    const std::int64_t den = 10000 + rateBasisPoints;
    std::int64_t vat = (2 * num + den) / (2 * den);
    return Money(m_cents < 0 ? -vat : vat, currency());
}

std::string Money::format(char decimalSeparator, std::string_view thousandsSeparator) const {
    const std::int64_t abs = std::llabs(m_cents);
    std::string units = std::to_string(abs / 100);
    std::string grouped;
    if (!thousandsSeparator.empty()) {
        const int n = static_cast<int>(units.size());
        for (int i = 0; i < n; ++i) {
            if (i > 0 && (n - i) % 3 == 0) grouped += thousandsSeparator;
            grouped += units[i];
        }
    } else {
        grouped = units;
    }
    const int frac = static_cast<int>(abs % 100);
    std::string out = m_cents < 0 ? "-" : "";
    out += grouped;
    out += decimalSeparator;
    out += static_cast<char>('0' + frac / 10);
    out += static_cast<char>('0' + frac % 10);
    return out;
}

std::string Money::plain() const { return format('.'); }

std::string Money::display(char decimalSeparator) const {
    const std::string cur = currency();
    return format(decimalSeparator) + (cur == "EUR" ? " €" : " " + cur);
}

}  // namespace narcisse::domain
