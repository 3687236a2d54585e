#include "cli/arguments.h"

#include "domain/errors.h"

#include <algorithm>
#include <charconv>

namespace narcisse::cli {

namespace {
// The characters a terminal shows: UTF-8 continuation bytes do not take a column.
std::size_t displayWidth(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }
}  // namespace

CLI::Validator dateValidator() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            try {
                domain::parseDate(text, "date");
                return {};
            } catch (const domain::ValidationError& e) {
                return e.message();
            }
        },
        "YYYY-MM-DD");
}

LocalDeparture parseDeparture(std::string_view text, const std::string& field) {
    const auto space = text.find(' ');
    if (space == std::string_view::npos)
        throw domain::ValidationError(field, "must be a date and a time \"YYYY-MM-DD HH:MM\", got \"" +
                                                 std::string(text) + "\"");
    auto rest = text.substr(space);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    return {domain::parseDate(text.substr(0, space), field), domain::parseWallTime(rest, field)};
}

CLI::Validator departureValidator() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            try {
                parseDeparture(text, "departure");
                return {};
            } catch (const domain::ValidationError& e) {
                return e.message();
            }
        },
        "\"YYYY-MM-DD HH:MM\"");
}

CLI::Validator countValidator(int max) {
    return CLI::Validator(
        [max](std::string& text) -> std::string {
            int value = -1;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (ec != std::errc{} || end != text.data() + text.size() || value < 0 || value > max)
                return "must be a whole number from 0 to " + std::to_string(max) + ", got \"" + text + "\"";
            return {};
        },
        "0-" + std::to_string(max));
}

std::string describeParty(int adults, int children, int babies) {
    std::string out = plural(adults, "adult", "adults");
    if (children > 0) out += ", " + plural(children, "child", "children");
    if (babies > 0) out += ", " + plural(babies, "baby", "babies");
    return out;
}

TextTable::TextTable(std::vector<std::string> header, std::vector<bool> rightAligned)
    : m_right(std::move(rightAligned)) {
    m_right.resize(header.size(), false);
    m_rows.push_back(std::move(header));
}

void TextTable::add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }

std::string TextTable::str() const {
    std::vector<std::size_t> widths;
    for (const auto& row : m_rows) {
        if (widths.size() < row.size()) widths.resize(row.size(), 0);
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], displayWidth(row[i]));
    }
    std::string out;
    for (const auto& row : m_rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0) line += "  ";
            const std::string pad(widths[i] - displayWidth(row[i]), ' ');
            const bool right = i < m_right.size() && m_right[i];
            line += right ? pad + row[i] : row[i] + pad;
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out += line + "\n";
    }
    return out;
}

}  // namespace narcisse::cli
