#include "app/day_sheet.h"

#include "app/planning.h"
#include "app/settings.h"
#include "domain/errors.h"

#include <unordered_map>

namespace narcisse::app {

using namespace narcisse::domain;

namespace {
// Printed when the settings name no business: the sheet still says whose boats these are.
constexpr const char* kDefaultBusinessName = "Sweet Narcisse";
}  // namespace

reports::DaySheet buildDaySheet(Store& store, LocalDate date, Instant now) {
    if (!date.ok()) throw ValidationError("date", "is not a date");
    const DayPlanning planning = loadDayPlanning(store, date, now);

    // Only what goes on board: bookings that hold their seats (cancelled and expired ones stay ashore).
    std::vector<const Booking*> aboard;
    for (const auto& b : planning.bookings)
        if (b.holdsSeats(now)) aboard.push_back(&b);

    std::unordered_map<Uuid, Money> paid;
    std::optional<std::string> businessName;
    store.read([&](StoreReader& r) {
        businessName = r.setting(setting_keys::kBusinessName);
        for (const Booking* b : aboard) {
            Money sum = Money::zero(b->total.currency());
            for (const auto& p : r.paymentsOfBooking(b->id))
                if (p.status == PaymentStatus::Succeeded) sum += p.amount;
            paid.emplace(b->id, sum);
        }
    });

    const BusinessZone zone(planning.timeZone);
    reports::DaySheet sheet;
    sheet.date = date;
    sheet.businessName = businessName && !businessName->empty() ? *businessName : kDefaultBusinessName;
    sheet.printedAt = zone.format(now, "%Y-%m-%d %H:%M");
    for (std::size_t row = 0; row < planning.boats.size(); ++row) {
        const Boat& boat = planning.boats[row];
        reports::DaySheetBoat out;
        out.name = boat.name;
        out.capacity = boat.capacity;
        if (const Employee* e = planning.boatmanOf(boat.id)) out.boatman = e->name;
        for (std::size_t d = 0; d < planning.departures.size(); ++d) {
            reports::DaySheetDeparture dep;
            dep.time = planning.departures[d].departure.localStart;
            for (std::size_t index : planning.cells[d][row]) {
                const Booking& b = planning.bookings[index];
                if (!b.holdsSeats(now)) continue;
                const Money settled = paid.at(b.id);
                reports::DaySheetBooking line;
                line.reference = b.ref.str();
                line.name = b.customerName;
                line.party = b.party.summary();
                line.passengers = b.party.people();
                line.language = b.language;
                line.toCollect = settled >= b.total ? Money::zero(b.total.currency()) : b.total - settled;
                line.notes = b.notes;
                dep.bookings.push_back(std::move(line));
            }
            if (!dep.bookings.empty()) out.departures.push_back(std::move(dep));
        }
        sheet.boats.push_back(std::move(out));
    }
    return sheet;
}

reports::DaySheetResult writeDaySheet(Store& store, LocalDate date, const std::string& path, Instant now) {
    if (path.empty()) throw ValidationError("output", "a file name is required");
    return reports::writeDaySheet(buildDaySheet(store, date, now), path);
}

}  // namespace narcisse::app
