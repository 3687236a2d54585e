// Bookings as CSV for the accountant and the spreadsheet: dates and times on the business's local
// calendar, amounts in the dialect's decimal notation, quoting left to libcsv (reports::CsvWriter).
#include "app/exports.h"

#include "app/fiscal_log.h"

#include "app/settings.h"
#include "domain/errors.h"
#include "reports/csv_writer.h"

#include <string_view>
#include <unordered_map>

namespace narcisse::app {

using namespace narcisse::domain;

namespace {
// Customer names come from the public website. Excel runs a cell that starts like a formula, so in
// the file made for Excel such a name is kept as text by a leading apostrophe (OWASP "CSV injection").
std::string spreadsheetText(const std::string& text, CsvFormat format) {
    constexpr std::string_view kFormulaStart = "=+-@\t\r";
    if (format == CsvFormat::ExcelFr && !text.empty() && kFormulaStart.find(text[0]) != std::string_view::npos)
        return "'" + text;
    return text;
}
}  // namespace

int exportBookings(Store& store, LocalDate from, LocalDate to, CsvFormat format, const std::string& path) {
    if (!from.ok()) throw ValidationError("from", "is not a date");
    if (!to.ok()) throw ValidationError("to", "is not a date");
    if (to < from) throw ValidationError("to", "must not be before from (" + isoDate(from) + ")");
    if (path.empty()) throw ValidationError("output", "a file name is required");

    BusinessSettings settings;
    std::vector<Boat> boats;
    std::vector<Booking> bookings;
    store.read([&](StoreReader& r) {
        settings = loadBusinessSettings(r);
        const BusinessZone zone(settings.timeZone);
        boats = r.boats();
        bookings = r.bookingsDeparting(zone.startOfDay(from), zone.startOfDay(nextDay(to)));
    });
    const BusinessZone zone(settings.timeZone);
    std::unordered_map<Uuid, std::string> boatNames;
    for (const auto& b : boats) boatNames.emplace(b.id, b.name);

    reports::CsvWriter csv(path, format == CsvFormat::ExcelFr ? reports::CsvDialect::excelFr()
                                                              : reports::CsvDialect::rfc4180());
    csv.row({"reference", "date", "time", "boat", "state", "channel", "language", "adults", "children", "babies",
             "customer", "total"});
    for (const auto& b : bookings) {
        const auto boat = boatNames.find(b.boatId);
        csv.row({b.ref.str(), zone.format(b.departureStart, "%Y-%m-%d"), zone.format(b.departureStart, "%H:%M"),
                 boat == boatNames.end() ? std::string() : boat->second, std::string(toString(b.state)),
                 std::string(toString(b.channel)), b.language, std::to_string(b.party.adults),
                 std::to_string(b.party.children), std::to_string(b.party.babies),
                 spreadsheetText(b.customerName, format), csv.amount(b.total)});
    }
    csv.commit();
    // Exports are journaled (cash-register law: the technical event journal).
    store.write([&](StoreWriter& w) {
        recordEvent(w, EventKind::Export, SystemClock().now(), std::nullopt,
                    "bookings " + isoDate(from) + " → " + isoDate(to) + ", " + std::to_string(bookings.size()) +
                        " lines (" + (format == CsvFormat::ExcelFr ? "excel-fr" : "csv") + ")");
    });
    return static_cast<int>(bookings.size());
}

}  // namespace narcisse::app
