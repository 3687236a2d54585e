// What happens on one day: its departures with the seats left, and its bookings.
#include "app/exports.h"
#include "app/planning.h"
#include "app/settings.h"
#include "cli/arguments.h"
#include "cli/context.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <unordered_map>

namespace narcisse::cli {

namespace {

int printDepartures(domain::Store& store, domain::LocalDate date) {
    const domain::SystemClock clock;
    const auto day = app::loadDayPlanning(store, date, clock.now());
    std::cout << "Departures on " << domain::isoDate(date) << " (" << day.timeZone << ")\n";
    if (day.departures.empty() && day.skipped.empty()) {
        std::cout << "No departure that day: it is outside the timetable.\n";
        return kExitOk;
    }
    // One line per wall time, the skipped ones (clocks going forward) in their place.
    std::multimap<domain::Minutes, std::vector<std::string>> lines;
    for (const auto& d : day.departures) {
        std::string note;
        if (d.closedReason) {
            note = "closed: " + *d.closedReason;
        } else {
            for (const auto& load : d.boats)
                if (load.closedReason)
                    note += (note.empty() ? "" : "; ") + load.boat.name + " closed: " + *load.closedReason;
        }
        lines.emplace(d.departure.localStart,
                      std::vector<std::string>{domain::hhmm(d.departure.localStart), std::to_string(d.seatsTotal),
                                               std::to_string(d.seatsHeld), std::to_string(d.seatsFree), note});
    }
    for (const auto& s : day.skipped)
        lines.emplace(s.localStart,
                      std::vector<std::string>{domain::hhmm(s.localStart), "", "", "", "skipped: " + s.reason});
    TextTable table({"time", "seats", "held", "free", ""}, {false, true, true, true, false});
    for (auto& [time, row] : lines) table.add(std::move(row));
    std::cout << table.str();
    return kExitOk;
}

int printBookingsTable(domain::Store& store, domain::LocalDate date) {
    domain::BusinessSettings settings;
    std::vector<domain::Boat> boats;
    std::vector<domain::Booking> bookings;
    store.read([&](domain::StoreReader& r) {
        settings = app::loadBusinessSettings(r);
        const domain::BusinessZone zone(settings.timeZone);
        boats = r.boats();
        bookings = r.bookingsDeparting(zone.startOfDay(date), zone.startOfDay(domain::nextDay(date)));
    });
    const domain::BusinessZone zone(settings.timeZone);
    std::unordered_map<domain::Uuid, std::string> boatNames;
    for (const auto& b : boats) boatNames.emplace(b.id, b.name);

    std::cout << "Bookings on " << domain::isoDate(date) << " (" << zone.name() << ")\n";
    if (bookings.empty()) {
        std::cout << "No booking that day.\n";
        return kExitOk;
    }
    TextTable table({"time", "reference", "boat", "state", "party", "channel", "lang", "customer", "total"},
                    {false, false, false, false, false, false, false, false, true});
    int people = 0;
    for (const auto& b : bookings) {
        table.add({zone.format(b.departureStart), b.ref.str(), boatNames[b.boatId], std::string(toString(b.state)),
                   b.party.summary(), std::string(toString(b.channel)), b.language, b.customerName, b.total.plain()});
        people += b.party.people();
    }
    std::cout << table.str() << bookings.size() << " booking" << (bookings.size() == 1 ? "" : "s") << ", " << people
              << (people == 1 ? " person" : " people") << " (every state)\n";
    return kExitOk;
}

// The CSV is the export's own file, so both commands always agree on columns and quoting.
int printBookingsCsv(domain::Store& store, domain::LocalDate date) {
    std::string pattern = (std::filesystem::temp_directory_path() / "narcisse-cli-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder in " + pattern);
    const std::filesystem::path dir(pattern);
    struct Cleanup {
        std::filesystem::path dir;
        ~Cleanup() {
            std::error_code ec;
            std::filesystem::remove_all(dir, ec);
        }
    } cleanup{dir};
    const auto file = (dir / "bookings.csv").string();
    app::exportBookings(store, date, date, app::CsvFormat::Rfc4180, file);
    std::ifstream in(file, std::ios::binary);
    std::cout << in.rdbuf();
    std::cout.flush();
    return kExitOk;
}

}  // namespace

void addDayCommands(CLI::App& app, Context& ctx) {
    auto date = std::make_shared<std::string>();
    auto* departures = app.add_subcommand("departures", "Seats on each departure of a day");
    departures->footer(
        "\nOne line per departure: its local time, the seats on the boats sailing, the seats held by\n"
        "bookings, the seats free. A closed departure or boat says why. On the day the clocks go\n"
        "forward, a time that does not exist that day is listed as skipped.");
    departures->add_option("--date", *date, "The day (required)")
        ->required()
        ->check(dateValidator())
        ->option_text("YYYY-MM-DD");
    departures->callback([&ctx, date] {
        ctx.run = [&ctx, date] {
            auto store = ctx.openStore();
            return printDepartures(*store, domain::parseDate(*date, "--date"));
        };
    });

    auto bookingsDate = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("table");
    auto* bookings = app.add_subcommand("bookings", "The bookings of a day (every state), in departure order");
    bookings->add_option("--date", *bookingsDate, "The day (required)")
        ->required()
        ->check(dateValidator())
        ->option_text("YYYY-MM-DD");
    bookings->add_option("--format", *format, "table (to read) or csv (RFC 4180, for a spreadsheet)")
        ->check(CLI::IsMember({"table", "csv"}))
        ->option_text("table|csv (default: table)");
    bookings->callback([&ctx, bookingsDate, format] {
        ctx.run = [&ctx, bookingsDate, format] {
            auto store = ctx.openStore();
            const auto day = domain::parseDate(*bookingsDate, "--date");
            return *format == "csv" ? printBookingsCsv(*store, day) : printBookingsTable(*store, day);
        };
    });
}

}  // namespace narcisse::cli
