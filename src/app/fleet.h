// Fleet use cases: the boats and their maintenance log. Each change is one write transaction with
// one audit entry and needs ManageFleet when an employee is given; the CLI and the fleet panel
// share them. A boat taken out of service goes through the closure flow (app/closures.h).
#pragma once

#include "app/closures.h"
#include "domain/store.h"

#include <optional>
#include <string>
#include <vector>

namespace narcisse::app {

struct FleetBoat {
    domain::Boat boat;
    domain::MaintenanceStatus maintenance;
    bool overdue = false;                        // next due before today
};

// Every boat (retired ones too, last), with what its maintenance log says on `today`.
std::vector<FleetBoat> loadFleet(domain::Store& store, domain::LocalDate today);

// A boat by name or id. NotFound otherwise.
domain::Boat findBoat(domain::Store& store, const std::string& nameOrId);

// What a user fills in for a boat (the form and the CLI options).
struct BoatForm {
    std::string name;
    int capacity = 12;
    std::string colour = "#2E86AB";
    domain::BoatStatus status = domain::BoatStatus::InService;
    std::string registration;
    std::string notes;
};

// ValidationError naming the field (name, capacity, colour; a name already used by another boat
// is refused on "name"). The new boat goes last in the planning's order. Audit "boat.add".
domain::Boat addBoat(domain::Store& store, const domain::Clock& clock, const BoatForm& form,
                     std::optional<domain::Uuid> employeeId);

// Changes boat `id`. ConflictError when the new capacity is below the seats already sold on a future
// departure (naming it), or when the status would take a boat with future bookings off sale (say
// how many; take it out of service or move them first). Audit "boat.edit" listing what changed.
domain::Boat editBoat(domain::Store& store, const domain::Clock& clock, const domain::Uuid& id, const BoatForm& form,
                      std::optional<domain::Uuid> employeeId);

// Retires a boat (never deleted: its bookings and log refer to it). ConflictError while it carries
// future seat-holding bookings, saying how many. Audit "boat.retire".
domain::Boat retireBoat(domain::Store& store, const domain::Clock& clock, const std::string& nameOrId,
                        std::optional<domain::Uuid> employeeId);

// Out of service from `from` through `to` (whole days; without `to`, through the last day of the
// timetable): the closure scope for that boat, to preview and apply with app::previewClosure and
// app::applyClosure (one Block over the range, its bookings moved or cancelled, audit "closure.apply").
// PermissionDenied when the employee may not manage the fleet; NotFound for an unknown boat.
ClosureScope outOfServiceScope(domain::Store& store, const std::string& nameOrId, domain::LocalDate from,
                               std::optional<domain::LocalDate> to, std::optional<domain::Uuid> employeeId);

// Maintenance ---------------------------------------------------------------------------------

struct MaintenanceFilter {
    std::optional<std::string> boat;             // a name or id; every boat when empty
    std::optional<domain::MaintenanceKind> kind;
    std::optional<bool> done;                    // true: done only, false: open only
    std::optional<domain::Priority> priority;
};

struct MaintenanceLine {
    domain::MaintenanceRecord record;
    std::string boatName;
};

// By boat (the fleet's order), then planned/done date. NotFound for an unknown boat.
std::vector<MaintenanceLine> listMaintenance(domain::Store& store, const MaintenanceFilter& filter);

struct MaintenanceRequest {
    std::string boat;                            // a name or id
    domain::MaintenanceKind kind = domain::MaintenanceKind::Maintenance;
    std::string title;
    std::string description;
    domain::Priority priority = domain::Priority::Normal;
    std::optional<domain::LocalDate> plannedOn;
    int recurEveryDays = 0;
};

// ValidationError naming the field (MaintenanceRecord::validate). Audit "maintenance.add".
domain::MaintenanceRecord addMaintenance(domain::Store& store, const domain::Clock& clock,
                                         const MaintenanceRequest& request, std::optional<domain::Uuid> employeeId);

struct DoneRequest {
    domain::Uuid recordId;
    domain::LocalDate doneOn;
    std::optional<domain::Money> cost;
    std::string doneBy;
};

// NotFound for an unknown record, ConflictError when it is already done, ValidationError for a done
// date after `today` or a negative cost. Audit "maintenance.done".
domain::MaintenanceRecord markMaintenanceDone(domain::Store& store, const domain::Clock& clock,
                                              const DoneRequest& request, std::optional<domain::Uuid> employeeId);

}  // namespace narcisse::app
