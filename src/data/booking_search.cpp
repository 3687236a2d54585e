#include "data/booking_search.h"

#include <cctype>

namespace narcisse::data {

namespace {

constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kRefCharacters = 8;   // 7 data characters and the check character

// The text as the start of a reference's characters (O read as 0, I and L as 1), or nothing.
std::optional<std::string> refStart(std::string_view s) {
    if (s.empty() || s.size() > kRefCharacters) return std::nullopt;
    std::string out;
    for (char c : s) {
        if (c == 'O') c = '0';
        if (c == 'I' || c == 'L') c = '1';
        if (kCrockford.find(c) == std::string_view::npos) return std::nullopt;
        out += c;
    }
    return out;
}

std::string escapeLike(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\\' || c == '%' || c == '_') out += '\\';
        out += c;
    }
    return out;
}

}  // namespace

std::optional<BookingSearch> bookingSearch(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    if (text.empty()) return std::nullopt;

    BookingSearch search;
    search.contains = "%" + escapeLike(text) + "%";

    std::string compact;   // upper case, without spaces and hyphens
    for (char c : text)
        if (c != ' ' && c != '-') compact += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    // "~" sorts after every character of a reference: [SN-7K3, SN-7K3~) holds exactly the references starting 7K3.
    if (const auto start = refStart(compact)) {
        search.refFrom = "SN-" + *start;
        search.refTo = *search.refFrom + "~";
    }
    if (compact.rfind("SN", 0) == 0) {
        if (const auto start = refStart(std::string_view(compact).substr(2))) {
            search.refFrom2 = "SN-" + *start;
            search.refTo2 = *search.refFrom2 + "~";
        }
    }

    std::string digits;
    bool phoneLike = true;
    for (char c : text) {
        if (c == ' ' || c == '.' || c == '-' || c == '/') continue;
        if (std::isdigit(static_cast<unsigned char>(c)) || (c == '+' && digits.empty()))
            digits += c;
        else
            phoneLike = false;
    }
    if (phoneLike && !digits.empty() && digits != "+") search.phoneContains = "%" + digits + "%";
    return search;
}

}  // namespace narcisse::data
