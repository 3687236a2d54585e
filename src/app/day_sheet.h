// The day sheet PDF of one date, from the day planning: each boat with its boatman, each departure's
// seat-holding bookings, and what the boatman has to collect.
#pragma once

#include "domain/store.h"
#include "reports/day_sheet.h"

#include <string>

namespace narcisse::app {

// The sheet's content, read from the store (two read transactions: the planning, then payments).
// A booking is paid when its succeeded payments cover its total; otherwise the rest is to collect.
reports::DaySheet buildDaySheet(domain::Store& store, domain::LocalDate date, domain::Instant now);

// Builds the sheet and writes it to `path` (through "<path>.part"). ValidationError for a date
// that is not one or an empty path.
reports::DaySheetResult writeDaySheet(domain::Store& store, domain::LocalDate date, const std::string& path,
                                      domain::Instant now);

}  // namespace narcisse::app
