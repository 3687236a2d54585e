// Exports that leave the program as files (CSV for now).
#pragma once

#include "domain/store.h"

#include <string>

namespace narcisse::app {

enum class CsvFormat { Rfc4180, ExcelFr };

// Bookings whose departure falls on a local date in [from, to], written to `path` through a
// temporary file renamed at the end (a failure leaves no partial file). Returns the rows written.
int exportBookings(domain::Store& store, domain::LocalDate from, domain::LocalDate to, CsvFormat format,
                   const std::string& path);

}  // namespace narcisse::app
