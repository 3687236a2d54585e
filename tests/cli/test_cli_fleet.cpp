// narcisse-cli boats and maintenance end to end: the built program on a demo database, its output
// and exit codes (0 done, 2 bad input naming the field, 3 refused by the rules) checked exactly.
#include "cli_runner.h"
#include "support/engines.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

using narcisse::test::TempDir;

namespace {

using Outcome = narcisse::test::RunResult;

// The real program on `db` (tests/cli/cli_runner.h): the user's own database is never touched.
Outcome cli(const std::string& db, std::vector<std::string> args) { return narcisse::test::runCli(db, std::move(args)); }

std::string line(const std::string& text, const std::string& startingWith) {
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        if (l.rfind(startingWith, 0) == 0) return l;
    return "(no line " + startingWith + ")";
}

}  // namespace

TEST_CASE("the fleet from the terminal: boats and maintenance, bad input and refusals", "[cli][fleet]") {
    TempDir dir;
    const auto db = dir.file("narcisse.db");
    // Next year's season, empty: every departure is ahead, whatever today is.
    const int season = static_cast<int>(date::year_month_day{date::floor<date::days>(std::chrono::system_clock::now())}.year()) + 1;
    const auto demo = cli(db, {"demo-data", "--season", std::to_string(season), "--seed", "7", "--bookings", "0"});
    INFO(demo.err);
    REQUIRE(demo.code == 0);
    const std::string day = std::to_string(season) + "-07-01";

    const auto list = cli(db, {"boats", "list"});
    CHECK(list.code == 0);
    CHECK(line(list.out, "boat") == "boat           seats  colour   status      registration  last maintenance  next due");
    CHECK(line(list.out, "Lauch") == "Lauch             12  #2E86AB  in-service");
    CHECK(line(list.out, "Bartholdi") == "Bartholdi         11  #34495E  in-service");

    SECTION("bad input: exit 2 naming the field, nothing written") {
        auto empty = cli(db, {"boats", "add", "--name", " "});
        CHECK(empty.code == 2);
        CHECK(empty.err == "narcisse-cli: name: a boat needs a name\n");
        auto zero = cli(db, {"boats", "add", "--name", "Vauban", "--capacity", "0"});
        CHECK(zero.code == 2);
        CHECK(zero.err == "narcisse-cli: capacity: must be between 1 and 50 seats\n");
        auto huge = cli(db, {"boats", "add", "--name", "Vauban", "--capacity", "200"});
        CHECK(huge.code == 2);
        CHECK(huge.err == "narcisse-cli: capacity: must be between 1 and 50 seats\n");
        auto duplicate = cli(db, {"boats", "add", "--name", "ill"});
        CHECK(duplicate.code == 2);
        CHECK(duplicate.err == "narcisse-cli: name: there is already a boat named \"Ill\"\n");
        auto colour = cli(db, {"boats", "edit", "Ill", "--colour", "red"});
        CHECK(colour.code == 2);
        CHECK(colour.err == "narcisse-cli: colour: must be #RRGGBB\n");
        auto notANumber = cli(db, {"boats", "add", "--name", "Vauban", "--capacity", "many"});
        CHECK(notANumber.code == 2);
        CHECK(notANumber.err.find("--capacity") != std::string::npos);
        auto badKind = cli(db, {"maintenance", "add", "--boat", "Ill", "--title", "x", "--planned", day, "--kind", "wash"});
        CHECK(badKind.code == 2);
        CHECK(badKind.err == "narcisse-cli: --kind: must be inspection, maintenance, repair or incident\n");
        CHECK(cli(db, {"boats", "list"}).out == list.out);
    }

    SECTION("a boat added, refused retirement while booked, taken out of service, then retired") {
        const auto added = cli(db, {"boats", "add", "--name", "Vauban", "--capacity", "14", "--colour", "#123456",
                                    "--registration", "CO-9"});
        INFO(added.err);
        CHECK(added.code == 0);
        CHECK(added.out == "Added Vauban (14 seats)\n");
        REQUIRE(cli(db, {"cash", "open", "--counted", "20x5"}).code == 0);
        const auto sold = cli(db, {"sell", "--departure", day + " 10:00", "--adults", "2", "--pay", "cash", "--boat", "Vauban"});
        REQUIRE(sold.code == 0);
        const std::string ref = sold.out.substr(5, 11);

        const auto retire = cli(db, {"boats", "retire", "Vauban"});
        CHECK(retire.code == 3);
        CHECK(retire.out.empty());
        CHECK(retire.err == "narcisse-cli: refused: Vauban carries 1 future booking: move them first, or take it out of "
                            "service first\n");

        const auto refused = cli(db, {"boats", "out-of-service", "Vauban", "--from", day, "--to", day, "--reason", "Panne"});
        CHECK(refused.code == 3);
        CHECK(line(refused.out, "Taking") == "Taking Vauban out of service would strand 1 booking:");
        CHECK(line(refused.out, ref).find(day + " 10:00 Poissonnerie") != std::string::npos);   // its own departure, another boat

        const auto out = cli(db, {"boats", "out-of-service", "Vauban", "--from", day, "--to", day, "--reason", "Panne",
                                  "--move-passengers"});
        INFO(out.err);
        CHECK(out.code == 0);
        CHECK(out.out == "Out of service: Panne " + day + " on Vauban: 1 moved, 0 cancelled, 0 notified; " + ref + " → " +
                             day + " 10:00 Poissonnerie\n");
        const auto retired = cli(db, {"boats", "retire", "Vauban"});
        CHECK(retired.code == 0);
        CHECK(retired.out == "Retired Vauban\n");
        CHECK(line(cli(db, {"boats", "list"}).out, "Vauban") == "Vauban            14  #123456  retired     CO-9");
    }

    SECTION("maintenance planned, listed with filters and done; the boat's next due follows") {
        const auto planned = cli(db, {"maintenance", "add", "--boat", "Ill", "--title", "Contrôle annuel", "--kind",
                                      "inspection", "--planned", day, "--every", "365"});
        INFO(planned.err);
        REQUIRE(planned.code == 0);
        const std::string id = planned.out.substr(8, 36);
        CHECK(planned.out == "Planned " + id + ": Contrôle annuel on Ill, " + day + "\n");
        CHECK(line(cli(db, {"boats", "list"}).out, "Ill") ==
              "Ill               12  #E4572E  in-service                                  " + day + " Contrôle annuel");
        CHECK(cli(db, {"maintenance", "list", "--done"}).out.find(id) == std::string::npos);
        CHECK(cli(db, {"maintenance", "list", "--open", "--kind", "inspection"}).out.find(id) != std::string::npos);

        const auto future = cli(db, {"maintenance", "done", id, "--date", day});
        CHECK(future.code == 2);
        CHECK(future.err == "narcisse-cli: done date: is in the future\n");
        const auto done = cli(db, {"maintenance", "done", id, "--cost", "120.50", "--by", "Chantier Naval"});
        INFO(done.err);
        CHECK(done.code == 0);
        CHECK(cli(db, {"maintenance", "list", "--done", "--boat", "Ill"}).out.find("Chantier Naval") != std::string::npos);
        const auto again = cli(db, {"maintenance", "done", id});
        CHECK(again.code == 3);
    }
}
