// The short public reference of a booking: "SN-" + 7 Crockford base-32 characters + 1 check
// character, printed on tickets and carried by their QR code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace narcisse::domain {

class PublicRef {
public:
    // Builds the reference of a 35-bit number (only the low 35 bits are used).
    static PublicRef fromNumber(std::uint64_t value);
    static PublicRef random();
    // Accepts what a person or a scanner types: any case, with or without "SN-", O for 0,
    // I and L for 1, spaces and hyphens inside. Throws ValidationError("reference", ...) naming
    // what is wrong (length, character, check character).
    static PublicRef parse(std::string_view text);
    static std::optional<PublicRef> tryParse(std::string_view text);

    const std::string& str() const { return m_text; }  // "SN-XXXXXXXC"
    bool operator==(const PublicRef&) const = default;

    // The check character (Luhn mod 32 over the Crockford alphabet) of 7 data characters.
    static char checkCharacter(std::string_view sevenCharacters);

private:
    explicit PublicRef(std::string text) : m_text(std::move(text)) {}
    std::string m_text;
};

// Shared by PublicRef and GiftCode (voucher.h): the 7 data characters and the check character of a
// 35-bit number, and the reading of what was typed once its prefix is gone.
namespace crockford {
std::string withCheck(std::uint64_t value);                 // 8 characters: 7 data + check
std::string withoutSeparators(std::string_view text);       // spaces and hyphens dropped
// `chars` (8 characters, any case, O for 0, I and L for 1) in canonical form once the check character
// matches. Throws ValidationError(field, …): "has a character that is not in a <noun>: 'U'", "check
// character does not match: a character was mistyped in "<typed>"" (the text as typed, quoted).
std::string checkedCode(std::string_view chars, const std::string& field, std::string_view noun, std::string_view typed);
}  // namespace crockford

}  // namespace narcisse::domain
