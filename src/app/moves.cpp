#include "app/moves.h"

#include "app/settings.h"
#include "domain/errors.h"
#include "domain/moves.h"

#include <algorithm>
#include <limits>

namespace narcisse::app {

using namespace narcisse::domain;

namespace {

// The same departure with boat `boatId` roomy enough for any party (and, when `reopen`, open and in
// service): what moveRefusal still says there is not about seats (or not about the boat at all).
DepartureAvailability roomy(DepartureAvailability a, const Uuid& boatId, bool reopen = false) {
    for (auto& load : a.boats)
        if (load.boat.id == boatId) {
            load.held = 0;
            load.boat.capacity = std::numeric_limits<int>::max() / 2;
            if (reopen) {
                load.boat.status = BoatStatus::InService;
                load.closedReason.reset();
            }
        }
    return a;
}

// Refused for lack of seats when the same move onto a roomy, open boat would pass.
[[noreturn]] void refuse(const std::string& reason, const Booking& booking, const DepartureAvailability& target,
                         const Uuid& boatId, Instant now, const BusinessSettings& settings) {
    if (!moveRefusal(booking, roomy(target, boatId), boatId, now, settings)) throw CapacityError(reason);
    throw ConflictError(reason);
}

std::string placeText(const std::vector<Boat>& boats, const Uuid& boatId, Instant start, const BusinessZone& zone) {
    const auto boat = std::find_if(boats.begin(), boats.end(), [&](const Boat& b) { return b.id == boatId; });
    const std::string name = boat == boats.end() ? std::string("an unknown boat") : boat->name;
    return name + " " + isoDate(zone.localDate(start)) + " " + hhmm(zone.localMinutes(start));
}

std::string boatName(const std::vector<Boat>& boats, const Uuid& boatId) {
    const auto boat = std::find_if(boats.begin(), boats.end(), [&](const Boat& b) { return b.id == boatId; });
    return boat == boats.end() ? std::string() : boat->name;
}

}  // namespace

MoveResult moveBooking(Store& store, const Clock& clock, const MoveRequest& request) {
    if (!request.bookingId && !request.ref) throw ValidationError("booking", "say which booking to move");
    if (!request.date.ok()) throw ValidationError("departure", "is not a date");
    MoveResult result;
    store.write([&](StoreWriter& w) {
        const Instant now = clock.now();
        const BusinessSettings settings = loadBusinessSettings(w);
        const BusinessZone zone(settings.timeZone);
        const std::string when = isoDate(request.date) + " " + hhmm(request.time);

        const auto found = request.bookingId ? w.bookingById(*request.bookingId) : w.bookingByRef(*request.ref);
        if (!found)
            throw NotFound(request.ref ? "there is no booking " + request.ref->str() : "that booking no longer exists");
        const std::string ref = found->ref.str();

        std::string who;
        if (request.employeeId) {
            const auto staff = w.employees();
            const auto e = std::find_if(staff.begin(), staff.end(), [&](const Employee& x) { return x.id == *request.employeeId; });
            if (e == staff.end()) throw PermissionDenied("an unknown employee may not move bookings");
            requirePermission(e->role, Action::MoveBooking);
            who = e->name;
        }

        const auto day =
            departuresOn(w.timetableRules(), w.timetableExceptions(request.date, request.date), request.date, zone);
        const auto dep = std::find_if(day.departures.begin(), day.departures.end(),
                                      [&](const Departure& d) { return d.localStart == request.time; });
        if (dep == day.departures.end()) throw ConflictError("there is no departure at " + when);

        // Both departures, earliest first: two moves crossing each other's way never deadlock, and
        // no sale or move can take the seats read below until this transaction ends.
        const Instant source = found->departureStart;
        w.lockDeparture(std::min(source, dep->start));
        if (source != dep->start) w.lockDeparture(std::max(source, dep->start));

        // Read again under the locks: another desk may have moved or cancelled it meanwhile.
        const auto booking = w.bookingById(found->id);
        if (!booking) throw NotFound(ref + " no longer exists");
        if (booking->departureStart != source)
            throw ConflictError(ref + " has just been moved by someone else: reload the planning and try again");

        const auto boats = w.boats();
        const auto blocks = w.blocksOverlapping(dep->start, dep->end);
        // Within one departure the booking is among these, holding its seats on its own boat.
        const auto bookings = w.bookingsDeparting(dep->start, dep->start + std::chrono::seconds{1});
        const auto target = availability(*dep, boats, blocks, bookings, now, settings);
        if (target.boats.empty()) throw ConflictError("there is no boat in service at " + when);

        const int seats = booking->party.seats(settings.babiesTakeSeat);
        const bool sameDeparture = source == dep->start;
        Uuid boatId;
        if (request.boatId) {
            boatId = *request.boatId;
        } else if (request.boatName) {
            const auto load = std::find_if(target.boats.begin(), target.boats.end(),
                                           [&](const BoatLoad& l) { return l.boat.name == *request.boatName; });
            if (load == target.boats.end()) throw ConflictError("there is no boat named \"" + *request.boatName + "\"");
            boatId = load->boat.id;
        } else {
            // The best fit among the other boats: staying put is not a move.
            const BoatLoad* best = nullptr;
            for (const auto& load : target.boats) {
                if (sameDeparture && load.boat.id == booking->boatId) continue;
                if (!load.offered() || load.free() < seats) continue;
                if (!best || load.free() < best->free()) best = &load;
            }
            if (!best) {
                const auto other = std::find_if(target.boats.begin(), target.boats.end(), [&](const BoatLoad& l) {
                    return !sameDeparture || l.boat.id != booking->boatId;
                });
                const Uuid probe = other == target.boats.end() ? target.boats.front().boat.id : other->boat.id;
                if (auto why = moveRefusal(*booking, roomy(target, probe, true), probe, now, settings))
                    throw ConflictError(*why);
                if (target.closedReason) throw ConflictError("the departure at " + when + " is closed: " + *target.closedReason);
                int largest = 0;
                for (const auto& load : target.boats)
                    if (!sameDeparture || load.boat.id != booking->boatId) largest = std::max(largest, load.free());
                throw CapacityError("no boat has room for " + ref + " at " + when + ": the party needs " +
                                    std::to_string(seats) + ", the emptiest boat has " + std::to_string(largest) +
                                    " free");
            }
            boatId = best->boat.id;
        }
        if (auto why = moveRefusal(*booking, target, boatId, now, settings))
            refuse(*why, *booking, target, boatId, now, settings);

        w.moveBooking(booking->id, boatId, dep->start, dep->end);
        Booking after = *booking;
        after.boatId = boatId;
        after.departureStart = dep->start;
        after.departureEnd = dep->end;

        result.fromBoat = boatName(boats, booking->boatId);
        result.toBoat = boatName(boats, boatId);
        result.fromText = placeText(boats, booking->boatId, booking->departureStart, zone);
        result.toText = placeText(boats, boatId, dep->start, zone);
        result.fromDate = zone.localDate(booking->departureStart);
        result.fromTime = zone.localMinutes(booking->departureStart);
        result.toDate = request.date;
        result.toTime = dep->localStart;
        w.appendAudit({Uuid::generate(), now, request.employeeId, "booking.move", "booking", booking->id.str(),
                       ref + " " + booking->party.summary() + " from " + result.fromText + " to " + result.toText +
                           (who.empty() ? "" : " by " + who)});
        result.before = *booking;
        result.after = after;
    });
    return result;
}

}  // namespace narcisse::app
