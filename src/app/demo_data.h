// A realistic, deterministic demo season: boats, staff, timetable, prices, closures, bookings.
#pragma once

#include "domain/store.h"

#include <cstdint>

namespace narcisse::app {

struct DemoOptions {
    int season = 2026;
    std::uint64_t seed = 1;
    int bookings = 30000;    // about this many, over all the seasons
    int seasons = 1;         // how many seasons, the last being `season` (a store with a history)
};

struct DemoSummary {
    int boats = 0;
    int employees = 0;
    int bookings = 0;
    int payments = 0;
    int closures = 0;
};

// Fills an empty store (throws ConflictError when it already holds boats). The same options
// always give the same season. Marks the store as a demo (credentials shown at sign-in).
DemoSummary generateDemoData(domain::Store& store, const DemoOptions& options, const domain::Clock& clock);

// The season a demo shows best on `today`: this year's until the end of October, then next year's.
int defaultDemoSeason(domain::LocalDate today);

// The demo accounts all share this password; their logins are listed in the README.
inline constexpr const char* kDemoPassword = "narcisse";
inline constexpr const char* kDemoManagerLogin = "claire";

}  // namespace narcisse::app
