// narcisse-cli employees end to end: the built program managing staff as a script would, its output
// and exit codes (0 done, 2 bad input naming the field, 3 refused with the reason) checked exactly.
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

}  // namespace

TEST_CASE("employees from the terminal: added, edited, deactivated, days off, bad input named", "[cli]") {
    TempDir dir;
    const auto db = dir.file("narcisse.db");
    const auto demo = cli(db, {"demo-data", "--season", "2026", "--seed", "7", "--bookings", "0"});
    INFO(demo.err);
    REQUIRE(demo.code == 0);

    const auto added = cli(db, {"employees", "add", "--login", "zoe", "--name", "Zoé Roth", "--role", "staff",
                                "--password", "canal-2026", "--licence", "CR-68-0042", "--licence-expiry", "2099-03-31"});
    INFO(added.err);
    CHECK(added.code == 0);
    CHECK(added.out == "Added Zoé Roth (zoe), staff\n");
    const auto listed = cli(db, {"employees", "list"});
    CHECK(listed.code == 0);
    CHECK(listed.out.find("zoe       Zoé Roth           staff       yes     yes      CR-68-0042  2099-03-31") !=
          std::string::npos);

    SECTION("edit, deactivate, password") {
        const auto promoted = cli(db, {"employees", "edit", "zoe", "--role", "manager"});
        CHECK(promoted.code == 0);
        CHECK(promoted.out == "Saved Zoé Roth (zoe), manager\n");
        const auto off = cli(db, {"employees", "deactivate", "zoe"});
        CHECK(off.code == 0);
        CHECK(off.out == "Deactivated Zoé Roth (zoe)\n");
        CHECK(cli(db, {"employees", "list"}).out.find("zoe ") == std::string::npos);
        CHECK(cli(db, {"employees", "list", "--all"}).out.find("Zoé Roth           manager     no") != std::string::npos);
        const auto again = cli(db, {"employees", "deactivate", "zoe"});
        CHECK(again.code == 3);
        CHECK(again.err == "narcisse-cli: refused: Zoé Roth is already inactive\n");
        const auto reset = cli(db, {"employees", "password", "hugo", "--password", "nouveau-2026"});
        CHECK(reset.code == 0);
        CHECK(reset.out == "Password of hugo reset\n");
        const auto unknown = cli(db, {"employees", "deactivate", "nobody"});
        CHECK(unknown.code == 3);
        CHECK(unknown.err == "narcisse-cli: refused: there is no employee with the login \"nobody\"\n");
    }
    SECTION("days off: added, listed, removed") {
        const auto add = cli(db, {"employees", "day-off", "add", "hugo", "--from", "2026-07-14", "--to", "2026-07-15",
                                  "--reason", "Congés"});
        INFO(add.err);
        REQUIRE(add.code == 0);
        const std::string id = add.out.substr(8, 36);
        CHECK(add.out == "Day off " + id + ": hugo off 2026-07-14 → 2026-07-15\n");
        const auto list = cli(db, {"employees", "day-off", "list", "--from", "2026-07-01", "--to", "2026-07-31"});
        CHECK(list.out == "id                                    employee    from        to          reason\n" + id +
                              "  Hugo Weber  2026-07-14  2026-07-15  Congés\n");
        CHECK(cli(db, {"employees", "day-off", "remove", id}).out == "Removed day off " + id + "\n");
        const auto gone = cli(db, {"employees", "day-off", "remove", id});
        CHECK(gone.code == 3);
        CHECK(gone.err == "narcisse-cli: refused: there is no day off " + id + "\n");
    }
    SECTION("bad input: exit 2 naming the field, nothing changed") {
        const auto noName = cli(db, {"employees", "add", "--login", "anna", "--name", " ", "--no-sign-in"});
        CHECK(noName.code == 2);
        CHECK(noName.err == "narcisse-cli: name: is required\n");
        const auto taken = cli(db, {"employees", "add", "--login", "lucas", "--name", "Luc", "--no-sign-in"});
        CHECK(taken.code == 2);
        CHECK(taken.err == "narcisse-cli: login: \"lucas\" is already taken by Lucas Fischer\n");
        const auto past = cli(db, {"employees", "edit", "zoe", "--licence-expiry", "2020-01-01"});
        CHECK(past.code == 2);
        CHECK(past.err == "narcisse-cli: licence expiry: is in the past\n");
        const auto noPassword = cli(db, {"employees", "add", "--login", "anna", "--name", "Anna Roth"});
        CHECK(noPassword.code == 2);
        CHECK(noPassword.err == "narcisse-cli: password: is required to sign in\n");
        const auto role = cli(db, {"employees", "edit", "zoe", "--role", "captain"});
        CHECK(role.code == 2);
        CHECK(role.err.find("--role") != std::string::npos);
        const auto date = cli(db, {"employees", "day-off", "add", "hugo", "--from", "2026-02-30"});
        CHECK(date.code == 2);
        CHECK(date.err.find("--from") != std::string::npos);
        CHECK(cli(db, {"employees", "list", "--all"}).out.find("anna") == std::string::npos);
    }
}
