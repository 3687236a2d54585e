// narcisse-cli move end to end: the built program moving a booking as a script would, its output
// and exit codes (0 moved, 2 bad arguments, 3 refused with the reason) checked exactly.
#include "app/store_factory.h"
#include "domain/store.h"
#include "cli_runner.h"
#include "support/engines.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace narcisse;
using namespace narcisse::domain;
using narcisse::test::TempDir;

namespace {

using Outcome = narcisse::test::RunResult;

// The real program on `db` (tests/cli/cli_runner.h): the user's own database is never touched.
Outcome cli(const std::string& db, std::vector<std::string> args) { return narcisse::test::runCli(db, std::move(args)); }

std::string sold(const Outcome& o) {
    INFO(o.err);
    REQUIRE(o.code == 0);
    REQUIRE(o.out.rfind("Sold SN-", 0) == 0);
    return o.out.substr(5, 11);
}

}  // namespace

TEST_CASE("moving a booking from the terminal: moved, refused with the reason, or a bad argument", "[cli]") {
    TempDir dir;
    const auto db = dir.file("narcisse.db");
    // Next year's season, empty: every departure is ahead, whatever today is.
    const int season = static_cast<int>(date::year_month_day{date::floor<date::days>(std::chrono::system_clock::now())}.year()) + 1;
    const auto demo = cli(db, {"demo-data", "--season", std::to_string(season), "--seed", "7", "--bookings", "0"});
    INFO(demo.err);
    REQUIRE(demo.code == 0);
    // A weekday of late June without closures in this seed is not guaranteed: 1 July, checked below.
    const std::string day = std::to_string(season) + "-07-01";
    const auto departures = cli(db, {"departures", "--date", day});
    REQUIRE(departures.code == 0);
    REQUIRE(cli(db, {"cash", "open", "--counted", "20x5"}).code == 0);   // the sales below are in cash
    REQUIRE(departures.out.find("closed") == std::string::npos);

    // The party of 2 sits on Poissonnerie, the smallest boat (10 seats).
    const std::string ref = sold(cli(db, {"sell", "--departure", day + " 10:00", "--adults", "2", "--pay", "cash"}));
    const std::string full = sold(cli(db, {"sell", "--departure", day + " 11:00", "--adults", "12", "--pay", "cash", "--boat", "Ill"}));
    (void)full;

    SECTION("to another departure and boat: exit 0, what moved") {
        const auto o = cli(db, {"move", ref, "--departure", day + " 10:40", "--boat", "Krutenau"});
        INFO(o.err);
        CHECK(o.code == 0);
        CHECK(o.out == "Moved " + ref + " (2A)\nfrom  Poissonnerie " + day + " 10:00\nto    Krutenau " + day + " 10:40\n");
        CHECK(o.err.empty());
        // The best-fitting boat when none is named: Poissonnerie's 10 seats fit 2 most tightly.
        const auto best = cli(db, {"move", ref, "--departure", day + " 11:20"});
        CHECK(best.code == 0);
        CHECK(best.out == "Moved " + ref + " (2A)\nfrom  Krutenau " + day + " 10:40\nto    Poissonnerie " + day + " 11:20\n");
    }
    SECTION("refused: exit 3 with the reason, nothing changed") {
        const auto fullBoat = cli(db, {"move", ref, "--departure", day + " 11:00", "--boat", "Ill"});
        CHECK(fullBoat.code == 3);
        CHECK(fullBoat.out.empty());
        CHECK(fullBoat.err == "narcisse-cli: refused: Ill has 0 free seats, the party needs 2\n");
        const auto none = cli(db, {"move", ref, "--departure", day + " 10:10"});
        CHECK(none.code == 3);
        CHECK(none.err == "narcisse-cli: refused: there is no departure at " + day + " 10:10\n");
        const auto same = cli(db, {"move", ref, "--departure", day + " 10:00", "--boat", "Poissonnerie"});
        CHECK(same.code == 3);
        CHECK(same.err == "narcisse-cli: refused: " + ref + " is already on Poissonnerie at that departure\n");
        const auto unknown = cli(db, {"move", "SN-00000000", "--departure", day + " 10:20"});
        CHECK(unknown.code == 3);
        CHECK(unknown.err == "narcisse-cli: refused: there is no booking SN-00000000\n");
        const auto left = cli(db, {"move", ref, "--departure", std::to_string(season - 2) + "-07-01 10:00"});
        CHECK(left.code == 3);
        const auto again = cli(db, {"bookings", "--date", day});
        CHECK(again.out.find(ref) != std::string::npos);
    }
    SECTION("bad arguments: exit 2 naming them") {
        const auto noDeparture = cli(db, {"move", ref});
        CHECK(noDeparture.code == 2);
        CHECK(noDeparture.err.find("--departure") != std::string::npos);
        const auto badTime = cli(db, {"move", ref, "--departure", day + " 25:00"});
        CHECK(badTime.code == 2);
        CHECK(badTime.err.find("--departure") != std::string::npos);
        const auto badRef = cli(db, {"move", "SN-12", "--departure", day + " 10:20"});
        CHECK(badRef.code == 2);
        CHECK(badRef.err.find("reference") != std::string::npos);
    }
}
