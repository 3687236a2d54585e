#include "domain/closure.h"

#include "domain/errors.h"

namespace narcisse::domain {

bool Block::covers(const Uuid& boat, Instant depStart, Instant depEnd) const {
    if (boatId && *boatId != boat) return false;
    if (startsOnly) return start <= depStart && depStart < end;
    // A ride that would be on the water at any moment of the closure does not sail.
    return depStart < end && start < depEnd;
}

void Block::validate() const {
    if (!(start < end)) throw ValidationError("to", "a closure must end after it starts");
    if (reason.find_first_not_of(' ') == std::string::npos)
        throw ValidationError("reason", "say why the boats do not sail (weather, maintenance…)");
}

Block Block::wholeDay(LocalDate date, const BusinessZone& zone, std::string reason, std::optional<Uuid> boat) {
    Block b{Uuid::generate(), zone.startOfDay(date), zone.startOfDay(nextDay(date)), boat, std::move(reason), false};
    b.validate();
    return b;
}

Block Block::timeRange(LocalDate date, Minutes from, Minutes to, const BusinessZone& zone, std::string reason,
                       std::optional<Uuid> boat) {
    if (to <= from) throw ValidationError("to", "must be after from");
    Block b{Uuid::generate(), zone.resolve(date, from).instant, zone.resolve(date, to).instant, boat, std::move(reason),
            false};
    b.validate();
    return b;
}

Block Block::departure(LocalDate date, Minutes time, const BusinessZone& zone, std::string reason,
                       std::optional<Uuid> boat) {
    const Instant at = zone.at(date, time);
    Block b{Uuid::generate(), at, at + Minutes{1}, boat, std::move(reason), true};
    b.validate();
    return b;
}

}  // namespace narcisse::domain
