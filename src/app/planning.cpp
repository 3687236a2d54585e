#include "app/planning.h"

#include "app/settings.h"

#include <algorithm>

namespace narcisse::app {

using namespace narcisse::domain;

const Employee* DayPlanning::boatmanOf(const Uuid& boat) const {
    for (const auto& a : crew)
        if (a.boatId == boat)
            for (const auto& e : employees)
                if (e.id == a.employeeId) return &e;
    return nullptr;
}

Money DayPlanning::toCollect(std::size_t i) const {
    const Money owed = bookings[i].total - paid[i];
    return owed.cents() > 0 ? owed : Money::zero(owed.currency());
}

int DayPlanning::seatsHeld() const {
    int n = 0;
    for (const auto& d : departures) n += d.seatsHeld;
    return n;
}

int DayPlanning::seatsTotal() const {
    int n = 0;
    for (const auto& d : departures) n += d.seatsTotal;
    return n;
}

DayPlanning loadDayPlanning(Store& store, LocalDate date, Instant now) {
    DayPlanning p;
    p.date = date;
    p.loadedAt = now;
    std::vector<TimetableRule> rules;
    std::vector<TimetableException> exceptions;
    BusinessSettings settings;
    store.read([&](StoreReader& r) {
        settings = loadBusinessSettings(r);
        const BusinessZone zone(settings.timeZone);
        const Instant dayStart = zone.startOfDay(date);
        const Instant dayEnd = zone.startOfDay(nextDay(date));
        rules = r.timetableRules();
        exceptions = r.timetableExceptions(date, date);
        p.boats = r.boats();
        p.blocks = r.blocksOverlapping(dayStart, dayEnd + std::chrono::hours{12});
        p.bookings = r.bookingsDeparting(dayStart, dayEnd);
        auto paid = r.paidForBookingsDeparting(dayStart, dayEnd);
        std::sort(paid.begin(), paid.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        p.paid.reserve(p.bookings.size());
        for (const auto& b : p.bookings) {
            const auto it = std::lower_bound(paid.begin(), paid.end(), b.id,
                                             [](const std::pair<Uuid, Money>& x, const Uuid& id) { return x.first < id; });
            p.paid.push_back(it != paid.end() && it->first == b.id ? it->second : Money::zero(b.total.currency()));
        }
        p.crew = r.crewOn(date);
        if (!p.crew.empty()) p.employees = r.employees();
    });
    const BusinessZone zone(settings.timeZone);
    p.timeZone = zone.name();
    std::erase_if(p.boats, [](const Boat& b) { return b.status == BoatStatus::Retired; });

    auto day = departuresOn(rules, exceptions, date, zone);
    p.skipped = std::move(day.skipped);
    // Bookings on a departure the timetable no longer has still show (never hide passengers).
    for (const auto& b : p.bookings) {
        const bool known = std::any_of(day.departures.begin(), day.departures.end(),
                                       [&](const Departure& d) { return d.start == b.departureStart; });
        if (!known) day.departures.push_back({b.departureStart, b.departureEnd, zone.localMinutes(b.departureStart)});
    }
    std::sort(day.departures.begin(), day.departures.end(),
              [](const Departure& a, const Departure& b) { return a.start < b.start; });

    // Bookings are sorted by departure: hand each departure its own slice.
    auto first = p.bookings.begin();
    for (const auto& d : day.departures) {
        first = std::lower_bound(first, p.bookings.end(), d.start,
                                 [](const Booking& b, Instant t) { return b.departureStart < t; });
        auto last = std::upper_bound(first, p.bookings.end(), d.start,
                                     [](Instant t, const Booking& b) { return t < b.departureStart; });
        const std::vector<Booking> slice(first, last);
        p.departures.push_back(availability(d, p.boats, p.blocks, slice, now, settings));

        std::vector<std::vector<std::size_t>> row(p.boats.size());
        for (auto it = first; it != last; ++it)
            for (std::size_t bi = 0; bi < p.boats.size(); ++bi)
                if (p.boats[bi].id == it->boatId) row[bi].push_back(static_cast<std::size_t>(it - p.bookings.begin()));
        for (auto& cell : row)
            std::stable_sort(cell.begin(), cell.end(), [&](std::size_t a, std::size_t b) {
                return p.bookings[a].holdsSeats(now) && !p.bookings[b].holdsSeats(now);
            });
        p.cells.push_back(std::move(row));
        first = last;
    }
    std::vector<Uuid> booked;
    for (const auto& b : p.bookings)
        if (b.holdsSeats(now) && std::find(booked.begin(), booked.end(), b.boatId) == booked.end())
            booked.push_back(b.boatId);
    p.crewWarnings = crewWarnings(p.boats, p.employees, p.crew, booked);
    return p;
}

}  // namespace narcisse::app
