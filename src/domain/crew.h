// Crew: which boatman rows which boat on a given day, and what the planning warns about.
#pragma once

#include "domain/fleet.h"
#include "domain/staff.h"
#include "domain/time.h"

#include <optional>
#include <string>
#include <vector>

namespace narcisse::domain {

struct CrewAssignment {
    Uuid id;
    LocalDate date;
    Uuid boatId;
    Uuid employeeId;
};

// Why `employee` may not row on `date`, or nothing: only active employees with the staff role.
std::optional<std::string> crewRefusal(const Employee& employee);
// The same on a given date: also refused when they are off that day, or their skipper licence, when
// recorded, has expired by then.
std::optional<std::string> crewRefusal(const Employee& employee, LocalDate date, const std::vector<DayOff>& daysOff);

struct CrewWarning {
    enum class Kind { NoBoatman, TwoBoats };
    Kind kind;
    Uuid boatId;                          // the boat concerned (for TwoBoats: each of them)
    std::optional<Uuid> employeeId;
    std::string message;                  // "Ill has bookings and no boatman"
};

// Boats with seat-holding bookings that day and no boatman; boatmen assigned to two boats at once.
// `boatsWithBookings` lists the boats that carry at least one booking that day.
std::vector<CrewWarning> crewWarnings(const std::vector<Boat>& boats, const std::vector<Employee>& employees,
                                      const std::vector<CrewAssignment>& assignments,
                                      const std::vector<Uuid>& boatsWithBookings);

}  // namespace narcisse::domain
