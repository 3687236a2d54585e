// What the desk's booking search looks for, worked out once for both stores: the reference ranges a
// typed text may be the start of, and the LIKE patterns for a customer's name, e-mail and phone.
// Values only: the stores bind them, never splice them into SQL. Internal to data.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace narcisse::data {

struct BookingSearch {
    // Half-open ranges [from, to) on the stored reference "SN-XXXXXXXX" (byte order): the text read
    // as a reference's start, once without and once with a leading "SN" (a reference may itself
    // start with S, N…). Empty when the text cannot start a reference.
    std::optional<std::string> refFrom, refTo, refFrom2, refTo2;
    // "%text%", with \, % and _ escaped by a backslash (LIKE … ESCAPE '\').
    std::string contains;
    // For a text of digits (spaces, dots, hyphens, slashes left out; a leading +): "%digits%" to
    // match against the phone with the same characters left out. Empty otherwise.
    std::optional<std::string> phoneContains;
};

// Nothing for a blank text: the search then finds nothing.
std::optional<BookingSearch> bookingSearch(std::string_view text);

}  // namespace narcisse::data
