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

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
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
    if (text.size() != 36) return std::nullopt;
    Uuid u;
    int byte = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text[i] != '-') return std::nullopt;
            ++i;
            continue;
        }
        const int hi = hexValue(text[i]);
        const int lo = hexValue(text[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        u.m_bytes[byte++] = static_cast<std::uint8_t>(hi * 16 + lo);
        i += 2;
    }
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
