#include "domain/availability.h"

#include <algorithm>

namespace narcisse::domain {

DepartureAvailability availability(const Departure& departure, const std::vector<Boat>& boats,
                                   const std::vector<Block>& blocks, const std::vector<Booking>& bookings,
                                   Instant now, const BusinessSettings& settings) {
    DepartureAvailability a;
    a.departure = departure;
    for (const auto& boat : boats) {
        if (boat.status == BoatStatus::Retired) continue;
        BoatLoad load{boat, 0, std::nullopt};
        for (const auto& block : blocks)
            if (block.covers(boat.id, departure.start, departure.end)) {
                load.closedReason = block.reason;
                break;
            }
        for (const auto& b : bookings)
            if (b.boatId == boat.id && b.departureStart == departure.start && b.holdsSeats(now))
                load.held += b.party.seats(settings.babiesTakeSeat);
        a.seatsHeld += load.held;
        if (load.offered()) a.seatsTotal += boat.capacity;
        a.seatsFree += load.free();
        a.boats.push_back(std::move(load));
    }
    // The departure is closed when closures take every boat in service off it (boats in
    // maintenance do not keep it open).
    const BoatLoad* firstClosed = nullptr;
    bool anyOpen = false;
    for (const auto& l : a.boats) {
        if (l.boat.status != BoatStatus::InService) continue;
        if (!l.closedReason) anyOpen = true;
        else if (!firstClosed) firstClosed = &l;
    }
    if (!anyOpen && firstClosed) a.closedReason = firstClosed->closedReason;
    return a;
}

std::optional<Uuid> bestBoat(const DepartureAvailability& a, int seats) {
    const BoatLoad* best = nullptr;
    for (const auto& load : a.boats)
        if (load.offered() && load.free() >= seats && (!best || load.free() < best->free())) best = &load;
    if (!best) return std::nullopt;
    return best->boat.id;
}

}  // namespace narcisse::domain
