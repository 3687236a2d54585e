// Moving a booking to another boat or departure, and the departures proposed to passengers whose
// departure closes (DESIGN.md §4: nothing silently overbooks a boat).
#pragma once

#include "domain/availability.h"

#include <optional>
#include <string>
#include <vector>

namespace narcisse::domain {

// Why `booking` may not move to boat `boatId` of the departure described by `target` at `now`, or
// nothing when it may. `target` is the availability read with the booking still where it is: when
// the booking already sits on that departure its own seats count as free for the move.
std::optional<std::string> moveRefusal(const Booking& booking, const DepartureAvailability& target, const Uuid& boatId,
                                       Instant now, const BusinessSettings& settings);

struct DepartureProposal {
    Departure departure;
    Uuid boatId;               // the best-fitting boat with room
    std::string boatName;
    int freeSeatsBefore = 0;   // on that boat, before the party sits down
};

// Departures with room for the booking's party, never a past or closed one nor the boat it is on:
// its own departure on another boat first (when one boat is closed), then the rest of its day, then
// other days, each nearest in time first. At most `limit`.
std::vector<DepartureProposal> nearestDepartures(const Booking& booking,
                                                 const std::vector<DepartureAvailability>& candidates,
                                                 const BusinessZone& zone, Instant now,
                                                 const BusinessSettings& settings, std::size_t limit = 3);

}  // namespace narcisse::domain
