// Timetable: rules in local wall time, and the departures they give on one date, including the
// two days a year when the wall clock jumps.
#include "domain/errors.h"
#include "domain/timetable.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

using namespace narcisse::domain;
using namespace narcisse::domain::test;

namespace {
// The summer season: every day 10:00–18:40, every 20 minutes, 45-minute rides.
TimetableRule season() {
    TimetableRule r;
    r.id = Uuid::generate();
    r.validFrom = day(2026, 4, 1);
    r.validTo = day(2026, 10, 31);
    return r;
}

TimetableRule rule(LocalDate from, LocalDate to, Minutes first, Minutes last, Minutes interval,
                   Minutes ride = Minutes{45}) {
    TimetableRule r;
    r.id = Uuid::generate();
    r.validFrom = from;
    r.validTo = to;
    r.firstDeparture = first;
    r.lastDeparture = last;
    r.interval = interval;
    r.rideDuration = ride;
    return r;
}

// A night rule crossing the hour the clocks change: 01:00–04:00 every 30 minutes, all year.
TimetableRule night() { return rule(day(2026, 1, 1), day(2026, 12, 31), hm(1, 0), hm(4, 0), Minutes{30}, Minutes{20}); }

std::vector<Minutes> localStarts(const DayTimetable& t) {
    std::vector<Minutes> out;
    for (const auto& d : t.departures) out.push_back(d.localStart);
    return out;
}

std::vector<Instant> starts(const DayTimetable& t) {
    std::vector<Instant> out;
    for (const auto& d : t.departures) out.push_back(d.start);
    return out;
}
}  // namespace

TEST_CASE("An ordinary summer day: 27 departures from 10:00 to 18:40", "[domain][timetable]") {
    const BusinessZone paris;
    const auto day14 = departuresOn({season()}, day(2026, 7, 14), paris);
    REQUIRE(day14.departures.size() == 27);  // (18:40 − 10:00) / 20 min + 1
    CHECK(day14.skipped.empty());
    CHECK(day14.departures.front() ==
          Departure{utc("2026-07-14T08:00:00Z"), utc("2026-07-14T08:45:00Z"), hm(10, 0)});
    CHECK(day14.departures[1].start == utc("2026-07-14T08:20:00Z"));
    CHECK(day14.departures.back() ==
          Departure{utc("2026-07-14T16:40:00Z"), utc("2026-07-14T17:25:00Z"), hm(18, 40)});
    for (std::size_t i = 1; i < day14.departures.size(); ++i)
        CHECK(day14.departures[i].start - day14.departures[i - 1].start == Minutes{20});
}

TEST_CASE("The same wall times are an hour later in UTC in winter", "[domain][timetable]") {
    const BusinessZone paris;
    const auto winter = rule(day(2026, 1, 1), day(2026, 3, 28), hm(10, 0), hm(16, 0), Minutes{30});
    const auto t = departuresOn({winter}, day(2026, 1, 14), paris);
    REQUIRE(t.departures.size() == 13);
    CHECK(t.departures.front().start == utc("2026-01-14T09:00:00Z"));
    CHECK(t.departures.back().start == utc("2026-01-14T15:00:00Z"));
}

TEST_CASE("A rule only runs on the weekdays of its mask", "[domain][timetable]") {
    const BusinessZone paris;
    auto weekend = season();
    weekend.weekdays = 0b1100000;  // Saturday and Sunday
    CHECK(departuresOn({weekend}, day(2026, 7, 18), paris).departures.size() == 27);  // Saturday
    CHECK(departuresOn({weekend}, day(2026, 7, 19), paris).departures.size() == 27);  // Sunday
    CHECK(departuresOn({weekend}, day(2026, 7, 17), paris).departures.empty());       // Friday
    CHECK(departuresOn({weekend}, day(2026, 7, 13), paris).departures.empty());       // Monday

    auto mondays = season();
    mondays.weekdays = 0b0000001;
    CHECK(mondays.appliesTo(day(2026, 7, 13)));
    CHECK_FALSE(mondays.appliesTo(day(2026, 7, 14)));
    CHECK_FALSE(mondays.appliesTo(day(2026, 7, 19)));

    auto noTuesday = season();
    noTuesday.weekdays = 0x7F & ~0b0000010;
    CHECK(noTuesday.appliesTo(day(2026, 7, 13)));
    CHECK_FALSE(noTuesday.appliesTo(day(2026, 7, 14)));
    CHECK(noTuesday.appliesTo(day(2026, 7, 15)));
}

