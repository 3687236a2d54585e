#include "app/crew.h"

#include "app/settings.h"
#include "domain/errors.h"

#include <algorithm>

namespace narcisse::app {

using namespace narcisse::domain;

namespace {

// Assigning boatmen is part of editing the boat schedule (DESIGN.md §1, third row).
void requireScheduleEditor(StoreReader& r, const std::optional<Uuid>& acting) {
    if (!acting) return;
    const auto all = r.employees();
    const auto e = std::find_if(all.begin(), all.end(), [&](const Employee& x) { return x.id == *acting; });
    if (e == all.end()) throw NotFound("the signed-in employee no longer exists");
    requirePermission(e->role, Action::EditTimetable);
}

Boat findBoat(StoreReader& r, const std::string& nameOrId) {
    const auto id = Uuid::parse(nameOrId);
    for (const auto& b : r.boats())
        if (b.name == nameOrId || (id && b.id == *id)) return b;
    throw NotFound("there is no boat named \"" + nameOrId + "\"");
}

Employee findEmployee(StoreReader& r, const std::string& loginOrId) {
    if (const auto id = Uuid::parse(loginOrId)) {
        for (const auto& e : r.employees())
            if (e.id == *id) return e;
    }
    if (auto e = r.employeeByLogin(loginOrId)) return *e;
    throw NotFound("there is no employee with the login \"" + loginOrId + "\"");
}

}  // namespace

CrewChange assignBoatman(Store& store, const Clock& clock, const CrewRequest& request) {
    if (!request.date.ok()) throw ValidationError("date", "is not a date");
    CrewChange change;
    store.write([&](StoreWriter& w) {
        requireScheduleEditor(w, request.actingEmployeeId);
        const Boat boat = findBoat(w, request.boat);
        const Employee employee = findEmployee(w, request.employee);
        // Off that day or without a valid skipper licence by then: refused with the reason.
        if (auto refusal = crewRefusal(employee, request.date, w.daysOff(request.date, request.date)))
            throw ConflictError(*refusal);
        if (boat.status == BoatStatus::Retired) throw ConflictError(boat.name + " is retired");

        const auto crew = w.crewOn(request.date);
        const auto current = std::find_if(crew.begin(), crew.end(), [&](const CrewAssignment& a) { return a.boatId == boat.id; });
        CrewAssignment assignment{Uuid::generate(), request.date, boat.id, employee.id};
        if (current != crew.end()) {
            if (current->employeeId == employee.id)
                throw ConflictError(employee.name + " is already the boatman of " + boat.name + " on " +
                                    isoDate(request.date));
            if (!request.replace)
                throw ConflictError(boat.name + " already has a boatman on " + isoDate(request.date) +
                                    ": replace them explicitly");
            const auto all = w.employees();
            const auto old = std::find_if(all.begin(), all.end(), [&](const Employee& e) { return e.id == current->employeeId; });
            change.replacedName = old == all.end() ? std::string("an unknown employee") : old->name;
            assignment.id = current->id;   // the boat's row changes hands; its history is the audit log
        }
        w.saveCrewAssignment(assignment);

        auto after = crew;
        std::erase_if(after, [&](const CrewAssignment& a) { return a.boatId == boat.id; });
        after.push_back(assignment);
        for (const auto& warning : crewWarnings(w.boats(), w.employees(), after, {}))
            if (warning.kind == CrewWarning::Kind::TwoBoats && warning.boatId == boat.id)
                change.warnings.push_back(warning.message);

        change.assignment = assignment;
        change.boatName = boat.name;
        change.employeeName = employee.name;
        std::string details = employee.name + " on " + boat.name + " on " + isoDate(request.date);
        if (change.replacedName) details += ", replacing " + *change.replacedName;
        w.appendAudit({Uuid::generate(), clock.now(), request.actingEmployeeId, "crew.assign", "crew_assignment",
                       assignment.id.str(), details});
    });
    return change;
}

CrewChange unassignBoatman(Store& store, const Clock& clock, LocalDate date, const std::string& boatName,
                           std::optional<Uuid> actingEmployeeId) {
    if (!date.ok()) throw ValidationError("date", "is not a date");
    CrewChange change;
    store.write([&](StoreWriter& w) {
        requireScheduleEditor(w, actingEmployeeId);
        const Boat boat = findBoat(w, boatName);
        const auto crew = w.crewOn(date);
        const auto current = std::find_if(crew.begin(), crew.end(), [&](const CrewAssignment& a) { return a.boatId == boat.id; });
        if (current == crew.end()) throw NotFound(boat.name + " has no boatman on " + isoDate(date));
        const auto all = w.employees();
        const auto e = std::find_if(all.begin(), all.end(), [&](const Employee& x) { return x.id == current->employeeId; });
        w.deleteCrewAssignment(current->id);
        change.assignment = *current;
        change.boatName = boat.name;
        change.employeeName = e == all.end() ? std::string("an unknown employee") : e->name;
        w.appendAudit({Uuid::generate(), clock.now(), actingEmployeeId, "crew.unassign", "crew_assignment",
                       current->id.str(), change.employeeName + " off " + boat.name + " on " + isoDate(date)});
    });
    return change;
}

const Employee* CrewDay::boatmanOf(const Uuid& boat) const {
    for (const auto& a : crew)
        if (a.boatId == boat)
            for (const auto& e : employees)
                if (e.id == a.employeeId) return &e;
    return nullptr;
}

CrewDay loadCrewDay(Store& store, LocalDate date, Instant now) {
    CrewDay day;
    day.date = date;
    std::vector<Booking> bookings;
    store.read([&](StoreReader& r) {
        const BusinessZone zone(loadBusinessSettings(r).timeZone);
        day.boats = r.boats();
        day.employees = r.employees();
        day.crew = r.crewOn(date);
        bookings = r.bookingsDeparting(zone.startOfDay(date), zone.startOfDay(nextDay(date)));
    });
    std::erase_if(day.boats, [](const Boat& b) { return b.status == BoatStatus::Retired; });
    for (const auto& e : day.employees)
        if (!crewRefusal(e)) day.boatmen.push_back(e);
    std::vector<Uuid> booked;
    day.bookings.assign(day.boats.size(), 0);
    for (const auto& b : bookings) {
        if (!b.holdsSeats(now)) continue;
        if (std::find(booked.begin(), booked.end(), b.boatId) == booked.end()) booked.push_back(b.boatId);
        for (std::size_t i = 0; i < day.boats.size(); ++i)
            if (day.boats[i].id == b.boatId) ++day.bookings[i];
    }
    day.warnings = crewWarnings(day.boats, day.employees, day.crew, booked);
    return day;
}

}  // namespace narcisse::app
