#include "domain/uuid.h"

#include <chrono>
#include <mutex>
#include <random>

namespace narcisse::domain {

namespace {
std::uint64_t randomBits() {
    static std::mutex mutex;
    static std::mt19937_64 engine{[] {
        std::random_device rd;
        std::seed_seq seq{rd(), rd(), rd(), rd(), rd(), rd(), rd(), rd()};
        return std::mt19937_64(seq);
    }()};
    std::lock_guard lock(mutex);
    return engine();
}

// Ids are parsed for every row a store reads: one table look-up per character.
constexpr std::array<std::int8_t, 256> kHexValues = [] {
    std::array<std::int8_t, 256> t{};
    t.fill(-1);
    for (int i = 0; i < 10; ++i) t['0' + i] = static_cast<std::int8_t>(i);
    for (int i = 0; i < 6; ++i) {
        t['a' + i] = static_cast<std::int8_t>(10 + i);
        t['A' + i] = static_cast<std::int8_t>(10 + i);
    }
    return t;
}();

int hexValue(char c) { return kHexValues[static_cast<unsigned char>(c)]; }
}  // namespace

Uuid Uuid::generate() {
    Uuid u;
    const auto ms = static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                   std::chrono::system_clock::now().time_since_epoch())
                                                   .count());
    for (int i = 0; i < 6; ++i) u.m_bytes[i] = static_cast<std::uint8_t>(ms >> (8 * (5 - i)));
    const std::uint64_t r1 = randomBits();
    const std::uint64_t r2 = randomBits();
    for (int i = 6; i < 8; ++i) u.m_bytes[i] = static_cast<std::uint8_t>(r1 >> (8 * (i - 6)));
    for (int i = 8; i < 16; ++i) u.m_bytes[i] = static_cast<std::uint8_t>(r2 >> (8 * (i - 8)));
    u.m_bytes[6] = static_cast<std::uint8_t>((u.m_bytes[6] & 0x0F) | 0x70);  // version 7
    u.m_bytes[8] = static_cast<std::uint8_t>((u.m_bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
    return u;
}

std::optional<Uuid> Uuid::parse(std::string_view text) {
    if (text.size() != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-')
        return std::nullopt;
    static constexpr std::array<std::uint8_t, 16> kOffsets{0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34};
    Uuid u;
    int bad = 0;
    for (std::size_t i = 0; i < 16; ++i) {
        const int hi = hexValue(text[kOffsets[i]]);
        const int lo = hexValue(text[kOffsets[i] + 1]);
        bad |= hi | lo;   // any -1 sets the sign bit
        u.m_bytes[i] = static_cast<std::uint8_t>((hi << 4) | lo);
    }
    if (bad < 0) return std::nullopt;
    return u;
}

std::string Uuid::str() const {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += kHex[m_bytes[i] >> 4];
        out += kHex[m_bytes[i] & 0x0F];
    }
    return out;
}

bool Uuid::isNil() const {
    for (auto b : m_bytes)
        if (b) return false;
    return true;
}

}  // namespace narcisse::domain
