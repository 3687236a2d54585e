// Time: UTC instants, the business's calendar and wall clock in Europe/Paris, and the text forms
// of dates and times (DESIGN.md §3, reference/ACCOUNTING-FR.md "Time").
#include "domain/errors.h"
#include "domain/time.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

using namespace narcisse::domain;
using namespace narcisse::domain::test;
using std::chrono::hours;

TEST_CASE("BusinessZone defaults to Europe/Paris and refuses an unknown zone", "[domain][time]") {
    CHECK(BusinessZone{}.name() == "Europe/Paris");
    CHECK(BusinessZone{"America/New_York"}.name() == "America/New_York");
    CHECK(refusedField([] { BusinessZone zone{"Europe/Colmar"}; }) == "time zone");
    CHECK(errorMessage<ValidationError>([] { BusinessZone zone{"Europe/Colmar"}; }) ==
          "time zone: \"Europe/Colmar\" is not a time zone of the IANA database");
    CHECK(refusedField([] { BusinessZone zone{""}; }) == "time zone");
}

TEST_CASE("A wall time on an ordinary day resolves to one instant", "[domain][time]") {
    const BusinessZone paris;
    const auto summer = paris.resolve(day(2026, 7, 14), hm(10, 0));
    CHECK(summer.kind == WallTimeKind::Unique);
    CHECK(summer.instant == utc("2026-07-14T08:00:00Z"));  // CEST, UTC+2
    const auto winter = paris.resolve(day(2026, 1, 14), hm(10, 0));
    CHECK(winter.kind == WallTimeKind::Unique);
    CHECK(winter.instant == utc("2026-01-14T09:00:00Z"));  // CET, UTC+1
    CHECK(paris.at(day(2026, 7, 14), hm(18, 40)) == utc("2026-07-14T16:40:00Z"));
}

TEST_CASE("On 2026-03-29 local 02:00-02:59 does not exist", "[domain][time][dst]") {
    const BusinessZone paris;
    const LocalDate d = day(2026, 3, 29);
    CHECK(paris.resolve(d, hm(2, 30)).kind == WallTimeKind::Nonexistent);
    CHECK(paris.resolve(d, hm(2, 0)).kind == WallTimeKind::Nonexistent);
    CHECK(paris.resolve(d, hm(2, 59)).kind == WallTimeKind::Nonexistent);

    const auto before = paris.resolve(d, hm(1, 59));
    CHECK(before.kind == WallTimeKind::Unique);
    CHECK(before.instant == utc("2026-03-29T00:59:00Z"));
    const auto after = paris.resolve(d, hm(3, 0));
    CHECK(after.kind == WallTimeKind::Unique);
    CHECK(after.instant == utc("2026-03-29T01:00:00Z"));

    CHECK_THROWS_AS(paris.at(d, hm(2, 30)), ConflictError);
    CHECK(errorMessage<ConflictError>([&] { paris.at(d, hm(2, 30)); }) ==
          "02:30 does not exist on 2026-03-29 in Europe/Paris (clocks go forward)");
}

TEST_CASE("On 2026-10-25 local 02:00-02:59 happens twice; the first (CEST) is taken", "[domain][time][dst]") {
    const BusinessZone paris;
    const LocalDate d = day(2026, 10, 25);
    const auto twice = paris.resolve(d, hm(2, 30));
    CHECK(twice.kind == WallTimeKind::Repeated);
    CHECK(twice.instant == utc("2026-10-25T00:30:00Z"));
    CHECK(paris.at(d, hm(2, 30)) == utc("2026-10-25T00:30:00Z"));
    CHECK(paris.resolve(d, hm(2, 0)).kind == WallTimeKind::Repeated);
    CHECK(paris.resolve(d, hm(2, 0)).instant == utc("2026-10-25T00:00:00Z"));

    const auto before = paris.resolve(d, hm(1, 59));
    CHECK(before.kind == WallTimeKind::Unique);
    CHECK(before.instant == utc("2026-10-24T23:59:00Z"));
    const auto after = paris.resolve(d, hm(3, 0));
    CHECK(after.kind == WallTimeKind::Unique);
    CHECK(after.instant == utc("2026-10-25T02:00:00Z"));
}

