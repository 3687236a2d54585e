#include "domain/fleet.h"

#include "domain/errors.h"

#include <algorithm>
#include <cctype>

namespace narcisse::domain {

std::string_view toString(BoatStatus s) {
    switch (s) {
        case BoatStatus::InService: return "IN_SERVICE";
        case BoatStatus::Maintenance: return "MAINTENANCE";
        case BoatStatus::Retired: return "RETIRED";
    }
    return "IN_SERVICE";
}

std::optional<BoatStatus> parseBoatStatus(std::string_view s) {
    if (s == "IN_SERVICE") return BoatStatus::InService;
    if (s == "MAINTENANCE") return BoatStatus::Maintenance;
    if (s == "RETIRED") return BoatStatus::Retired;
    return std::nullopt;
}

std::string_view toString(MaintenanceKind k) {
    switch (k) {
        case MaintenanceKind::Inspection: return "INSPECTION";
        case MaintenanceKind::Maintenance: return "MAINTENANCE";
        case MaintenanceKind::Repair: return "REPAIR";
        case MaintenanceKind::Incident: return "INCIDENT";
    }
    return "MAINTENANCE";
}

std::optional<MaintenanceKind> parseMaintenanceKind(std::string_view s) {
    for (auto k : {MaintenanceKind::Inspection, MaintenanceKind::Maintenance, MaintenanceKind::Repair,
                   MaintenanceKind::Incident})
        if (toString(k) == s) return k;
    return std::nullopt;
}

std::string_view toString(Priority p) {
    switch (p) {
        case Priority::Low: return "LOW";
        case Priority::Normal: return "NORMAL";
        case Priority::High: return "HIGH";
    }
    return "NORMAL";
}

std::optional<Priority> parsePriority(std::string_view s) {
    for (auto p : {Priority::Low, Priority::Normal, Priority::High})
        if (toString(p) == s) return p;
    return std::nullopt;
}

void MaintenanceRecord::validate() const {
    if (title.find_first_not_of(' ') == std::string::npos) throw ValidationError("title", "say what is to be done");
    if (!plannedOn && !doneOn) throw ValidationError("planned date", "give the planned date or the date it was done");
    if (cost && cost->cents() < 0) throw ValidationError("cost", "must not be negative");
    if (recurEveryDays < 0 || recurEveryDays > 3650)
        throw ValidationError("every (days)", "must be between 0 (once) and 3650 days");
}

MaintenanceStatus maintenanceStatus(const std::vector<MaintenanceRecord>& records) {
    MaintenanceStatus s;
    auto consider = [&](LocalDate due, const std::string& title) {
        if (!s.nextDue || due < *s.nextDue) {
            s.nextDue = due;
            s.nextTitle = title;
        }
    };
    for (const auto& r : records) {
        if (r.doneOn) {
            if (!s.lastDone || *s.lastDone < *r.doneOn) s.lastDone = r.doneOn;
        } else if (r.plannedOn) {
            consider(*r.plannedOn, r.title);
        }
    }
    // A recurring inspection is due again after its latest completion (one per title and kind).
    for (const auto& r : records) {
        if (r.recurEveryDays <= 0 || !r.doneOn) continue;
        const bool latest = std::none_of(records.begin(), records.end(), [&](const MaintenanceRecord& o) {
            return o.recurEveryDays > 0 && o.title == r.title && o.kind == r.kind && o.doneOn && *r.doneOn < *o.doneOn;
        });
        const bool alreadyPlanned = std::any_of(records.begin(), records.end(), [&](const MaintenanceRecord& o) {
            return !o.doneOn && o.title == r.title && o.kind == r.kind;
        });
        if (latest && !alreadyPlanned)
            consider(LocalDate{date::sys_days{*r.doneOn} + date::days{r.recurEveryDays}}, r.title);
    }
    return s;
}

void Boat::validate() const {
    if (name.find_first_not_of(' ') == std::string::npos) throw ValidationError("name", "a boat needs a name");
    if (capacity < 1 || capacity > 50) throw ValidationError("capacity", "must be between 1 and 50 seats");
    bool colourOk = colour.size() == 7 && colour[0] == '#';
    for (std::size_t i = 1; colourOk && i < colour.size(); ++i)
        colourOk = std::isxdigit(static_cast<unsigned char>(colour[i])) != 0;
    if (!colourOk) throw ValidationError("colour", "must be #RRGGBB");
}

}  // namespace narcisse::domain
