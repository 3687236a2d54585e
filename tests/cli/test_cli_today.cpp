// narcisse-cli today end to end: the built program printing the dashboard of a small, fully known
// day (checked exactly) and refusing a bad date with exit code 2. The day, 14 July 2026, is in the
// past of every run, so its departures have all left and nothing depends on the hour of the run.
#include "app/store_factory.h"
#include "domain/store.h"
#include "cli_runner.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

using Outcome = narcisse::test::RunResult;

// The real program on `db` (tests/cli/cli_runner.h): the user's own database is never touched.
Outcome cli(const std::string& db, std::vector<std::string> args) { return narcisse::test::runCli(db, std::move(args)); }

LocalDate july(unsigned d) { return LocalDate{date::year{2026}, date::July, date::day{d}}; }

// The world of tests/support plus one of each thing the dashboard reports.
void seedDay(const std::string& db) {
    auto store = app::openStore(db);
    const World w = seedWorld(*store);
    const BusinessZone zone;
    Customer marie{Uuid::generate(), "Marie Dupont", "", "", "fr"};
    Booking b;
    b.id = Uuid::generate();
    b.ref = PublicRef::fromNumber(4242);
    b.boatId = w.ill.id;
    b.departureStart = zone.at(bastilleDay(), Minutes{10 * 60 + 30});
    b.departureEnd = b.departureStart + Minutes{45};
    b.party = {2, 0, 0};
    b.state = BookingState::Confirmed;
    b.total = Money::cents(2400);
    b.customerId = marie.id;
    b.createdAt = at("2026-07-13T09:00:00Z");
    MaintenanceRecord inspection;
    inspection.id = Uuid::generate();
    inspection.boatId = w.ill.id;
    inspection.kind = MaintenanceKind::Inspection;
    inspection.title = "Annual inspection";
    inspection.plannedOn = july(10);
    inspection.createdAt = b.createdAt;
    Employee lucas{Uuid::generate(), "lucas", "Lucas Fischer", Role::Staff, true, "", ""};
    lucas.licenceExpiry = july(24);
    Notification failed;
    failed.id = Uuid::generate();
    failed.recipient = "anna@example.com";
    failed.kind = "closure.moved";
    failed.subject = "Your ride has moved";
    failed.body = "Your ride has moved.";
    failed.createdAt = b.createdAt;
    store->write([&](StoreWriter& tx) {
        tx.saveCustomer(marie);
        tx.insertBooking(b);
        tx.insertBlock(Block::wholeDay(bastilleDay(), zone, "hull repair", w.lauch.id));
        tx.saveMaintenanceRecord(inspection);
        tx.saveEmployee(lucas);
        tx.insertNotification(failed);
    });
    failed.status = NotificationStatus::Failed;
    failed.error = "550 mailbox unavailable";
    failed.attempts = 1;
    store->write([&](StoreWriter& tx) { tx.updateNotification(failed); });
}

}  // namespace

TEST_CASE("the Today dashboard from the terminal: every section, exactly; a bad date is exit 2", "[cli][today]") {
    TempDir dir;
    const auto db = dir.file("narcisse.db");
    seedDay(db);
    const std::string ref = PublicRef::fromNumber(4242).str();

    const auto o = cli(db, {"today", "--date", "2026-07-14"});
    INFO(o.err);
    CHECK(o.code == 0);
    CHECK(o.err.empty());
    CHECK(o.out == "Today: 2026-07-14 (Europe/Paris)\n"
                   "\n"
                   "Departures (5)\n"
                   "   5 departures: 2 of 60 seats held, 58 free\n"
                   "   10:00: left with 0 of 12 seats held\n"
                   "   10:30: left with 2 of 12 seats held\n"
                   "   11:00: left with 0 of 12 seats held\n"
                   "   11:30: left with 0 of 12 seats held\n"
                   "   12:00: left with 0 of 12 seats held\n"
                   "\n"
                   "Crew (1)\n"
                   "!! Ill has bookings and no boatman\n"
                   "\n"
                   "Closures (1)\n"
                   "!  Lauch closed all day: hull repair\n"
                   "\n"
                   "Phone bookings about to expire (0)\n"
                   "   none\n"
                   "\n"
                   "To collect (1)\n"
                   "!! " + ref + ", Marie Dupont, 2A, 10:30 on Ill: 24.00 € still to collect, the boat has left\n"
                   "\n"
                   "Maintenance (1)\n"
                   "!! Ill: Annual inspection overdue since 2026-07-10 (4 days)\n"
                   "\n"
                   "Skipper licences (1)\n"
                   "!  Lucas Fischer: skipper licence expires on 2026-07-24 (in 10 days)\n"
                   "\n"
                   "Customer messages (1)\n"
                   "!! Message to anna@example.com failed: 550 mailbox unavailable\n");

    // A day of the winter: no departure, said so; the reports that do not depend on the day remain.
    const auto winter = cli(db, {"today", "--date", "2026-12-01"});
    CHECK(winter.code == 0);
    CHECK(winter.out.find("Departures (0)\n   No departure on this day\n") != std::string::npos);
    CHECK(winter.out.find("Ill: Annual inspection overdue since 2026-07-10 (144 days)") != std::string::npos);
    CHECK(winter.out.find("Lucas Fischer: skipper licence expired on 2026-07-24") != std::string::npos);

    // Without --date: today, whatever it is, under the same heading.
    const auto today = cli(db, {"today"});
    CHECK(today.code == 0);
    CHECK(today.out.rfind("Today: ", 0) == 0);

    const auto bad = cli(db, {"today", "--date", "2026-02-30"});
    CHECK(bad.code == 2);
    CHECK(bad.out.empty());
    CHECK(bad.err.find("--date") != std::string::npos);
    const auto garbage = cli(db, {"today", "--date", "tomorrow"});
    CHECK(garbage.code == 2);
    CHECK(garbage.err.find("--date") != std::string::npos);
}
