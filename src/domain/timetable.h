// Timetable rules (seasons of departures in local wall time) and the departures of one date.
#pragma once

#include "domain/time.h"
#include "domain/uuid.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace narcisse::domain {

struct TimetableRule {
    Uuid id;
    LocalDate validFrom;
    LocalDate validTo;                 // inclusive
    std::uint8_t weekdays = 0x7F;      // bit 0 = Monday … bit 6 = Sunday
    Minutes firstDeparture{10 * 60};   // local wall time
    Minutes lastDeparture{18 * 60 + 40};
    Minutes interval{20};
    Minutes rideDuration{45};

    bool appliesTo(LocalDate date) const;
    void validate() const;             // throws ValidationError naming the field
};

// A one-off change of the timetable on one date: an extra departure, or a departure cancelled.
struct TimetableException {
    enum class Kind { Extra, Cancelled };
    Uuid id;
    LocalDate date;
    Minutes time{0};                  // local wall time
    Kind kind = Kind::Extra;
    Minutes rideDuration{45};         // Extra only
    std::string note;                 // why (shown to staff)

    void validate() const;
};
std::string_view toString(TimetableException::Kind k);   // EXTRA, CANCELLED
std::optional<TimetableException::Kind> parseExceptionKind(std::string_view s);

struct Departure {
    Instant start;
    Instant end;
    Minutes localStart;                // wall time it was defined at
    bool operator==(const Departure&) const = default;
};

struct SkippedDeparture {
    Minutes localStart;
    std::string reason;
};

struct DayTimetable {
    std::vector<Departure> departures;       // ordered by start, each instant once
    std::vector<SkippedDeparture> skipped;   // wall times that do not exist that day
};

// The departures of `date`: the union of every rule in force that day. A wall time that does not
// exist (spring forward) is skipped and reported; one that happens twice (fall back) is taken once,
// at its first occurrence.
DayTimetable departuresOn(const std::vector<TimetableRule>& rules, LocalDate date, const BusinessZone& zone);
// The same, with the date's one-off changes applied: extra departures added, cancelled ones removed.
DayTimetable departuresOn(const std::vector<TimetableRule>& rules, const std::vector<TimetableException>& exceptions,
                          LocalDate date, const BusinessZone& zone);

}  // namespace narcisse::domain
