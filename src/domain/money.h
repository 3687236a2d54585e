// Money: an integer number of cents and its currency. No floating point ever touches an amount.
#pragma once

#include <compare>
#include <cstdint>
#include <string>

namespace narcisse::domain {

class Money {
public:
    constexpr Money() = default;
    static constexpr Money cents(std::int64_t c, std::string_view currency = "EUR") { return Money(c, currency); }
    static constexpr Money euros(std::int64_t e) { return Money(e * 100, "EUR"); }
    static Money zero(std::string_view currency = "EUR") { return Money(0, currency); }
    // Parses "12", "12.5", "12,50", "-3.05" (at most two decimals). Throws ValidationError(field).
    static Money parse(std::string_view text, const std::string& field, std::string_view currency = "EUR");

    constexpr std::int64_t cents() const { return m_cents; }
    std::string currency() const { return std::string(m_currency, 3); }

    Money operator+(const Money& o) const;
    Money operator-(const Money& o) const;
    Money operator-() const { return Money(-m_cents, currency()); }
    Money operator*(std::int64_t factor) const { return Money(m_cents * factor, currency()); }
    Money& operator+=(const Money& o) { return *this = *this + o; }
    Money& operator-=(const Money& o) { return *this = *this - o; }
    bool operator==(const Money& o) const = default;
    std::strong_ordering operator<=>(const Money& o) const;

    // The VAT contained in this tax-inclusive amount at `rateBasisPoints` (1000 = 10 %),
    // rounded half up to the cent (away from zero for negative amounts).
    Money vatIncluded(int rateBasisPoints) const;

    // "1234.50" — for files and the database.
    std::string plain() const;
    // "1 234,50" style: decimal and thousands separators chosen by the caller (the UI's locale).
    std::string format(char decimalSeparator, std::string_view thousandsSeparator = "") const;
    // "12.50 €" / "12,50 €" for messages and the CLI.
    std::string display(char decimalSeparator = '.') const;

private:
    constexpr Money(std::int64_t c, std::string_view currency) : m_cents(c) {
        for (int i = 0; i < 3; ++i) m_currency[i] = i < static_cast<int>(currency.size()) ? currency[i] : ' ';
    }
    std::int64_t m_cents = 0;
    char m_currency[3] = {'E', 'U', 'R'};
};

}  // namespace narcisse::domain
