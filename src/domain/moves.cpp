#include "domain/moves.h"

#include <algorithm>
#include <cstdlib>

namespace narcisse::domain {

std::optional<std::string> moveRefusal(const Booking& booking, const DepartureAvailability& target, const Uuid& boatId,
                                       Instant now, const BusinessSettings& settings) {
    const std::string ref = booking.ref.str();
    if (booking.state != BookingState::Confirmed && booking.state != BookingState::Pending)
        return ref + " is " + std::string(toString(booking.state)) + ": only pending or confirmed bookings move";
    if (!booking.holdsSeats(now)) return ref + " has expired: it holds no seats to move";
    if (booking.departureStart <= now) return ref + "'s departure has already left";
    if (target.departure.start <= now) return "the target departure has already left";
    const auto load = std::find_if(target.boats.begin(), target.boats.end(),
                                   [&](const BoatLoad& l) { return l.boat.id == boatId; });
    if (load == target.boats.end()) return "that boat is not in the fleet";
    if (load->closedReason) return load->boat.name + " is closed then: " + *load->closedReason;
    if (load->boat.status != BoatStatus::InService) return load->boat.name + " is not in service";
    const bool samePlace = booking.boatId == boatId && booking.departureStart == target.departure.start;
    if (samePlace) return ref + " is already on " + load->boat.name + " at that departure";
    const int seats = booking.party.seats(settings.babiesTakeSeat);
    // Moving between boats of the same departure: the booking's seats are on the other boat, so
    // this boat's free seats are exactly what it offers.
    const int free = load->free();
    if (free < seats)
        return load->boat.name + " has " + std::to_string(free) + " free seat" + (free == 1 ? "" : "s") +
               ", the party needs " + std::to_string(seats);
    return std::nullopt;
}

std::vector<DepartureProposal> nearestDepartures(const Booking& booking,
                                                 const std::vector<DepartureAvailability>& candidates,
                                                 const BusinessZone& zone, Instant now,
                                                 const BusinessSettings& settings, std::size_t limit) {
    const int seats = booking.party.seats(settings.babiesTakeSeat);
    const LocalDate day = zone.localDate(booking.departureStart);
    struct Ranked {
        DepartureProposal proposal;
        bool sameDay;
        long long distance;
    };
    std::vector<Ranked> ranked;
    for (const auto& a : candidates) {
        if (a.departure.start <= now || a.closedReason) continue;
        // Its own departure is the best proposal when another boat of it has room (one boat closed
        // or out of service); the boat the party is on is never proposed.
        const bool ownDeparture = a.departure.start == booking.departureStart;
        DepartureAvailability others = a;
        if (ownDeparture)
            std::erase_if(others.boats, [&](const BoatLoad& l) { return l.boat.id == booking.boatId; });
        const auto boat = bestBoat(ownDeparture ? others : a, seats);
        if (!boat) continue;
        const auto load = std::find_if(a.boats.begin(), a.boats.end(), [&](const BoatLoad& l) { return l.boat.id == *boat; });
        const long long distance = std::llabs((a.departure.start - booking.departureStart).count());
        const bool sameDay = zone.localDate(a.departure.start) == day;
        ranked.push_back({{a.departure, *boat, load->boat.name, load->free()}, sameDay, distance});
    }
    // Same day first, then other days; each by closeness in time, the earlier winning a tie.
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        if (a.sameDay != b.sameDay) return a.sameDay;
        if (a.distance != b.distance) return a.distance < b.distance;
        return a.proposal.departure.start < b.proposal.departure.start;
    });
    std::vector<DepartureProposal> out;
    for (const auto& r : ranked) {
        if (out.size() == limit) break;
        out.push_back(r.proposal);
    }
    return out;
}

}  // namespace narcisse::domain
