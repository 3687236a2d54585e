// Boats, customers and employees: the people and things a booking refers to.
#pragma once

#include "domain/money.h"
#include "domain/time.h"
#include "domain/uuid.h"

#include <vector>

#include <optional>
#include <string>
#include <string_view>

namespace narcisse::domain {

enum class BoatStatus { InService, Maintenance, Retired };
std::string_view toString(BoatStatus s);                       // IN_SERVICE, MAINTENANCE, RETIRED
std::optional<BoatStatus> parseBoatStatus(std::string_view s);

struct Boat {
    Uuid id;
    std::string name;
    int capacity = 12;
    BoatStatus status = BoatStatus::InService;
    std::string colour = "#2E86AB";   // used on the planning
    int sortOrder = 0;
    // Added with the fleet screens; defaulted so brace-initialised boats need not name them.
    std::string registration{};       // the river authority's number, painted on the hull
    std::string notes{};

    void validate() const;            // name required, capacity 1–50, colour #RRGGBB
};

enum class MaintenanceKind { Inspection, Maintenance, Repair, Incident };
std::string_view toString(MaintenanceKind k);               // INSPECTION, MAINTENANCE, REPAIR, INCIDENT
std::optional<MaintenanceKind> parseMaintenanceKind(std::string_view s);

enum class Priority { Low, Normal, High };
std::string_view toString(Priority p);                      // LOW, NORMAL, HIGH
std::optional<Priority> parsePriority(std::string_view s);

// One line of a boat's maintenance log: planned, then done (never deleted; a mistake is corrected
// by editing the planned work before it is done, or by a new line).
struct MaintenanceRecord {
    Uuid id;
    Uuid boatId;
    MaintenanceKind kind = MaintenanceKind::Maintenance;
    std::string title;
    std::string description;
    Priority priority = Priority::Normal;
    std::optional<LocalDate> plannedOn;
    std::optional<LocalDate> doneOn;
    std::optional<Money> cost;
    std::string doneBy;               // who did it (an employee's name or a yard)
    int recurEveryDays = 0;           // > 0: a recurring inspection, due again that many days after it is done
    Instant createdAt;

    void validate() const;            // title required, a planned or done date, cost ≥ 0, recurrence 0–3650
};

// What a boat's log says: the last work done and the next work due (the earliest of the planned
// work not done yet and each recurring record's last done date plus its period).
struct MaintenanceStatus {
    std::optional<LocalDate> lastDone;
    std::optional<LocalDate> nextDue;
    std::string nextTitle;
    bool overdue(LocalDate today) const { return nextDue && *nextDue < today; }
};
MaintenanceStatus maintenanceStatus(const std::vector<MaintenanceRecord>& recordsOfOneBoat);

struct Customer {
    Uuid id;
    std::string name;
    std::string email;
    std::string phone;
    std::string language = "fr";
};

}  // namespace narcisse::domain
