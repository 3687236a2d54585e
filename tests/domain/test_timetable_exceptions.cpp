// One-off changes of the timetable on a date: an extra departure is added, a cancelled one is
// removed, and an extra at a wall time that does not exist (spring forward) is skipped and reported.
#include "domain/errors.h"
#include "domain/timetable.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

using namespace narcisse::domain;
using namespace narcisse::domain::test;

namespace {

// Every day of 2026, 10:00–12:00 every 30 minutes, 45-minute rides.
TimetableRule mornings() {
    TimetableRule r;
    r.id = Uuid::generate();
    r.validFrom = day(2026, 1, 1);
    r.validTo = day(2026, 12, 31);
    r.firstDeparture = hm(10, 0);
    r.lastDeparture = hm(12, 0);
    r.interval = Minutes{30};
    return r;
}

TimetableException change(LocalDate date, Minutes time, TimetableException::Kind kind, Minutes ride = Minutes{45}) {
    return {Uuid::generate(), date, time, kind, ride, "Fête"};
}

std::vector<Minutes> localStarts(const DayTimetable& t) {
    std::vector<Minutes> out;
    for (const auto& d : t.departures) out.push_back(d.localStart);
    return out;
}

constexpr auto kExtra = TimetableException::Kind::Extra;
constexpr auto kCancelled = TimetableException::Kind::Cancelled;

}  // namespace

TEST_CASE("An extra departure is added in its place, with its own ride duration", "[domain][timetable]") {
    const BusinessZone paris;
    const auto t = departuresOn({mornings()}, {change(day(2026, 7, 14), hm(21, 30), kExtra, Minutes{60})},
                                day(2026, 7, 14), paris);
    CHECK(localStarts(t) == std::vector<Minutes>{hm(10, 0), hm(10, 30), hm(11, 0), hm(11, 30), hm(12, 0), hm(21, 30)});
    CHECK(t.departures.back() == Departure{utc("2026-07-14T19:30:00Z"), utc("2026-07-14T20:30:00Z"), hm(21, 30)});
    CHECK(t.skipped.empty());

    // Between two regular departures it lands in order.
    const auto between = departuresOn({mornings()}, {change(day(2026, 7, 14), hm(10, 15), kExtra)}, day(2026, 7, 14), paris);
    CHECK(localStarts(between) ==
          std::vector<Minutes>{hm(10, 0), hm(10, 15), hm(10, 30), hm(11, 0), hm(11, 30), hm(12, 0)});
}

TEST_CASE("A cancelled departure is removed, and only on its date", "[domain][timetable]") {
    const BusinessZone paris;
    const std::vector<TimetableException> changes{change(day(2026, 7, 14), hm(11, 0), kCancelled)};
    CHECK(localStarts(departuresOn({mornings()}, changes, day(2026, 7, 14), paris)) ==
          std::vector<Minutes>{hm(10, 0), hm(10, 30), hm(11, 30), hm(12, 0)});
    CHECK(localStarts(departuresOn({mornings()}, changes, day(2026, 7, 15), paris)) ==
          std::vector<Minutes>{hm(10, 0), hm(10, 30), hm(11, 0), hm(11, 30), hm(12, 0)});
    // Cancelling a time the timetable does not have changes nothing.
    CHECK(departuresOn({mornings()}, {change(day(2026, 7, 14), hm(10, 10), kCancelled)}, day(2026, 7, 14), paris)
              .departures.size() == 5);
}

TEST_CASE("An extra departure at a time the timetable already has is not doubled", "[domain][timetable]") {
    const BusinessZone paris;
    const auto t = departuresOn({mornings()}, {change(day(2026, 7, 14), hm(10, 30), kExtra, Minutes{90})},
                                day(2026, 7, 14), paris);
    REQUIRE(t.departures.size() == 5);
    CHECK(t.departures[1].end - t.departures[1].start == Minutes{45});   // the rule's departure stays as it was
}

TEST_CASE("2026-03-29: an extra departure at 02:30 does not exist; it is skipped and reported", "[domain][timetable][dst]") {
    const BusinessZone paris;
    const auto t = departuresOn({mornings()},
                                {change(day(2026, 3, 29), hm(2, 30), kExtra), change(day(2026, 3, 29), hm(3, 30), kExtra)},
                                day(2026, 3, 29), paris);
    CHECK(localStarts(t) == std::vector<Minutes>{hm(3, 30), hm(10, 0), hm(10, 30), hm(11, 0), hm(11, 30), hm(12, 0)});
    CHECK(t.departures.front().start == utc("2026-03-29T01:30:00Z"));   // 03:30 CEST
    REQUIRE(t.skipped.size() == 1);
    CHECK(t.skipped[0].localStart == hm(2, 30));
    CHECK(t.skipped[0].reason == "02:30 does not exist on 2026-03-29 (clocks go forward)");
}

TEST_CASE("A one-off change names the field it gets wrong", "[domain][timetable]") {
    CHECK(refusedField([] { change(day(2026, 7, 14), Minutes{24 * 60}, kExtra).validate(); }) == "time");
    CHECK(refusedField([] { change(day(2026, 7, 14), hm(21, 0), kExtra, Minutes{2}).validate(); }) == "ride duration");
    CHECK(refusedField([] { change(day(2026, 2, 30), hm(21, 0), kExtra).validate(); }) == "date");
    // A cancellation carries no ride of its own.
    CHECK(refusedField([] { change(day(2026, 7, 14), hm(10, 0), kCancelled, Minutes{0}).validate(); }) == "(no error)");
}