TEST_CASE("A rule's validity bounds are both inclusive", "[domain][timetable]") {
    const BusinessZone paris;
    const auto s = season();  // 2026-04-01 … 2026-10-31
    CHECK_FALSE(s.appliesTo(day(2026, 3, 31)));
    CHECK(s.appliesTo(day(2026, 4, 1)));
    CHECK(s.appliesTo(day(2026, 10, 31)));
    CHECK_FALSE(s.appliesTo(day(2026, 11, 1)));
    CHECK(departuresOn({s}, day(2026, 3, 31), paris).departures.empty());
    CHECK(departuresOn({s}, day(2026, 4, 1), paris).departures.size() == 27);
    CHECK(departuresOn({s}, day(2026, 10, 31), paris).departures.size() == 27);
    CHECK(departuresOn({s}, day(2026, 11, 1), paris).departures.empty());
    CHECK(departuresOn({}, day(2026, 7, 14), paris).departures.empty());
}

TEST_CASE("Two overlapping rules give the union of their departures, each once", "[domain][timetable]") {
    const BusinessZone paris;
    const auto morning = rule(day(2026, 4, 1), day(2026, 10, 31), hm(10, 0), hm(12, 0), Minutes{30});
    const auto midday = rule(day(2026, 7, 1), day(2026, 8, 31), hm(11, 0), hm(13, 0), Minutes{20});
    const std::vector<Minutes> expected = {hm(10, 0),  hm(10, 30), hm(11, 0),  hm(11, 20), hm(11, 30),
                                           hm(11, 40), hm(12, 0),  hm(12, 20), hm(12, 40), hm(13, 0)};
    CHECK(localStarts(departuresOn({morning, midday}, day(2026, 7, 14), paris)) == expected);
    CHECK(localStarts(departuresOn({midday, morning}, day(2026, 7, 14), paris)) == expected);
    // Outside the midday rule's season only the morning rule runs.
    CHECK(localStarts(departuresOn({morning, midday}, day(2026, 6, 30), paris)) ==
          std::vector<Minutes>{hm(10, 0), hm(10, 30), hm(11, 0), hm(11, 30), hm(12, 0)});
    // The same rule twice does not double the departures.
    CHECK(departuresOn({season(), season()}, day(2026, 7, 14), paris).departures.size() == 27);
}

TEST_CASE("2026-03-29: the departures at 02:00 and 02:30 do not exist and are reported", "[domain][timetable][dst]") {
    const BusinessZone paris;
    const auto t = departuresOn({night()}, day(2026, 3, 29), paris);
    CHECK(starts(t) == std::vector<Instant>{utc("2026-03-29T00:00:00Z"),    // 01:00 CET
                                            utc("2026-03-29T00:30:00Z"),    // 01:30 CET
                                            utc("2026-03-29T01:00:00Z"),    // 03:00 CEST
                                            utc("2026-03-29T01:30:00Z"),    // 03:30 CEST
                                            utc("2026-03-29T02:00:00Z")});  // 04:00 CEST
    CHECK(localStarts(t) == std::vector<Minutes>{hm(1, 0), hm(1, 30), hm(3, 0), hm(3, 30), hm(4, 0)});
    REQUIRE(t.skipped.size() == 2);
    CHECK(t.skipped[0].localStart == hm(2, 0));
    CHECK(t.skipped[0].reason == "02:00 does not exist on 2026-03-29 (clocks go forward)");
    CHECK(t.skipped[1].localStart == hm(2, 30));
    CHECK(t.skipped[1].reason == "02:30 does not exist on 2026-03-29 (clocks go forward)");
    CHECK(t.departures[2].end == utc("2026-03-29T01:20:00Z"));
}

