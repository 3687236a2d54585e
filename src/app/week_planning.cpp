#include "app/week_planning.h"

#include "app/settings.h"

#include <algorithm>

namespace narcisse::app {

using namespace narcisse::domain;

LocalDate mondayOf(LocalDate date) {
    return LocalDate{date::sys_days{date} - date::days{isoWeekday(date) - 1}};
}

WeekPlanning loadWeekPlanning(Store& store, LocalDate anyDayOfWeek, Instant now) {
    WeekPlanning w;
    w.monday = mondayOf(anyDayOfWeek);
    w.loadedAt = now;
    const LocalDate sunday{date::sys_days{w.monday} + date::days{6}};

    // One read for the whole week: a week is a few hundred bookings, far cheaper than seven reads.
    BusinessSettings settings;
    std::vector<TimetableRule> rules;
    std::vector<TimetableException> exceptions;
    std::vector<Boat> boats;
    std::vector<Block> blocks;
    std::vector<Booking> bookings;
    store.read([&](StoreReader& r) {
        settings = loadBusinessSettings(r);
        const BusinessZone zone(settings.timeZone);
        const Instant from = zone.startOfDay(w.monday);
        const Instant to = zone.startOfDay(nextDay(sunday));
        rules = r.timetableRules();
        exceptions = r.timetableExceptions(w.monday, sunday);
        boats = r.boats();
        blocks = r.blocksOverlapping(from, to + std::chrono::hours{12});
        bookings = r.bookingsDeparting(from, to);
    });
    const BusinessZone zone(settings.timeZone);
    w.timeZone = zone.name();
    std::erase_if(boats, [](const Boat& b) { return b.status == BoatStatus::Retired; });

    // Each day's departures, as the day planning finds them.
    std::array<std::vector<Departure>, 7> days;
    LocalDate date = w.monday;
    for (std::size_t i = 0; i < 7; ++i, date = nextDay(date)) {
        w.days[i].date = date;
        auto day = departuresOn(rules, exceptions, date, zone);
        w.days[i].skipped = std::move(day.skipped);
        days[i] = std::move(day.departures);
    }
    for (const auto& b : bookings) {
        auto& departures = days[static_cast<std::size_t>(isoWeekday(zone.localDate(b.departureStart)) - 1)];
        const bool known = std::any_of(departures.begin(), departures.end(),
                                       [&](const Departure& d) { return d.start == b.departureStart; });
        if (!known) departures.push_back({b.departureStart, b.departureEnd, zone.localMinutes(b.departureStart)});
    }
    for (const auto& departures : days)
        for (const auto& d : departures) w.times.push_back(d.localStart);
    std::sort(w.times.begin(), w.times.end());
    w.times.erase(std::unique(w.times.begin(), w.times.end()), w.times.end());

    for (std::size_t i = 0; i < 7; ++i) {
        WeekDay& day = w.days[i];
        day.cells.assign(w.times.size(), WeekCell{});
        day.revenue = Money::zero();
        for (const auto& d : days[i]) {
            // Bookings are sorted by departure: hand availability() only its own slice.
            auto first = std::lower_bound(bookings.begin(), bookings.end(), d.start,
                                          [](const Booking& b, Instant t) { return b.departureStart < t; });
            auto last = std::upper_bound(first, bookings.end(), d.start,
                                         [](Instant t, const Booking& b) { return t < b.departureStart; });
            const std::vector<Booking> slice(first, last);
            const DepartureAvailability a = availability(d, boats, blocks, slice, now, settings);
            const auto column = std::lower_bound(w.times.begin(), w.times.end(), d.localStart) - w.times.begin();
            WeekCell& cell = day.cells[static_cast<std::size_t>(column)];
            // A fall-back day could repeat a wall time; the cell then sums both departures.
            cell.exists = true;
            cell.held += a.seatsHeld;
            cell.offered += a.seatsTotal;
            if (a.closedReason) cell.closedReason = a.closedReason;
            day.seatsHeld += a.seatsHeld;
            day.seatsOffered += a.seatsTotal;
            for (const auto& b : slice) {
                if (!b.holdsSeats(now)) continue;
                day.passengers += b.party.people();
                day.bookings += 1;
                day.revenue += b.total;
            }
        }
    }
    return w;
}

}  // namespace narcisse::app
