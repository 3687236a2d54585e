#include "domain/cash.h"

#include "domain/errors.h"

#include <algorithm>
#include <set>

namespace narcisse::domain {

namespace {
constexpr std::int64_t kMaxQuantity = 100'000;

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// "50", "0.50": the denomination as the count writes it.
std::string euros(std::int64_t cents) {
    if (cents % 100 == 0) return std::to_string(cents / 100);
    return Money::cents(cents).plain();
}

bool isDenomination(std::int64_t cents) {
    const auto& all = denominations();
    return std::find(all.begin(), all.end(), cents) != all.end();
}

// One "value x quantity" item; `item` is quoted in every message.
void parseItem(std::string_view item, const std::string& field, CashCount& count, std::set<std::int64_t>& seen) {
    auto refuse = [&](const std::string& why) {
        return ValidationError(field, "\"" + std::string(item) + "\" — " + why);
    };
    std::size_t times = std::string_view::npos;
    std::size_t timesLength = 1;
    for (std::size_t i = 0; i < item.size(); ++i) {
        if (item[i] == 'x' || item[i] == 'X') {
            times = i;
            break;
        }
        if (item.substr(i).starts_with("×")) {
            times = i;
            timesLength = std::string_view("×").size();
            break;
        }
    }
    if (times == std::string_view::npos) throw refuse("write the value, x and the quantity, e.g. 20x5");
    std::string_view valueText = trimmed(item.substr(0, times));
    if (valueText.ends_with("€")) valueText = trimmed(valueText.substr(0, valueText.size() - std::string_view("€").size()));
    const std::string_view quantityText = trimmed(item.substr(times + timesLength));

    Money value;
    try {
        value = Money::parse(valueText, field);
    } catch (const ValidationError&) {
        throw refuse("the value is not an amount in euros");
    }
    if (!isDenomination(value.cents())) {
        const std::string shown = value.cents() % 100 == 0 ? std::to_string(value.cents() / 100) + " €" : value.display();
        throw refuse(shown + " is not a euro note or coin");
    }
    if (quantityText.empty() || quantityText.size() > 6 ||
        !std::all_of(quantityText.begin(), quantityText.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw refuse("the quantity must be a whole number from 0 to 100000");
    std::int64_t quantity = 0;
    for (char c : quantityText) quantity = quantity * 10 + (c - '0');
    if (quantity > kMaxQuantity) throw refuse("the quantity must be a whole number from 0 to 100000");
    if (!seen.insert(value.cents()).second) throw refuse(euros(value.cents()) + " € is counted twice");
    if (quantity > 0) count.quantities[value.cents()] = static_cast<int>(quantity);
}
}  // namespace

const std::vector<std::int64_t>& denominations() {
    static const std::vector<std::int64_t> all = {50000, 20000, 10000, 5000, 2000, 1000, 500, 200,
                                                  100,   50,    20,    10,   5,    2,    1};
    return all;
}

Money CashCount::total() const {
    std::int64_t cents = 0;
    for (const auto& [value, quantity] : quantities) cents += value * quantity;
    return Money::cents(cents);
}

CashCount CashCount::parse(std::string_view text, const std::string& field) {
    // An item ends after its quantity: a comma before the "x" is a decimal comma ("0,50x3"), one
    // after the quantity separates items.
    CashCount count;
    std::set<std::int64_t> seen;
    std::size_t start = 0;
    bool afterTimes = false;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const bool end = i == text.size();
        const char c = end ? ';' : text[i];
        if (c == 'x' || c == 'X' || text.substr(i).starts_with("×")) afterTimes = true;
        const bool emptySoFar = trimmed(text.substr(start, i - start)).empty();
        if (c == ';' || (c == ',' && (afterTimes || emptySoFar))) {
            const std::string_view item = trimmed(text.substr(start, i - start));
            if (!item.empty()) parseItem(item, field, count, seen);
            else if (!end) throw ValidationError(field, "has an empty item between separators");
            start = i + 1;
            afterTimes = false;
        }
    }
    return count;
}

std::string CashCount::str() const {
    std::string out;
    for (const auto& [value, quantity] : quantities) {
        if (quantity == 0) continue;
        if (!out.empty()) out += ',';
        out += euros(value) + "x" + std::to_string(quantity);
    }
    return out;
}

void CashMovement::validate() const {
    if (amount.cents() == 0) throw ValidationError("amount", "must not be zero");
    if (amount > Money::euros(10'000) || amount < Money::euros(-10'000))
        throw ValidationError("amount", "must be between -10000.00 € and 10000.00 €, got " + amount.display());
    const std::string_view r = trimmed(reason);
    if (r.empty()) throw ValidationError("reason", "is required");
    const auto characters =
        std::count_if(reason.begin(), reason.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; });
    if (characters > 200) throw ValidationError("reason", "must be at most 200 characters");
}

Money expectedCash(Money openingFloat, Money cashTakings, Money cashRefunds, const std::vector<CashMovement>& movements) {
    Money expected = openingFloat + cashTakings - cashRefunds;
    for (const auto& m : movements) expected += m.amount;
    return expected;
}

}  // namespace narcisse::domain
