// Blocks (closures): a departure, a time range, a whole day, or one boat taken off sale.
#pragma once

#include "domain/time.h"
#include "domain/uuid.h"

#include <optional>
#include <string>

namespace narcisse::domain {

struct Block {
    Uuid id;
    Instant start;                  // [start, end)
    Instant end;
    std::optional<Uuid> boatId;     // empty: every boat
    std::string reason;
    // false: every ride on the water during [start, end) stays ashore (weather, high water).
    // true: only the departures starting in [start, end) are closed ("this departure"); the rides
    // before it, still on the water then, sail as planned.
    bool startsOnly = false;

    // Does this closure take `boat` out of a departure running [depStart, depEnd)?
    bool covers(const Uuid& boat, Instant depStart, Instant depEnd) const;
    void validate() const;

    static Block wholeDay(LocalDate date, const BusinessZone& zone, std::string reason,
                          std::optional<Uuid> boat = std::nullopt);
    static Block timeRange(LocalDate date, Minutes from, Minutes to, const BusinessZone& zone, std::string reason,
                           std::optional<Uuid> boat = std::nullopt);
    // Closes the one departure leaving at `time` (every boat, or one), nothing else.
    static Block departure(LocalDate date, Minutes time, const BusinessZone& zone, std::string reason,
                           std::optional<Uuid> boat = std::nullopt);
};

}  // namespace narcisse::domain
