// narcisse-cli move end to end: the built program moving a booking as a script would, its output
// and exit codes (0 moved, 2 bad arguments, 3 refused with the reason) checked exactly.
#include "app/store_factory.h"
#include "domain/store.h"
#include "support/engines.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>

extern char** environ;

using namespace narcisse;
using namespace narcisse::domain;
using narcisse::test::TempDir;

namespace {

struct Outcome {
    int code = -1;
    std::string out;
    std::string err;
};

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The real program on `db`; the user's own database is never touched.
Outcome cli(const std::string& db, std::vector<std::string> args) {
    static TempDir scratch;
    static int runs = 0;
    ::setenv("XDG_DATA_HOME", scratch.file("xdg").c_str(), 1);
    ::unsetenv("NARCISSE_DATABASE_URL");
    const std::string outPath = scratch.file("move-out-" + std::to_string(++runs));
    const std::string errPath = scratch.file("move-err-" + std::to_string(runs));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    args.insert(args.begin(), {NARCISSE_CLI_PATH, "--db", db});
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, NARCISSE_CLI_PATH, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(spawned == 0);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), slurp(outPath), slurp(errPath)};
}

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