TEST_CASE("startOfDay is local midnight, and a day lasts 23, 24 or 25 hours", "[domain][time][dst]") {
    const BusinessZone paris;
    CHECK(paris.startOfDay(day(2026, 7, 14)) == utc("2026-07-13T22:00:00Z"));
    CHECK(paris.startOfDay(day(2026, 1, 14)) == utc("2026-01-13T23:00:00Z"));
    CHECK(paris.startOfDay(day(2026, 3, 29)) == utc("2026-03-28T23:00:00Z"));
    CHECK(paris.startOfDay(day(2026, 3, 30)) == utc("2026-03-29T22:00:00Z"));

    auto length = [&](LocalDate d) { return paris.startOfDay(nextDay(d)) - paris.startOfDay(d); };
    CHECK(length(day(2026, 3, 29)) == hours{23});
    CHECK(length(day(2026, 10, 25)) == hours{25});
    CHECK(length(day(2026, 7, 14)) == hours{24});
    CHECK(length(day(2026, 3, 28)) == hours{24});
    CHECK(length(day(2026, 10, 26)) == hours{24});
}

TEST_CASE("startOfDay where midnight itself does not exist", "[domain][time][dst]") {
    // America/Santiago springs forward at local midnight: 2026-09-06 starts at 01:00 (UTC-3).
    const BusinessZone santiago{"America/Santiago"};
    CHECK(santiago.resolve(day(2026, 9, 6), hm(0, 0)).kind == WallTimeKind::Nonexistent);
    CHECK(santiago.startOfDay(day(2026, 9, 6)) == utc("2026-09-06T04:00:00Z"));
    CHECK(santiago.localDate(santiago.startOfDay(day(2026, 9, 6))) == day(2026, 9, 6));
    CHECK(santiago.localMinutes(santiago.startOfDay(day(2026, 9, 6))) == hm(1, 0));
}

TEST_CASE("localDate and localMinutes around midnight UTC", "[domain][time]") {
    const BusinessZone paris;
    // Summer: local midnight is 22:00Z.
    CHECK(paris.localDate(utc("2026-07-14T21:59:59Z")) == day(2026, 7, 14));
    CHECK(paris.localMinutes(utc("2026-07-14T21:59:59Z")) == hm(23, 59));
    CHECK(paris.localDate(utc("2026-07-14T22:00:00Z")) == day(2026, 7, 15));
    CHECK(paris.localMinutes(utc("2026-07-14T22:00:00Z")) == hm(0, 0));
    CHECK(paris.localDate(utc("2026-07-14T23:30:00Z")) == day(2026, 7, 15));
    CHECK(paris.localMinutes(utc("2026-07-14T23:30:00Z")) == hm(1, 30));
    // Winter: local midnight is 23:00Z.
    CHECK(paris.localDate(utc("2026-01-14T22:59:59Z")) == day(2026, 1, 14));
    CHECK(paris.localDate(utc("2026-01-14T23:00:00Z")) == day(2026, 1, 15));
    CHECK(paris.localDate(utc("2026-12-31T23:00:00Z")) == day(2027, 1, 1));
    // The repeated hour: both 02:30 belong to 2026-10-25.
    CHECK(paris.localMinutes(utc("2026-10-25T00:30:00Z")) == hm(2, 30));
    CHECK(paris.localMinutes(utc("2026-10-25T01:30:00Z")) == hm(2, 30));
    CHECK(paris.localDate(utc("2026-10-25T01:30:00Z")) == day(2026, 10, 25));
}

TEST_CASE("BusinessZone formats an instant in local time", "[domain][time]") {
    const BusinessZone paris;
    CHECK(paris.format(utc("2026-07-14T08:00:00Z")) == "10:00");
    CHECK(paris.format(utc("2026-01-14T08:05:00Z")) == "09:05");
    CHECK(paris.format(utc("2026-07-14T22:30:00Z"), "%d/%m/%Y %H:%M") == "15/07/2026 00:30");
}

TEST_CASE("isoUtc round trip", "[domain][time]") {
    const Instant t = Instant{date::sys_days{day(2026, 7, 14)}} + hours{8} + Minutes{5} + std::chrono::seconds{9};
    CHECK(isoUtc(t) == "2026-07-14T08:05:09Z");
    CHECK(parseIsoUtc("2026-07-14T08:05:09Z", "departure") == t);
    for (const char* text : {"1970-01-01T00:00:00Z", "2026-03-29T01:00:00Z", "2028-02-29T23:59:59Z",
                             "2026-12-31T23:59:59Z"})
        CHECK(isoUtc(parseIsoUtc(text, "departure")) == text);
}

