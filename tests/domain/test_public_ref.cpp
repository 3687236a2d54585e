// PublicRef: "SN-" + 7 Crockford base-32 characters + a Luhn mod 32 check character, printed on
// tickets and typed back at the desk.
#include "domain/errors.h"
#include "domain/public_ref.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

#include <set>

using namespace narcisse::domain;
using namespace narcisse::domain::test;

namespace {
constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

TEST_CASE("PublicRef from a number, check character worked out by hand", "[domain][public_ref]") {
    // Luhn mod 32, from the rightmost data character with factors 2, 1, 2…; a product p counts
    // p / 32 + p % 32; check = (32 − sum % 32) % 32.
    // 0 → "0000000": sum 0, check 0.
    CHECK(PublicRef::fromNumber(0).str() == "SN-00000000");
    // 1 → "0000001": 2 × 1 = 2, check 30 = 'Y'.
    CHECK(PublicRef::fromNumber(1).str() == "SN-0000001Y");
    // 32 → "0000010": 2 × 0 + 1 × 1 = 1, check 31 = 'Z'.
    CHECK(PublicRef::fromNumber(32).str() == "SN-0000010Z");
    // 2^35 − 1 → "ZZZZZZZ": 2 × 31 = 62 counts 1 + 30 = 31, so 7 × 31 = 217, 217 % 32 = 25, check 7.
    CHECK(PublicRef::fromNumber((1ULL << 35) - 1).str() == "SN-ZZZZZZZ7");
    // Only the low 35 bits are used.
    CHECK(PublicRef::fromNumber(1ULL << 35) == PublicRef::fromNumber(0));
    CHECK(PublicRef::fromNumber((1ULL << 35) + 1) == PublicRef::fromNumber(1));
    // "7HX3K9P" = 7 17 29 3 19 9 22; from the right: P 44 → 1+12 = 13, 9, K 38 → 1+6 = 7, 3,
    // X 58 → 1+26 = 27, 17, 7 × 2 = 14; sum 90, 90 % 32 = 26, check 6.
    CHECK(PublicRef::checkCharacter("7HX3K9P") == '6');
}

TEST_CASE("PublicRef has the printed form SN- and 8 Crockford characters", "[domain][public_ref]") {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const PublicRef r = PublicRef::random();
        const std::string& s = r.str();
        REQUIRE(s.size() == 11);
        CHECK(s.substr(0, 3) == "SN-");
        for (char c : s.substr(3)) CHECK(kCrockford.find(c) != std::string_view::npos);
        CHECK(PublicRef::checkCharacter(s.substr(3, 7)) == s[10]);
        CHECK(PublicRef::parse(s) == r);
        seen.insert(s);
    }
    CHECK(seen.size() > 990);  // 2^35 values: a repeat in 1000 draws is a one-in-70,000 event
}

TEST_CASE("PublicRef parse accepts what a person or a scanner types", "[domain][public_ref]") {
    const std::string expected = "SN-7HX3K9P6";
    for (const char* text : {
             "SN-7HX3K9P6",
             "sn-7hx3k9p6",      // lower case
             "7HX3K9P6",         // without SN-
             "7hx3k9p6",
             "SN 7HX3 K9P6",     // spaces
             " SN-7HX3-K9P6 ",   // hyphens and spaces around
             "SN7HX3K9P6",
         }) {
        INFO("input: \"" << text << "\"");
        CHECK(PublicRef::parse(text).str() == expected);
        CHECK(PublicRef::tryParse(text) == PublicRef::parse(expected));
    }
    // O is read as 0, I and L as 1.
    CHECK(PublicRef::parse("SN-OOOOOO1Y").str() == "SN-0000001Y");
    CHECK(PublicRef::parse("SN-000000IY").str() == "SN-0000001Y");
    CHECK(PublicRef::parse("SN-000000lY").str() == "SN-0000001Y");
    CHECK(PublicRef::parse("sn-oooooo1y").str() == "SN-0000001Y");
}

TEST_CASE("PublicRef refuses every single mistyped character", "[domain][public_ref]") {
    const std::string valid = "SN-7HX3K9P6";
    int refused = 0;
    for (std::size_t pos = 3; pos < valid.size(); ++pos) {
        for (char c : kCrockford) {
            if (c == valid[pos]) continue;
            std::string typo = valid;
            typo[pos] = c;
            INFO("typo: " << typo);
            CHECK(refusedField([&] { PublicRef::parse(typo); }) == "reference");
            CHECK(errorMessage<ValidationError>([&] { PublicRef::parse(typo); }) ==
                  "reference: check character does not match: a character was mistyped in \"" + typo + "\"");
            CHECK_FALSE(PublicRef::tryParse(typo));
            ++refused;
        }
    }
    CHECK(refused == 8 * 31);
}

TEST_CASE("PublicRef refuses a wrong length or a foreign character", "[domain][public_ref]") {
    CHECK(errorMessage<ValidationError>([] { PublicRef::parse(""); }) == "reference: is empty");
    CHECK(errorMessage<ValidationError>([] { PublicRef::parse(" - "); }) == "reference: is empty");
    CHECK(errorMessage<ValidationError>([] { PublicRef::parse("SN-7HX3K9P"); }) ==
          "reference: must be SN- followed by 8 characters, got \"SN-7HX3K9P\"");
    CHECK(errorMessage<ValidationError>([] { PublicRef::parse("SN-7HX3K9P61"); }) ==
          "reference: must be SN- followed by 8 characters, got \"SN-7HX3K9P61\"");
    CHECK(refusedField([] { PublicRef::parse("SN-"); }) == "reference");
    CHECK(errorMessage<ValidationError>([] { PublicRef::parse("SN-7HX3K9PU"); }) ==
          "reference: has a character that is not in a reference: 'U'");
    CHECK(errorMessage<ValidationError>([] { PublicRef::parse("SN-7HX3*9P6"); }) ==
          "reference: has a character that is not in a reference: '*'");
    CHECK_FALSE(PublicRef::tryParse("SN-7HX3K9P"));
    CHECK_FALSE(PublicRef::tryParse("SN-7HX3K9PU"));
}
