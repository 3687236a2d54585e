// The day planning: boats × departures of one local date, with the bookings and closures.
#pragma once

#include "domain/availability.h"
#include "domain/store.h"

#include <vector>

namespace narcisse::app {

struct DayPlanning {
    domain::LocalDate date;
    std::string timeZone;
    std::vector<domain::Boat> boats;                         // the rows: every boat not retired
    std::vector<domain::DepartureAvailability> departures;   // the columns; each .boats[i] is row i
    std::vector<domain::SkippedDeparture> skipped;           // wall times that do not exist that day
    std::vector<domain::Block> blocks;                       // closures touching the day
    std::vector<domain::Booking> bookings;                   // every booking of the day, any state
    std::vector<domain::Money> paid;                         // paid[i]: what booking i has paid so far
    std::vector<domain::CrewAssignment> crew;                // the boatmen of the day, by boat
    std::vector<domain::Employee> employees;                 // to name them
    std::vector<domain::CrewWarning> crewWarnings;           // boats booked without a boatman, …
    // cells[d][b]: indexes into `bookings` of departure d on row b (seat-holding ones first)
    std::vector<std::vector<std::vector<std::size_t>>> cells;
    domain::Instant loadedAt;

    // The boatman of row `boat` that day, if any.
    const domain::Employee* boatmanOf(const domain::Uuid& boat) const;
    // What booking i still owes (0 when paid in full, never negative).
    domain::Money toCollect(std::size_t i) const;
    int seatsHeld() const;     // over the whole day
    int seatsTotal() const;
};

DayPlanning loadDayPlanning(domain::Store& store, domain::LocalDate date, domain::Instant now);

}  // namespace narcisse::app
