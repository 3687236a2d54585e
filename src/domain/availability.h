// Seats on a departure: boats in service and not closed, minus the seats bookings hold; and the
// boat that fits a party best.
#pragma once

#include "domain/booking.h"
#include "domain/closure.h"
#include "domain/fleet.h"
#include "domain/timetable.h"

#include <optional>
#include <vector>

namespace narcisse::domain {

struct BusinessSettings {
    std::string timeZone = "Europe/Paris";
    bool babiesTakeSeat = true;
    int pendingExpiryMinutes = 30;
};

struct BoatLoad {
    Boat boat;
    int held = 0;                              // seats held by bookings on this boat
    std::optional<std::string> closedReason;   // a closure covers it
    bool offered() const { return boat.status == BoatStatus::InService && !closedReason; }
    int free() const { return offered() ? std::max(0, boat.capacity - held) : 0; }
};

struct DepartureAvailability {
    Departure departure;
    std::vector<BoatLoad> boats;               // every boat not retired, in the fleet's order
    int seatsTotal = 0;                        // capacity of the boats offered
    int seatsHeld = 0;                         // seats held on every boat
    int seatsFree = 0;                         // free seats on the boats offered
    std::optional<std::string> closedReason;   // every boat is closed
};

// `bookings` may contain other departures' bookings: only those starting at the departure count.
DepartureAvailability availability(const Departure& departure, const std::vector<Boat>& boats,
                                   const std::vector<Block>& blocks, const std::vector<Booking>& bookings,
                                   Instant now, const BusinessSettings& settings);

// The offered boat with the fewest free seats that still seats the whole party.
std::optional<Uuid> bestBoat(const DepartureAvailability& a, int seats);

}  // namespace narcisse::domain
