// Checking and reading the values people type (dates, times, counts) and laying out text tables.
// Checks run while parsing, so a bad value stops the program before it opens the database.
#pragma once

#include "domain/time.h"

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace narcisse::cli {

// CLI11 validators: the error names the option (CLI11 prefixes it) and says what was expected.
CLI::Validator dateValidator();         // YYYY-MM-DD, a real calendar day
CLI::Validator departureValidator();    // "YYYY-MM-DD HH:MM"
CLI::Validator countValidator(int max); // a whole number 0 … max

struct LocalDeparture {
    domain::LocalDate date;
    domain::Minutes time{0};
};
LocalDeparture parseDeparture(std::string_view text, const std::string& field);

// "2 adults, 1 child, 1 baby"
std::string describeParty(int adults, int children, int babies);

// Columns padded to their widest cell (counted in characters, not UTF-8 bytes); numbers right-aligned.
class TextTable {
public:
    explicit TextTable(std::vector<std::string> header, std::vector<bool> rightAligned = {});
    void add(std::vector<std::string> row);
    std::string str() const;

private:
    std::vector<std::vector<std::string>> m_rows;
    std::vector<bool> m_right;
};

}  // namespace narcisse::cli
