// The week planning: seven days (Monday first) × the departure times of the week, with the seats
// held and offered on each, and what each day brings in. The Week view draws it as a heat map.
#pragma once

#include "domain/availability.h"
#include "domain/store.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace narcisse::app {

struct WeekCell {
    bool exists = false;                       // the day has a departure at that time
    int held = 0;                              // seats held on every boat
    int offered = 0;                           // capacity of the boats offered (in service, not closed)
    std::optional<std::string> closedReason;   // every boat is closed at that time
};

struct WeekDay {
    domain::LocalDate date;
    std::vector<WeekCell> cells;               // one per WeekPlanning::times
    int passengers = 0;                        // people on seat-holding bookings, babies included
    int bookings = 0;                          // seat-holding bookings
    domain::Money revenue;                     // their totals
    int seatsHeld = 0;
    int seatsOffered = 0;
    std::vector<domain::SkippedDeparture> skipped;   // wall times that do not exist that day
};

struct WeekPlanning {
    domain::LocalDate monday;
    std::string timeZone;
    std::vector<domain::Minutes> times;        // the union of the week's departure wall times, sorted
    std::array<WeekDay, 7> days;               // Monday … Sunday
    domain::Instant loadedAt;
};

// The Monday of the ISO week holding `date`.
domain::LocalDate mondayOf(domain::LocalDate date);

// The week holding `anyDayOfWeek`, read in one transaction. Counts follow the day planning: seats as
// domain::availability computes them (closures respected), bookings on a departure the timetable
// no longer has still counted at their own time.
WeekPlanning loadWeekPlanning(domain::Store& store, domain::LocalDate anyDayOfWeek, domain::Instant now);

}  // namespace narcisse::app
