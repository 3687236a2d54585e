#include "app/sales.h"

#include "app/desk.h"
#include "app/settings.h"
#include "domain/errors.h"

#include <algorithm>

namespace narcisse::app {

using namespace narcisse::domain;

SaleResult sellRide(Store& store, const Clock& clock, const SaleRequest& request) {
    if (!request.payment) {
        SaleResult result;
        store.write([&](StoreWriter& w) { result = placeBooking(w, clock, request, false, "pending"); });
        return result;
    }
    // Money taken at the desk: the desk sale records, seals and receipts it.
    DeskSaleRequest desk;
    desk.sale = request;
    desk.tenders = {Tender{*request.payment, Money::zero(), Money::zero(), ""}};
    return sellAtDesk(store, clock, desk).sale;
}

namespace {

// For a party no boat of its departure can seat: the other departures of that day that can take it
// whole on one boat (the first few), or how to split it, so the desk knows what to offer.
std::string wholePartyElsewhere(StoreReader& r, const DayTimetable& day, const Departure& asked, int seats, Instant now,
                                const BusinessSettings& settings) {
    std::vector<const Departure*> ahead;
    for (const auto& d : day.departures)
        if (d.start > now && d.start != asked.start) ahead.push_back(&d);
    std::vector<std::string> fits;
    if (!ahead.empty()) {
        const auto boats = r.boats();
        const auto blocks = r.blocksOverlapping(ahead.front()->start, ahead.back()->end);
        const auto bookings = r.bookingsDeparting(ahead.front()->start, ahead.back()->start + std::chrono::seconds{1});
        for (const Departure* d : ahead) {
            const auto a = availability(*d, boats, blocks, bookings, now, settings);
            if (a.closedReason || !bestBoat(a, seats)) continue;
            fits.push_back(hhmm(d->localStart));
            if (fits.size() == 4) break;
        }
    }
    if (fits.empty())
        return "; no departure that day takes " + std::to_string(seats) + " on one boat: sell the group as several parties";
    std::string text = "; the whole party fits at ";
    for (std::size_t i = 0; i < fits.size(); ++i) text += (i ? ", " : "") + fits[i];
    return text + " (or sell the group as several parties)";
}

}  // namespace

SaleResult placeBooking(StoreWriter& w, const Clock& clock, const SaleRequest& request, bool confirmed,
                        const std::string& paymentNote) {
    request.party.validate();
    if (!request.date.ok()) throw ValidationError("departure", "is not a date");
    SaleResult result;
    {
        const Instant now = clock.now();
        const BusinessSettings settings = loadBusinessSettings(w);
        const BusinessZone zone(settings.timeZone);
        const std::string when = isoDate(request.date) + " " + hhmm(request.time);

        const auto day =
            departuresOn(w.timetableRules(), w.timetableExceptions(request.date, request.date), request.date, zone);
        const auto dep = std::find_if(day.departures.begin(), day.departures.end(),
                                      [&](const Departure& d) { return d.localStart == request.time; });
        if (dep == day.departures.end()) throw ConflictError("there is no departure at " + when);
        if (dep->start <= now) throw ConflictError("the departure at " + when + " has already left");

        // Everything below reads after the lock: no other desk can sell these seats meanwhile, and a
        // timetable change that removes this departure (it takes the same lock) has either landed
        // already — then the departure is gone from a fresh read — or waits for this sale.
        w.lockDeparture(dep->start);
        const auto fresh =
            departuresOn(w.timetableRules(), w.timetableExceptions(request.date, request.date), request.date, zone);
        if (std::none_of(fresh.departures.begin(), fresh.departures.end(),
                         [&](const Departure& d) { return d.start == dep->start; }))
            throw ConflictError("there is no departure at " + when);
        const auto boats = w.boats();
        const auto blocks = w.blocksOverlapping(dep->start, dep->end);
        const auto bookings = w.bookingsDeparting(dep->start, dep->start + std::chrono::seconds{1});
        const auto avail = availability(*dep, boats, blocks, bookings, now, settings);
        if (avail.closedReason) throw ConflictError("the departure at " + when + " is closed: " + *avail.closedReason);

        const int seats = request.party.seats(settings.babiesTakeSeat);
        std::optional<Uuid> boatId;
        if (request.boatName) {
            const auto load = std::find_if(avail.boats.begin(), avail.boats.end(),
                                           [&](const BoatLoad& l) { return l.boat.name == *request.boatName; });
            if (load == avail.boats.end()) throw ConflictError("there is no boat named \"" + *request.boatName + "\"");
            if (load->closedReason)
                throw ConflictError(load->boat.name + " is closed at " + when + ": " + *load->closedReason);
            if (!load->offered()) throw ConflictError(load->boat.name + " is not in service");
            if (load->free() < seats)
                throw CapacityError(load->boat.name + " is full at " + when + ": " + std::to_string(load->free()) +
                                    " seats free, the party needs " + std::to_string(seats));
            boatId = load->boat.id;
        } else {
            boatId = bestBoat(avail, seats);
            if (!boatId) {
                const int largest = avail.boats.empty() ? 0
                                                        : std::max_element(avail.boats.begin(), avail.boats.end(),
                                                                           [](const BoatLoad& a, const BoatLoad& b) {
                                                                               return a.free() < b.free();
                                                                           })->free();
                throw CapacityError("the departure at " + when + " is full for this party: " + std::to_string(seats) +
                                    " seats needed, " + std::to_string(largest) + " free on the emptiest boat" +
                                    wholePartyElsewhere(w, fresh, *dep, seats, now, settings));
            }
        }

        const Quote quote = quoteParty(priceListOn(w.priceLists(), request.date), request.party);
        Booking b;
        b.id = Uuid::generate();
        b.ref = PublicRef::random();
        b.boatId = *boatId;
        b.departureStart = dep->start;
        b.departureEnd = dep->end;
        b.party = request.party;
        b.language = request.customer ? request.customer->language : request.language;
        b.channel = request.channel;
        b.total = quote.total;
        b.createdAt = now;
        if (request.customer && !request.customer->name.empty()) {
            w.saveCustomer(*request.customer);
            b.customerId = request.customer->id;
            b.customerName = request.customer->name;
        }
        if (confirmed) {
            b.state = BookingState::Confirmed;
        } else {
            b.state = BookingState::Pending;
            b.expiresAt = now + std::chrono::minutes{settings.pendingExpiryMinutes};
        }
        // A reference is 35 random bits: a clash is rare, and a fresh one resolves it.
        for (int attempt = 0;; ++attempt) {
            try {
                w.insertBooking(b);
                break;
            } catch (const ConflictError&) {
                if (attempt == 3) throw;
                b.ref = PublicRef::random();
            }
        }
        const auto boat = std::find_if(boats.begin(), boats.end(), [&](const Boat& x) { return x.id == b.boatId; });
        result.boatName = boat->name;
        w.appendAudit({Uuid::generate(), now, request.employeeId, "booking.sell", "booking", b.id.str(),
                       b.ref.str() + " " + b.party.summary() + " on " + boat->name + " at " + when + ", " +
                           b.total.plain() + " " + b.total.currency() + " " + paymentNote});
        result.booking = b;
        result.quote = quote;
    }
    return result;
}

}  // namespace narcisse::app
