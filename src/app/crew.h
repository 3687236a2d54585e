// Crew use cases: who rows which boat on a day. Each change is one write transaction with one
// audit entry; the CLI and the crew dialog share them.
#pragma once

#include "domain/store.h"

#include <optional>
#include <string>
#include <vector>

namespace narcisse::app {

struct CrewRequest {
    domain::LocalDate date;
    std::string boat;                            // a boat's name or id
    std::string employee;                        // an employee's login or id
    // The store refuses a second boatman on a boat: replacing the one already there must be asked for.
    bool replace = false;
    std::optional<domain::Uuid> actingEmployeeId;   // who makes the change (audit, permission)
};

struct CrewChange {
    domain::CrewAssignment assignment;
    std::string boatName;
    std::string employeeName;
    std::optional<std::string> replacedName;     // the boatman this change took off the boat
    std::vector<std::string> warnings;           // "Lucas Fischer is on Ill and on Lauch at once"
};

// Throws NotFound (no such boat or employee), ConflictError with domain::crewRefusal's sentence
// (not an active staff member), ConflictError when the boat already has a boatman and `replace` is
// false, PermissionDenied when the acting employee may not edit the schedule.
CrewChange assignBoatman(domain::Store& store, const domain::Clock& clock, const CrewRequest& request);

// Takes the boatman off `boat` on `date`. Throws NotFound when the boat has no boatman that day.
CrewChange unassignBoatman(domain::Store& store, const domain::Clock& clock, domain::LocalDate date,
                           const std::string& boat, std::optional<domain::Uuid> actingEmployeeId);

// What the crew dialog shows for a day.
struct CrewDay {
    domain::LocalDate date;
    std::vector<domain::Boat> boats;                 // not retired, in planning order
    std::vector<domain::Employee> boatmen;           // active staff members, by name
    std::vector<domain::Employee> employees;         // everyone, to name assignments
    std::vector<domain::CrewAssignment> crew;
    std::vector<domain::CrewWarning> warnings;
    std::vector<int> bookings;                       // seat-holding bookings per boat (same order)

    const domain::Employee* boatmanOf(const domain::Uuid& boat) const;
};

CrewDay loadCrewDay(domain::Store& store, domain::LocalDate date, domain::Instant now);

}  // namespace narcisse::app
