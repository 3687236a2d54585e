#include "domain/crew.h"

#include <algorithm>

namespace narcisse::domain {

std::optional<std::string> crewRefusal(const Employee& employee) {
    if (!employee.active) return employee.name + " is no longer active";
    if (employee.role != Role::Staff)
        return employee.name + " is " + std::string(toString(employee.role)) + ", not a boatman (staff role)";
    return std::nullopt;
}

std::optional<std::string> crewRefusal(const Employee& employee, LocalDate date, const std::vector<DayOff>& daysOff) {
    if (auto why = crewRefusal(employee)) return why;
    for (const auto& off : daysOff)
        if (off.employeeId == employee.id && off.covers(date))
            return employee.name + " is off on " + isoDate(date) + (off.reason.empty() ? "" : " (" + off.reason + ")");
    if (employee.licenceExpiry && *employee.licenceExpiry < date)
        return employee.name + "'s skipper licence expired on " + isoDate(*employee.licenceExpiry);
    return std::nullopt;
}

std::vector<CrewWarning> crewWarnings(const std::vector<Boat>& boats, const std::vector<Employee>& employees,
                                      const std::vector<CrewAssignment>& assignments,
                                      const std::vector<Uuid>& boatsWithBookings) {
    auto nameOf = [&](const Uuid& id) {
        const auto e = std::find_if(employees.begin(), employees.end(), [&](const Employee& x) { return x.id == id; });
        return e == employees.end() ? std::string("an unknown employee") : e->name;
    };
    std::vector<CrewWarning> out;
    for (const auto& boat : boats) {
        const bool booked = std::find(boatsWithBookings.begin(), boatsWithBookings.end(), boat.id) != boatsWithBookings.end();
        const bool crewed = std::any_of(assignments.begin(), assignments.end(),
                                        [&](const CrewAssignment& a) { return a.boatId == boat.id; });
        if (booked && !crewed)
            out.push_back({CrewWarning::Kind::NoBoatman, boat.id, std::nullopt, boat.name + " has bookings and no boatman"});
    }
    for (const auto& boat : boats)
        for (const auto& a : assignments) {
            if (a.boatId != boat.id) continue;
            std::vector<std::string> others;
            for (const auto& b : assignments)
                if (b.employeeId == a.employeeId && b.boatId != a.boatId) {
                    const auto other = std::find_if(boats.begin(), boats.end(), [&](const Boat& x) { return x.id == b.boatId; });
                    others.push_back(other == boats.end() ? std::string("another boat") : other->name);
                }
            if (!others.empty())
                out.push_back({CrewWarning::Kind::TwoBoats, boat.id, a.employeeId,
                               nameOf(a.employeeId) + " is on " + boat.name + " and on " + others.front() + " at once"});
        }
    return out;
}

}  // namespace narcisse::domain
