#include "app/fleet.h"

#include "app/settings.h"
#include "domain/errors.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace narcisse::app {

using namespace narcisse::domain;

namespace {

// Bookings are sold on the timetable's departures, never years ahead: this bounds "the future".
constexpr auto kHorizon = std::chrono::days{5 * 366};

void requireFleetManager(StoreReader& r, const std::optional<Uuid>& acting) {
    if (!acting) return;
    const auto all = r.employees();
    const auto e = std::find_if(all.begin(), all.end(), [&](const Employee& x) { return x.id == *acting; });
    if (e == all.end()) throw NotFound("the signed-in employee no longer exists");
    requirePermission(e->role, Action::ManageFleet);
}

Boat boatIn(const std::vector<Boat>& boats, const std::string& nameOrId) {
    const auto id = Uuid::parse(nameOrId);
    for (const auto& b : boats)
        if (b.name == nameOrId || (id && b.id == *id)) return b;
    throw NotFound("there is no boat named \"" + nameOrId + "\"");
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Names are how people, the CLI and closures pick a boat: two boats may not share one, whatever the case.
void requireUniqueName(const std::vector<Boat>& boats, const Boat& boat) {
    for (const auto& b : boats)
        if (b.id != boat.id && lower(b.name) == lower(boat.name))
            throw ValidationError("name", "there is already a boat named \"" + b.name + "\"");
}

Boat fromForm(Boat boat, const BoatForm& form) {
    boat.name = form.name;
    boat.capacity = form.capacity;
    boat.colour = form.colour;
    boat.status = form.status;
    boat.registration = form.registration;
    boat.notes = form.notes;
    return boat;
}

// Seat-holding bookings on `boat` still to leave.
std::vector<Booking> futureBookings(StoreReader& r, const Uuid& boat, Instant now) {
    auto bookings = r.bookingsDeparting(now, now + kHorizon);
    std::erase_if(bookings, [&](const Booking& b) { return b.boatId != boat || !b.holdsSeats(now) || b.departureStart <= now; });
    return bookings;
}

std::string bookingCount(std::size_t n) { return std::to_string(n) + (n == 1 ? " future booking" : " future bookings"); }

std::string statusText(BoatStatus s) {
    switch (s) {
        case BoatStatus::InService: return "in service";
        case BoatStatus::Maintenance: return "maintenance";
        case BoatStatus::Retired: return "retired";
    }
    return "in service";
}

std::string kindText(MaintenanceKind k) {
    std::string s = lower(std::string(toString(k)));
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

std::string money(const Money& m) { return m.plain() + " " + m.currency(); }

}  // namespace

std::vector<FleetBoat> loadFleet(Store& store, LocalDate today) {
    std::vector<FleetBoat> fleet;
    store.read([&](StoreReader& r) {
        std::map<Uuid, std::vector<MaintenanceRecord>> logs;
        for (auto& m : r.maintenanceRecords(std::nullopt)) logs[m.boatId].push_back(std::move(m));
        for (auto& b : r.boats()) {
            FleetBoat f;
            f.maintenance = maintenanceStatus(logs[b.id]);
            f.overdue = f.maintenance.overdue(today);
            f.boat = std::move(b);
            fleet.push_back(std::move(f));
        }
    });
    std::stable_partition(fleet.begin(), fleet.end(),
                          [](const FleetBoat& f) { return f.boat.status != BoatStatus::Retired; });
    return fleet;
}

Boat findBoat(Store& store, const std::string& nameOrId) {
    std::optional<Boat> boat;
    store.read([&](StoreReader& r) { boat = boatIn(r.boats(), nameOrId); });
    return *boat;
}

Boat addBoat(Store& store, const Clock& clock, const BoatForm& form, std::optional<Uuid> employeeId) {
    Boat boat = fromForm(Boat{}, form);
    boat.id = Uuid::generate();
    boat.validate();
    if (boat.status == BoatStatus::Retired) throw ValidationError("status", "a new boat cannot be retired");
    store.write([&](StoreWriter& w) {
        requireFleetManager(w, employeeId);
        const auto boats = w.boats();
        requireUniqueName(boats, boat);
        for (const auto& b : boats) boat.sortOrder = std::max(boat.sortOrder, b.sortOrder + 1);
        w.saveBoat(boat);
        w.appendAudit({Uuid::generate(), clock.now(), employeeId, "boat.add", "boat", boat.id.str(),
                       boat.name + ", " + std::to_string(boat.capacity) + " seats, " + boat.colour +
                           (boat.registration.empty() ? "" : ", registration " + boat.registration)});
    });
    return boat;
}

Boat editBoat(Store& store, const Clock& clock, const Uuid& id, const BoatForm& form, std::optional<Uuid> employeeId) {
    Boat boat;
    store.write([&](StoreWriter& w) {
        requireFleetManager(w, employeeId);
        const auto boats = w.boats();
        const Boat before = boatIn(boats, id.str());
        boat = fromForm(before, form);
        boat.validate();
        requireUniqueName(boats, boat);
        const Instant now = clock.now();
        const auto future = futureBookings(w, boat.id, now);
        if (boat.status != BoatStatus::InService && before.status == BoatStatus::InService && !future.empty())
            throw ConflictError(before.name + " carries " + bookingCount(future.size()) +
                                ": take it out of service (its bookings are moved or cancelled) or move them first");
        if (boat.capacity < before.capacity) {
            const BusinessSettings settings = loadBusinessSettings(w);
            std::map<Instant, int> held;
            for (const auto& b : future) held[b.departureStart] += b.party.seats(settings.babiesTakeSeat);
            const auto over = std::find_if(held.begin(), held.end(), [&](const auto& h) { return h.second > boat.capacity; });
            if (over != held.end()) {
                const BusinessZone zone(settings.timeZone);
                throw ConflictError(before.name + " has " + std::to_string(over->second) + " seats sold on the " +
                                    isoDate(zone.localDate(over->first)) + " " + hhmm(zone.localMinutes(over->first)) +
                                    " departure: its capacity cannot go below that");
            }
        }
        std::string changes;
        auto note = [&](const std::string& what, const std::string& from, const std::string& to) {
            if (from != to)
                changes += (changes.empty() ? "" : ", ") + what + " " + (from.empty() ? "none" : from) + " → " +
                           (to.empty() ? "none" : to);
        };
        note("name", before.name, boat.name);
        note("capacity", std::to_string(before.capacity), std::to_string(boat.capacity));
        note("colour", before.colour, boat.colour);
        note("status", statusText(before.status), statusText(boat.status));
        note("registration", before.registration, boat.registration);
        if (before.notes != boat.notes) changes += (changes.empty() ? "" : ", ") + std::string("notes changed");
        if (changes.empty()) changes = "nothing changed";
        w.saveBoat(boat);
        w.appendAudit({Uuid::generate(), now, employeeId, "boat.edit", "boat", boat.id.str(), boat.name + ": " + changes});
    });
    return boat;
}

Boat retireBoat(Store& store, const Clock& clock, const std::string& nameOrId, std::optional<Uuid> employeeId) {
    Boat boat;
    store.write([&](StoreWriter& w) {
        requireFleetManager(w, employeeId);
        boat = boatIn(w.boats(), nameOrId);
        if (boat.status == BoatStatus::Retired) throw ConflictError(boat.name + " is already retired");
        const Instant now = clock.now();
        if (const auto future = futureBookings(w, boat.id, now); !future.empty())
            throw ConflictError(boat.name + " carries " + bookingCount(future.size()) +
                                ": move them first, or take it out of service first");
        boat.status = BoatStatus::Retired;
        w.saveBoat(boat);
        w.appendAudit({Uuid::generate(), now, employeeId, "boat.retire", "boat", boat.id.str(), boat.name + " retired"});
    });
    return boat;
}

ClosureScope outOfServiceScope(Store& store, const std::string& nameOrId, LocalDate from, std::optional<LocalDate> to,
                               std::optional<Uuid> employeeId) {
    if (!from.ok()) throw ValidationError("from", "is not a date");
    if (to && !to->ok()) throw ValidationError("to", "is not a date");
    if (to && *to < from) throw ValidationError("to", "must not be before the first day");
    ClosureScope scope;
    store.read([&](StoreReader& r) {
        requireFleetManager(r, employeeId);
        const Boat boat = boatIn(r.boats(), nameOrId);
        if (boat.status == BoatStatus::Retired) throw ConflictError(boat.name + " is retired");
        scope.boatName = boat.name;
        scope.date = from;
        // Open-ended: through the last day anything can be sold on, the end of the timetable.
        LocalDate last = from;
        for (const auto& rule : r.timetableRules()) last = std::max(last, rule.validTo);
        scope.lastDate = to.value_or(last);
    });
    return scope;
}

std::vector<MaintenanceLine> listMaintenance(Store& store, const MaintenanceFilter& filter) {
    std::vector<MaintenanceLine> lines;
    store.read([&](StoreReader& r) {
        const auto boats = r.boats();
        std::optional<Uuid> only;
        if (filter.boat) only = boatIn(boats, *filter.boat).id;
        for (auto& m : r.maintenanceRecords(only)) {
            if (filter.kind && m.kind != *filter.kind) continue;
            if (filter.done && m.doneOn.has_value() != *filter.done) continue;
            if (filter.priority && m.priority != *filter.priority) continue;
            const auto boat = std::find_if(boats.begin(), boats.end(), [&](const Boat& b) { return b.id == m.boatId; });
            lines.push_back({std::move(m), boat == boats.end() ? std::string() : boat->name});
        }
    });
    return lines;
}

MaintenanceRecord addMaintenance(Store& store, const Clock& clock, const MaintenanceRequest& request,
                                 std::optional<Uuid> employeeId) {
    MaintenanceRecord record;
    record.id = Uuid::generate();
    record.kind = request.kind;
    record.title = request.title;
    record.description = request.description;
    record.priority = request.priority;
    record.plannedOn = request.plannedOn;
    record.recurEveryDays = request.recurEveryDays;
    record.createdAt = clock.now();
    record.validate();
    store.write([&](StoreWriter& w) {
        requireFleetManager(w, employeeId);
        const Boat boat = boatIn(w.boats(), request.boat);
        record.boatId = boat.id;
        w.saveMaintenanceRecord(record);
        std::string details = kindText(record.kind) + " \"" + record.title + "\" on " + boat.name + " planned " +
                              isoDate(*record.plannedOn);
        if (record.recurEveryDays > 0) details += ", every " + std::to_string(record.recurEveryDays) + " days";
        w.appendAudit({Uuid::generate(), record.createdAt, employeeId, "maintenance.add", "maintenance",
                       record.id.str(), details});
    });
    return record;
}

MaintenanceRecord markMaintenanceDone(Store& store, const Clock& clock, const DoneRequest& request,
                                      std::optional<Uuid> employeeId) {
    if (!request.doneOn.ok()) throw ValidationError("done date", "is not a date");
    if (request.cost && request.cost->cents() < 0) throw ValidationError("cost", "must not be negative");
    MaintenanceRecord record;
    store.write([&](StoreWriter& w) {
        requireFleetManager(w, employeeId);
        const Instant now = clock.now();
        if (BusinessZone(loadBusinessSettings(w).timeZone).localDate(now) < request.doneOn)
            throw ValidationError("done date", "is in the future");
        const auto all = w.maintenanceRecords(std::nullopt);
        const auto it = std::find_if(all.begin(), all.end(), [&](const MaintenanceRecord& m) { return m.id == request.recordId; });
        if (it == all.end()) throw NotFound("there is no maintenance record " + request.recordId.str());
        record = *it;
        if (record.doneOn) throw ConflictError("\"" + record.title + "\" was already done on " + isoDate(*record.doneOn));
        record.doneOn = request.doneOn;
        record.cost = request.cost;
        record.doneBy = request.doneBy;
        record.validate();
        w.saveMaintenanceRecord(record);
        const auto boats = w.boats();
        const auto boat = std::find_if(boats.begin(), boats.end(), [&](const Boat& b) { return b.id == record.boatId; });
        std::string details = kindText(record.kind) + " \"" + record.title + "\" on " +
                              (boat == boats.end() ? record.boatId.str() : boat->name) + " done " +
                              isoDate(*record.doneOn);
        if (!record.doneBy.empty()) details += " by " + record.doneBy;
        if (record.cost) details += ", cost " + money(*record.cost);
        w.appendAudit({Uuid::generate(), now, employeeId, "maintenance.done", "maintenance", record.id.str(), details});
    });
    return record;
}

}  // namespace narcisse::app