TEST_CASE("parseIsoUtc refuses what is not a UTC timestamp and names the field", "[domain][time]") {
    for (const char* text : {
             "",
             "yesterday",
             "2026-07-14",
             "2026-07-14T10:00",
             "2026-13-01T00:00:00Z",     // month 13
             "2026-02-29T00:00:00Z",     // not a leap year
             "2026-07-14T10:00:00",      // no Z: a local time would be read as UTC
             "2026-07-14T10:00:00+02:00",  // an offset would be ignored
             "2026-07-14T24:00:00Z",
             "2026-07-14T10:60:00Z",
             "2026-07-14T10:00:60Z",
             "2026/07/14T10:00:00Z",
             "2026-07-14T10:00:00Zjunk",
         }) {
        INFO("input: \"" << text << "\"");
        CHECK(refusedField([&] { parseIsoUtc(text, "departure"); }) == "departure");
    }
}

TEST_CASE("Dates: ISO text both ways, next day, weekday", "[domain][time]") {
    CHECK(isoDate(day(2026, 7, 4)) == "2026-07-04");
    CHECK(parseDate("2026-07-14", "date") == day(2026, 7, 14));
    CHECK(parseDate("2028-02-29", "date") == day(2028, 2, 29));
    CHECK(nextDay(day(2026, 12, 31)) == day(2027, 1, 1));
    CHECK(nextDay(day(2028, 2, 28)) == day(2028, 2, 29));
    CHECK(nextDay(day(2026, 2, 28)) == day(2026, 3, 1));
    CHECK(nextDay(day(2026, 3, 28)) == day(2026, 3, 29));
    CHECK(isoWeekday(day(2026, 7, 13)) == 1);   // Monday
    CHECK(isoWeekday(day(2026, 7, 14)) == 2);
    CHECK(isoWeekday(day(2026, 7, 19)) == 7);   // Sunday
    CHECK(isoWeekday(day(2026, 3, 29)) == 7);
}

TEST_CASE("parseDate refuses what is not a day and names the field", "[domain][time]") {
    for (const char* text : {"", "14/07/2026", "2026-7-14", "2026-07-1", "2026-07-14x", "2026-02-29", "2026-04-31",
                             "2026-00-10", "2026-07-00", "-026-07-14", "2026-+7-14", "2026-07- 4", "abcd-ef-gh"}) {
        INFO("input: \"" << text << "\"");
        CHECK(refusedField([&] { parseDate(text, "valid from"); }) == "valid from");
    }
    CHECK(errorMessage<ValidationError>([] { parseDate("14/07/2026", "valid from"); }) ==
          "valid from: must be a date YYYY-MM-DD, got \"14/07/2026\"");
    CHECK(errorMessage<ValidationError>([] { parseDate("2026-02-29", "valid from"); }) ==
          "valid from: \"2026-02-29\" is not a day of the calendar");
}

TEST_CASE("Wall times: HH:MM both ways", "[domain][time]") {
    CHECK(hhmm(hm(9, 5)) == "09:05");
    CHECK(hhmm(hm(0, 0)) == "00:00");
    CHECK(hhmm(hm(23, 59)) == "23:59");
    CHECK(parseWallTime("09:05", "first departure") == hm(9, 5));
    CHECK(parseWallTime("9:05", "first departure") == hm(9, 5));
    CHECK(parseWallTime("00:00", "first departure") == hm(0, 0));
    CHECK(parseWallTime("23:59", "first departure") == hm(23, 59));
}

TEST_CASE("parseWallTime refuses what is not a time of day and names the field", "[domain][time]") {
    for (const char* text : {"", "24:00", "12:60", "1205", "12:5", "12:005", "ab:cd", "12:05:00", ":05", "-1:00",
                             "123:00", "12h05", " 9:05"}) {
        INFO("input: \"" << text << "\"");
        CHECK(refusedField([&] { parseWallTime(text, "first departure"); }) == "first departure");
    }
    CHECK(errorMessage<ValidationError>([] { parseWallTime("1205", "first departure"); }) ==
          "first departure: must be a time HH:MM, got \"1205\"");
    CHECK(errorMessage<ValidationError>([] { parseWallTime("24:00", "first departure"); }) ==
          "first departure: \"24:00\" is not a time of day");
}

TEST_CASE("FixedClock tells the time it is set to", "[domain][time]") {
    FixedClock clock{utc("2026-07-14T08:00:00Z")};
    CHECK(clock.now() == utc("2026-07-14T08:00:00Z"));
    clock.set(utc("2026-07-14T09:30:00Z"));
    CHECK(clock.now() == utc("2026-07-14T09:30:00Z"));
}
