#include "domain/public_ref.h"

#include "domain/errors.h"

#include <random>

namespace narcisse::domain {

namespace {
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford base 32
constexpr int kDataLength = 7;

int valueOf(char c) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    const auto pos = kAlphabet.find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}
}  // namespace

char PublicRef::checkCharacter(std::string_view data) {
    // Luhn mod N (N = 32): catches every single-character error and most adjacent swaps.
    constexpr int n = 32;
    int factor = 2;
    int sum = 0;
    for (auto it = data.rbegin(); it != data.rend(); ++it) {
        int addend = factor * valueOf(*it);
        factor = factor == 2 ? 1 : 2;
        addend = addend / n + addend % n;
        sum += addend;
    }
    const int check = (n - sum % n) % n;
    return kAlphabet[check];
}

PublicRef PublicRef::fromNumber(std::uint64_t value) { return PublicRef("SN-" + crockford::withCheck(value)); }

PublicRef PublicRef::random() {
    thread_local std::mt19937_64 engine{std::random_device{}()};
    return fromNumber(engine());
}

PublicRef PublicRef::parse(std::string_view text) {
    std::string chars = crockford::withoutSeparators(text);
    if (chars.size() >= 2 && (chars[0] == 'S' || chars[0] == 's') && (chars[1] == 'N' || chars[1] == 'n') &&
        chars.size() == kDataLength + 3)
        chars.erase(0, 2);
    if (chars.empty()) throw ValidationError("reference", "is empty");
    if (chars.size() != kDataLength + 1)
        throw ValidationError("reference", "must be SN- followed by 8 characters, got \"" + std::string(text) + "\"");
    return PublicRef("SN-" + crockford::checkedCode(chars, "reference", "reference", text));
}

std::optional<PublicRef> PublicRef::tryParse(std::string_view text) {
    try {
        return parse(text);
    } catch (const ValidationError&) {
        return std::nullopt;
    }
}

namespace crockford {

std::string withCheck(std::uint64_t value) {
    std::string data(kDataLength, '0');
    for (int i = kDataLength - 1; i >= 0; --i) {
        data[i] = kAlphabet[value & 31];
        value >>= 5;
    }
    return data + PublicRef::checkCharacter(data);
}

std::string withoutSeparators(std::string_view text) {
    std::string chars;
    for (char c : text) {
        if (c == ' ' || c == '-') continue;
        chars += c;
    }
    return chars;
}

std::string checkedCode(std::string_view chars, const std::string& field, std::string_view noun, std::string_view typed) {
    std::string normalised;
    for (char c : chars) {
        const int v = valueOf(c);
        if (v < 0)
            throw ValidationError(field, "has a character that is not in a " + std::string(noun) + ": '" + c + "'");
        normalised += kAlphabet[v];
    }
    const std::string data = normalised.substr(0, kDataLength);
    if (PublicRef::checkCharacter(data) != normalised.back())
        throw ValidationError(field, "check character does not match: a character was mistyped in \"" +
                                         std::string(typed) + "\"");
    return normalised;
}

}  // namespace crockford

}  // namespace narcisse::domain
