// A small, fully known world for store and use-case tests: two boats, one summer timetable, prices.
#pragma once

#include "domain/store.h"

namespace narcisse::test {

struct World {
    domain::Boat ill;      // 12 seats, sort order 1
    domain::Boat lauch;    // 10 seats, sort order 2
    domain::TimetableRule summer;   // 2026-04-01 … 2026-10-31, every day, 10:00–12:00 every 30 min, 45 min
    domain::PriceList prices;       // from 2026-01-01: adult 12.00, child 7.00, baby 0.00, VAT 10 %
};

// Writes the world into an empty store and returns it.
World seedWorld(domain::Store& store);

// Opens the desk's cash drawer on 1 January 2020 with a counted float ("20x1"; empty by default), as
// the desk does before it takes cash: for tests of sales and refunds whose drawer is not their subject.
void openDrawer(domain::Store& store, const char* counted = "");

// 2026-07-14 (a Tuesday, CEST: local = UTC + 2).
domain::LocalDate bastilleDay();
// An instant given as UTC text, e.g. at("2026-07-14T08:00:00Z").
domain::Instant at(const char* isoUtc);

}  // namespace narcisse::test
