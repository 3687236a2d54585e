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

    // Does this closure take `boat` out of a departure running [depStart, depEnd)?
    bool covers(const Uuid& boat, Instant depStart, Instant depEnd) const;
    void validate() const;

    static Block wholeDay(LocalDate date, const BusinessZone& zone, std::string reason,
                          std::optional<Uuid> boat = std::nullopt);
    static Block timeRange(LocalDate date, Minutes from, Minutes to, const BusinessZone& zone, std::string reason,
                           std::optional<Uuid> boat = std::nullopt);
};

}  // namespace narcisse::domain
