// Closures (blocks): which departures and boats they take off sale.
#include "domain/closure.h"
#include "domain/errors.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

using namespace narcisse::domain;
using namespace narcisse::domain::test;

TEST_CASE("A whole-day closure covers every departure of that local day", "[domain][closure]") {
    const BusinessZone paris;
    const Uuid boat = Uuid::generate();
    const Block b = Block::wholeDay(day(2026, 7, 14), paris, "Fête nationale");
    CHECK(b.start == utc("2026-07-13T22:00:00Z"));
    CHECK(b.end == utc("2026-07-14T22:00:00Z"));
    CHECK(b.reason == "Fête nationale");
    CHECK_FALSE(b.boatId);
    CHECK_FALSE(b.id.isNil());
    CHECK(b.covers(boat, utc("2026-07-14T08:00:00Z"), utc("2026-07-14T08:45:00Z")));    // 10:00
    CHECK(b.covers(boat, utc("2026-07-13T22:00:00Z"), utc("2026-07-13T22:30:00Z")));    // 00:00
    CHECK(b.covers(boat, utc("2026-07-14T21:30:00Z"), utc("2026-07-14T22:15:00Z")));    // 23:30
    CHECK_FALSE(b.covers(boat, utc("2026-07-14T22:00:00Z"), utc("2026-07-14T22:45:00Z")));  // next day 00:00
    CHECK_FALSE(b.covers(boat, utc("2026-07-13T08:00:00Z"), utc("2026-07-13T08:45:00Z")));  // day before
}

TEST_CASE("A whole-day closure on the short March day lasts 23 hours", "[domain][closure][dst]") {
    const BusinessZone paris;
    const Block b = Block::wholeDay(day(2026, 3, 29), paris, "storm");
    CHECK(b.start == utc("2026-03-28T23:00:00Z"));
    CHECK(b.end == utc("2026-03-29T22:00:00Z"));
    CHECK(b.end - b.start == std::chrono::hours{23});
}

TEST_CASE("A time-range closure covers the rides on the water during it", "[domain][closure]") {
    const BusinessZone paris;
    const Uuid boat = Uuid::generate();
    // 14:00–16:00 local = 12:00Z–14:00Z in summer.
    const Block b = Block::timeRange(day(2026, 7, 14), hm(14, 0), hm(16, 0), paris, "thunderstorm");
    CHECK(b.start == utc("2026-07-14T12:00:00Z"));
    CHECK(b.end == utc("2026-07-14T14:00:00Z"));
    // 13:15–14:00: back at the quay exactly when the closure starts.
    CHECK_FALSE(b.covers(boat, utc("2026-07-14T11:15:00Z"), utc("2026-07-14T12:00:00Z")));
    // 13:20–14:05: still on the water at 14:00.
    CHECK(b.covers(boat, utc("2026-07-14T11:20:00Z"), utc("2026-07-14T12:05:00Z")));
    CHECK(b.covers(boat, utc("2026-07-14T12:00:00Z"), utc("2026-07-14T12:45:00Z")));   // 14:00
    CHECK(b.covers(boat, utc("2026-07-14T13:40:00Z"), utc("2026-07-14T14:25:00Z")));   // 15:40
    // 16:00: leaves when the closure ends.
    CHECK_FALSE(b.covers(boat, utc("2026-07-14T14:00:00Z"), utc("2026-07-14T14:45:00Z")));
}

TEST_CASE("A closure of one boat leaves the others sailing", "[domain][closure]") {
    const BusinessZone paris;
    const Uuid ill = Uuid::generate();
    const Uuid lauch = Uuid::generate();
    const Block b = Block::wholeDay(day(2026, 7, 14), paris, "hull repair", ill);
    REQUIRE(b.boatId);
    CHECK(*b.boatId == ill);
    CHECK(b.covers(ill, utc("2026-07-14T08:00:00Z"), utc("2026-07-14T08:45:00Z")));
    CHECK_FALSE(b.covers(lauch, utc("2026-07-14T08:00:00Z"), utc("2026-07-14T08:45:00Z")));
}

TEST_CASE("Closure validation names the field", "[domain][closure]") {
    const BusinessZone paris;
    CHECK(refusedField([&] { Block::wholeDay(day(2026, 7, 14), paris, ""); }) == "reason");
    CHECK(refusedField([&] { Block::wholeDay(day(2026, 7, 14), paris, "   "); }) == "reason");
    CHECK(refusedField([&] { Block::timeRange(day(2026, 7, 14), hm(16, 0), hm(14, 0), paris, "storm"); }) == "to");
    CHECK(refusedField([&] { Block::timeRange(day(2026, 7, 14), hm(14, 0), hm(14, 0), paris, "storm"); }) == "to");
    Block b{Uuid::generate(), utc("2026-07-14T12:00:00Z"), utc("2026-07-14T12:00:00Z"), std::nullopt, "storm"};
    CHECK(refusedField([&] { b.validate(); }) == "to");
    b.end = utc("2026-07-14T13:00:00Z");
    CHECK_NOTHROW(b.validate());
    b.reason = "";
    CHECK(refusedField([&] { b.validate(); }) == "reason");
}

TEST_CASE("A departure closure covers that departure only, not the rides still on the water", "[domain][closure]") {
    const BusinessZone paris;
    const Uuid ill = Uuid::generate();
    const Uuid lauch = Uuid::generate();
    const LocalDate day{date::year{2026}, date::month{7}, date::day{14}};
    const Block noon = Block::departure(day, Minutes{12 * 60}, paris, "Hélice cassée");
    CHECK(noon.startsOnly);
    CHECK(noon.start == utc("2026-07-14T10:00:00Z"));
    CHECK(noon.end == utc("2026-07-14T10:01:00Z"));
    CHECK(noon.covers(ill, utc("2026-07-14T10:00:00Z"), utc("2026-07-14T10:45:00Z")));         // 12:00
    CHECK_FALSE(noon.covers(ill, utc("2026-07-14T09:40:00Z"), utc("2026-07-14T10:25:00Z")));   // 11:40, on the water
    CHECK_FALSE(noon.covers(ill, utc("2026-07-14T10:20:00Z"), utc("2026-07-14T11:05:00Z")));   // 12:20
    const Block lauchOnly = Block::departure(day, Minutes{12 * 60}, paris, "Hélice cassée", lauch);
    CHECK(lauchOnly.covers(lauch, utc("2026-07-14T10:00:00Z"), utc("2026-07-14T10:45:00Z")));
    CHECK_FALSE(lauchOnly.covers(ill, utc("2026-07-14T10:00:00Z"), utc("2026-07-14T10:45:00Z")));
    // A departure at a wall time that does not exist cannot be closed: it never leaves.
    CHECK_THROWS_AS(Block::departure(LocalDate{date::year{2026}, date::month{3}, date::day{29}}, Minutes{2 * 60 + 30},
                                     paris, "x"),
                    ConflictError);
}
