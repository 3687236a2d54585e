// Client-generated identities: rows created offline keep theirs (DESIGN.md §3).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace narcisse::domain {

// A UUID. New ones are version 7 (time-ordered), so primary-key indexes stay compact.
class Uuid {
public:
    Uuid() = default;
    static Uuid generate();
    static std::optional<Uuid> parse(std::string_view text);  // canonical 8-4-4-4-12, any case
    std::string str() const;                                   // lower-case canonical form
    bool isNil() const;
    const std::array<std::uint8_t, 16>& bytes() const { return m_bytes; }
    auto operator<=>(const Uuid&) const = default;

private:
    std::array<std::uint8_t, 16> m_bytes{};
};

}  // namespace narcisse::domain

template <>
struct std::hash<narcisse::domain::Uuid> {
    std::size_t operator()(const narcisse::domain::Uuid& u) const noexcept {
        std::size_t h = 0;
        for (auto b : u.bytes()) h = h * 131 + b;
        return h;
    }
};
