#include "domain/timetable.h"

#include "domain/errors.h"

#include <algorithm>

namespace narcisse::domain {

bool TimetableRule::appliesTo(LocalDate date) const {
    if (date < validFrom || date > validTo) return false;
    return (weekdays >> (isoWeekday(date) - 1)) & 1;
}

void TimetableRule::validate() const {
    if (!validFrom.ok()) throw ValidationError("valid from", "is not a date");
    if (!validTo.ok()) throw ValidationError("valid to", "is not a date");
    if (validTo < validFrom) throw ValidationError("valid to", "must not be before valid from");
    if ((weekdays & 0x7F) == 0) throw ValidationError("weekdays", "at least one weekday is required");
    if (firstDeparture < Minutes{0} || firstDeparture >= Minutes{24 * 60})
        throw ValidationError("first departure", "must be a time of day");
    if (lastDeparture < firstDeparture || lastDeparture >= Minutes{24 * 60})
        throw ValidationError("last departure", "must be a time of day not before the first departure");
    if (interval < Minutes{5} || interval > Minutes{24 * 60})
        throw ValidationError("interval", "must be between 5 minutes and 24 hours");
    if (rideDuration < Minutes{5} || rideDuration > Minutes{8 * 60})
        throw ValidationError("ride duration", "must be between 5 minutes and 8 hours");
}

void TimetableException::validate() const {
    if (!date.ok()) throw ValidationError("date", "is not a date");
    if (time < Minutes{0} || time >= Minutes{24 * 60}) throw ValidationError("time", "must be a time of day");
    if (kind == Kind::Extra && (rideDuration < Minutes{5} || rideDuration > Minutes{8 * 60}))
        throw ValidationError("ride duration", "must be between 5 minutes and 8 hours");
}

std::string_view toString(TimetableException::Kind k) {
    return k == TimetableException::Kind::Extra ? "EXTRA" : "CANCELLED";
}

std::optional<TimetableException::Kind> parseExceptionKind(std::string_view s) {
    if (s == "EXTRA") return TimetableException::Kind::Extra;
    if (s == "CANCELLED") return TimetableException::Kind::Cancelled;
    return std::nullopt;
}

DayTimetable departuresOn(const std::vector<TimetableRule>& rules, const std::vector<TimetableException>& exceptions,
                          LocalDate date, const BusinessZone& zone) {
    DayTimetable day = departuresOn(rules, date, zone);
    for (const auto& e : exceptions) {
        if (e.date != date) continue;
        if (e.kind == TimetableException::Kind::Cancelled) {
            std::erase_if(day.departures, [&](const Departure& d) { return d.localStart == e.time; });
            continue;
        }
        const auto resolved = zone.resolve(date, e.time);
        if (resolved.kind == WallTimeKind::Nonexistent) {
            day.skipped.push_back({e.time, hhmm(e.time) + " does not exist on " + isoDate(date) + " (clocks go forward)"});
            continue;
        }
        const bool known = std::any_of(day.departures.begin(), day.departures.end(),
                                       [&](const Departure& d) { return d.start == resolved.instant; });
        if (!known) day.departures.push_back({resolved.instant, resolved.instant + e.rideDuration, e.time});
    }
    std::stable_sort(day.departures.begin(), day.departures.end(),
                     [](const Departure& a, const Departure& b) { return a.start < b.start; });
    return day;
}

DayTimetable departuresOn(const std::vector<TimetableRule>& rules, LocalDate date, const BusinessZone& zone) {
    DayTimetable day;
    for (const auto& rule : rules) {
        if (!rule.appliesTo(date)) continue;
        for (Minutes m = rule.firstDeparture; m <= rule.lastDeparture; m += rule.interval) {
            const auto resolved = zone.resolve(date, m);
            if (resolved.kind == WallTimeKind::Nonexistent) {
                day.skipped.push_back({m, hhmm(m) + " does not exist on " + isoDate(date) + " (clocks go forward)"});
                continue;
            }
            day.departures.push_back({resolved.instant, resolved.instant + rule.rideDuration, m});
        }
    }
    // Stable: when two rules give the same start, the first rule's ride duration is kept.
    std::stable_sort(day.departures.begin(), day.departures.end(),
                     [](const Departure& a, const Departure& b) { return a.start < b.start; });
    day.departures.erase(std::unique(day.departures.begin(), day.departures.end(),
                                     [](const Departure& a, const Departure& b) { return a.start == b.start; }),
                         day.departures.end());
    std::sort(day.skipped.begin(), day.skipped.end(),
              [](const SkippedDeparture& a, const SkippedDeparture& b) { return a.localStart < b.localStart; });
    day.skipped.erase(std::unique(day.skipped.begin(), day.skipped.end(),
                                  [](const SkippedDeparture& a, const SkippedDeparture& b) {
                                      return a.localStart == b.localStart;
                                  }),
                      day.skipped.end());
    return day;
}

}  // namespace narcisse::domain