TEST_CASE("2026-03-29: two rules skipping the same wall time report it once", "[domain][timetable][dst]") {
    const BusinessZone paris;
    const auto hourly = rule(day(2026, 3, 1), day(2026, 3, 31), hm(1, 0), hm(3, 0), Minutes{60});
    const auto t = departuresOn({night(), hourly}, day(2026, 3, 29), paris);
    CHECK(t.departures.size() == 5);
    REQUIRE(t.skipped.size() == 2);
    CHECK(t.skipped[0].localStart == hm(2, 0));
    CHECK(t.skipped[1].localStart == hm(2, 30));
}

TEST_CASE("2026-10-25: the departures at 02:00 and 02:30 run once, at the first occurrence", "[domain][timetable][dst]") {
    const BusinessZone paris;
    const auto t = departuresOn({night()}, day(2026, 10, 25), paris);
    CHECK(t.skipped.empty());
    CHECK(starts(t) == std::vector<Instant>{utc("2026-10-24T23:00:00Z"),    // 01:00 CEST
                                            utc("2026-10-24T23:30:00Z"),    // 01:30 CEST
                                            utc("2026-10-25T00:00:00Z"),    // 02:00 CEST, first time
                                            utc("2026-10-25T00:30:00Z"),    // 02:30 CEST, first time
                                            utc("2026-10-25T02:00:00Z"),    // 03:00 CET
                                            utc("2026-10-25T02:30:00Z"),    // 03:30 CET
                                            utc("2026-10-25T03:00:00Z")});  // 04:00 CET
    CHECK(localStarts(t) ==
          std::vector<Minutes>{hm(1, 0), hm(1, 30), hm(2, 0), hm(2, 30), hm(3, 0), hm(3, 30), hm(4, 0)});
}

TEST_CASE("A valid rule passes validation", "[domain][timetable]") {
    CHECK_NOTHROW(season().validate());
    CHECK_NOTHROW(night().validate());
    auto oneDay = season();
    oneDay.validTo = oneDay.validFrom;
    oneDay.lastDeparture = oneDay.firstDeparture;
    CHECK_NOTHROW(oneDay.validate());
}

TEST_CASE("Rule validation refuses a bad rule and names the field", "[domain][timetable]") {
    auto check = [](auto change, const std::string& field) {
        auto r = season();
        change(r);
        CHECK(refusedField([&] { r.validate(); }) == field);
    };
    check([](TimetableRule& r) { r.validFrom = day(2026, 2, 30); }, "valid from");
    check([](TimetableRule& r) { r.validTo = day(2026, 4, 31); }, "valid to");
    check([](TimetableRule& r) { r.validTo = day(2026, 3, 31); }, "valid to");
    check([](TimetableRule& r) { r.weekdays = 0; }, "weekdays");
    check([](TimetableRule& r) { r.weekdays = 0x80; }, "weekdays");
    check([](TimetableRule& r) { r.firstDeparture = Minutes{-1}; }, "first departure");
    check([](TimetableRule& r) { r.firstDeparture = hm(24, 0); }, "first departure");
    check([](TimetableRule& r) { r.lastDeparture = hm(9, 59); }, "last departure");
    check([](TimetableRule& r) { r.lastDeparture = hm(24, 0); }, "last departure");
    check([](TimetableRule& r) { r.interval = Minutes{4}; }, "interval");
    check([](TimetableRule& r) { r.interval = Minutes{0}; }, "interval");
    check([](TimetableRule& r) { r.interval = Minutes{24 * 60 + 1}; }, "interval");
    check([](TimetableRule& r) { r.rideDuration = Minutes{4}; }, "ride duration");
    check([](TimetableRule& r) { r.rideDuration = Minutes{8 * 60 + 1}; }, "ride duration");
}
