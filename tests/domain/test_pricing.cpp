// Pricing: the price list in force on a date and the price of a party, VAT per line.
#include "domain/errors.h"
#include "domain/pricing.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

using namespace narcisse::domain;
using namespace narcisse::domain::test;

namespace {
PriceList list(LocalDate from, std::int64_t adult, std::int64_t child, std::int64_t baby, int vat = 1000) {
    return PriceList{Uuid::generate(), from, Money::cents(adult), Money::cents(child), Money::cents(baby), vat};
}
}  // namespace

TEST_CASE("The price list in force is the latest one not after the date", "[domain][pricing]") {
    const std::vector<PriceList> lists = {
        list(day(2026, 7, 1), 1400, 800, 0),   // summer, listed first on purpose
        list(day(2026, 1, 1), 1200, 700, 0),
        list(day(2026, 9, 1), 1300, 750, 0),
    };
    CHECK(priceListOn(lists, day(2026, 1, 1)).adult == Money::cents(1200));   // from its first day
    CHECK(priceListOn(lists, day(2026, 6, 30)).adult == Money::cents(1200));
    CHECK(priceListOn(lists, day(2026, 7, 1)).adult == Money::cents(1400));
    CHECK(priceListOn(lists, day(2026, 8, 31)).adult == Money::cents(1400));
    CHECK(priceListOn(lists, day(2026, 9, 1)).adult == Money::cents(1300));
    CHECK(priceListOn(lists, day(2027, 5, 1)).adult == Money::cents(1300));
    CHECK(&priceListOn(lists, day(2026, 7, 14)) == &lists[0]);
}

TEST_CASE("No price list in force is NotFound", "[domain][pricing]") {
    const std::vector<PriceList> lists = {list(day(2026, 1, 1), 1200, 700, 0)};
    CHECK_THROWS_AS(priceListOn(lists, day(2025, 12, 31)), NotFound);
    CHECK(errorMessage<NotFound>([&] { priceListOn(lists, day(2025, 12, 31)); }) ==
          "no price list is in force on 2025-12-31");
    CHECK_THROWS_AS(priceListOn({}, day(2026, 7, 14)), NotFound);
}

TEST_CASE("Quote of two adults and a child at 10 %", "[domain][pricing]") {
    const auto q = quoteParty(list(day(2026, 1, 1), 1200, 700, 0), Party{2, 1, 0});
    REQUIRE(q.lines.size() == 2);
    CHECK(q.lines[0].label == "adult");
    CHECK(q.lines[0].quantity == 2);
    CHECK(q.lines[0].unitPrice == Money::cents(1200));
    CHECK(q.lines[0].total == Money::cents(2400));
    CHECK(q.lines[0].vat == Money::cents(218));   // 2400 / 11 = 218.18…
    CHECK(q.lines[1].label == "child");
    CHECK(q.lines[1].quantity == 1);
    CHECK(q.lines[1].unitPrice == Money::cents(700));
    CHECK(q.lines[1].total == Money::cents(700));
    CHECK(q.lines[1].vat == Money::cents(64));    // 700 / 11 = 63.63…
    CHECK(q.total == Money::cents(3100));
    CHECK(q.vat == Money::cents(282));
    CHECK(q.vatRateBasisPoints == 1000);
}

TEST_CASE("A baby is a line of its own even when free", "[domain][pricing]") {
    const auto q = quoteParty(list(day(2026, 1, 1), 1200, 700, 0), Party{3, 1, 1});
    REQUIRE(q.lines.size() == 3);
    CHECK(q.lines[2].label == "baby");
    CHECK(q.lines[2].quantity == 1);
    CHECK(q.lines[2].total == Money::zero());
    CHECK(q.lines[2].vat == Money::zero());
    CHECK(q.total == Money::cents(4300));
    CHECK(q.vat == Money::cents(327 + 64));   // 3600 / 11 = 327.27…, 700 / 11 = 63.63…
}

TEST_CASE("VAT is rounded per line, not per ticket nor on the total", "[domain][pricing][vat]") {
    // Three adults at 12.50: per line 3750 / 11 = 340.90… → 341 (per ticket it would be 3 × 114 = 342).
    const auto three = quoteParty(list(day(2026, 1, 1), 1250, 700, 0), Party{3, 0, 0});
    REQUIRE(three.lines.size() == 1);
    CHECK(three.lines[0].vat == Money::cents(341));
    CHECK(three.vat == Money::cents(341));
    // One adult at 12.50 and one child at 7.00: 114 + 64 = 178, where the total alone would give
    // 1950 / 11 = 177.27… → 177.
    const auto mixed = quoteParty(list(day(2026, 1, 1), 1250, 700, 0), Party{1, 1, 0});
    CHECK(mixed.total == Money::cents(1950));
    CHECK(mixed.vat == Money::cents(178));
}

TEST_CASE("Quote at 20 % (boat hire without crew)", "[domain][pricing][vat]") {
    const auto q = quoteParty(list(day(2026, 1, 1), 1503, 1000, 0, 2000), Party{1, 1, 0});
    REQUIRE(q.lines.size() == 2);
    CHECK(q.lines[0].vat == Money::cents(251));   // 1503 / 6 = 250.5 → 251
    CHECK(q.lines[1].vat == Money::cents(167));   // 1000 / 6 = 166.66… → 167
    CHECK(q.vat == Money::cents(418));
    CHECK(q.vatRateBasisPoints == 2000);
}

TEST_CASE("Quote of children only leaves the adult line out", "[domain][pricing]") {
    const auto q = quoteParty(list(day(2026, 1, 1), 1200, 700, 0), Party{0, 2, 0});
    REQUIRE(q.lines.size() == 1);
    CHECK(q.lines[0].label == "child");
    CHECK(q.total == Money::cents(1400));
    CHECK(q.vat == Money::cents(127));            // 1400 / 11 = 127.27…
}

TEST_CASE("Price list validation names the field", "[domain][pricing]") {
    CHECK_NOTHROW(list(day(2026, 1, 1), 1200, 700, 0).validate());
    CHECK(refusedField([] { list(day(2026, 2, 30), 1200, 700, 0).validate(); }) == "valid from");
    CHECK(refusedField([] { list(day(2026, 1, 1), -1, 700, 0).validate(); }) == "adult price");
    CHECK(refusedField([] { list(day(2026, 1, 1), 1200, -1, 0).validate(); }) == "child price");
    CHECK(refusedField([] { list(day(2026, 1, 1), 1200, 700, -1).validate(); }) == "baby price");
    CHECK(refusedField([] { list(day(2026, 1, 1), 1200, 700, 0, -1).validate(); }) == "VAT rate");
    CHECK(refusedField([] { list(day(2026, 1, 1), 1200, 700, 0, 10001).validate(); }) == "VAT rate");
}
