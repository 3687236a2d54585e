// `narcisse-cli day-sheet` end to end: the real program writes the PDF of a demo summer day; a bad
// date or a place it cannot write gets its exit code and no file.
#include "app/store_factory.h"
#include "domain/store.h"
#include "cli_runner.h"
#include "support/engines.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace narcisse;
using namespace narcisse::domain;
using narcisse::test::TempDir;

namespace {

using Run = narcisse::test::RunResult;

// Runs `all` (argv[0] included) through tests/cli/cli_runner.h.
Run spawn(const TempDir&, std::vector<std::string> all) { return narcisse::test::runProgram(std::move(all)); }

Run cli(const TempDir&, const std::string& db, std::vector<std::string> args) {
    return narcisse::test::runCli(db, std::move(args));
}


const TempDir& sharedScratch() {
    static TempDir scratch;
    return scratch;
}

// A demo season with a realistic summer day; made once for the file.
const std::string& demoDatabase() {
    static const std::string db = [] {
        const TempDir& scratch = sharedScratch();
        const std::string path = scratch.file("demo.db");
        const Run r = cli(scratch, path, {"demo-data", "--season", "2026", "--seed", "3", "--bookings", "3000"});
        INFO(r.err);
        REQUIRE(r.code == 0);
        return path;
    }();
    return db;
}

}  // namespace

TEST_CASE("day-sheet writes the PDF of a day: one page per boat that sails", "[cli][reports]") {
    const TempDir& scratch = sharedScratch();
    const std::string db = demoDatabase();
    const std::string pdf = scratch.file("sheet-2026-07-14.pdf");
    const Run r = cli(scratch, db, {"day-sheet", "--date", "2026-07-14", "--output", pdf});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.err.empty());

    // What the store says the day holds, read the way the sheet reads it.
    std::set<std::string> boats;
    int bookings = 0, passengers = 0;
    const Instant now = SystemClock().now();
    app::openStore(db)->read([&](StoreReader& r) {
        const BusinessZone zone;
        const LocalDate day{date::year{2026}, date::month{7}, date::day{14}};
        for (const auto& b : r.bookingsDeparting(zone.startOfDay(day), zone.startOfDay(nextDay(day))))
            if (b.holdsSeats(now)) {
                boats.insert(b.boatId.str());
                ++bookings;
                passengers += b.party.people();
            }
    });
    REQUIRE(boats.size() > 1);

    std::smatch m;
    INFO(r.out);
    REQUIRE(std::regex_match(r.out, m, std::regex("Day sheet of 2026-07-14: (\\d+) boats, (\\d+) bookings, (\\d+) "
                                                   "passengers on (\\d+) pages written to (.*)\n")));
    CHECK(std::stoul(m[1]) == boats.size());
    CHECK(std::stoi(m[2]) == bookings);
    CHECK(std::stoi(m[3]) == passengers);
    CHECK(m[5] == pdf);
    const int pages = std::stoi(m[4]);
    CHECK(pages >= static_cast<int>(boats.size()));   // a busy boat may need a second page

    CHECK(narcisse::test::readFile(pdf).rfind("%PDF-", 0) == 0);
    CHECK_FALSE(std::filesystem::exists(pdf + ".part"));
    const Run info = spawn(scratch, {"pdfinfo", pdf});
    INFO(info.out);
    CHECK(std::regex_search(info.out, std::regex("\nPages:\\s+" + std::to_string(pages) + "\n")));
    const Run text = spawn(scratch, {"pdftotext", "-layout", pdf, "-"});
    CHECK(text.out.find("Day sheet · Tuesday 14 July 2026") != std::string::npos);
    CHECK(text.out.find("page " + std::to_string(pages) + " / " + std::to_string(pages)) != std::string::npos);
}

TEST_CASE("day-sheet refuses a bad date or a missing output with exit 2, and writes nothing", "[cli][reports]") {
    const TempDir& scratch = sharedScratch();
    const std::string db = demoDatabase();
    const std::string pdf = scratch.file("never.pdf");

    Run r = cli(scratch, db, {"day-sheet", "--date", "2026-02-30", "--output", pdf});
    CHECK(r.code == 2);
    CHECK(r.err.find("--date") != std::string::npos);
    CHECK(r.out.empty());

    r = cli(scratch, db, {"day-sheet", "--date", "14/07/2026", "--output", pdf});
    CHECK(r.code == 2);

    r = cli(scratch, db, {"day-sheet", "--date", "2026-07-14"});
    CHECK(r.code == 2);
    CHECK(r.err.find("--output") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(pdf));
}

TEST_CASE("day-sheet into a folder that does not exist fails with exit 1 and leaves nothing", "[cli][reports]") {
    const TempDir& scratch = sharedScratch();
    const std::string db = demoDatabase();
    const std::string pdf = scratch.file("no-such-folder/sheet.pdf");
    const Run r = cli(scratch, db, {"day-sheet", "--date", "2026-07-14", "--output", pdf});
    CHECK(r.code == 1);
    CHECK(r.err.find("narcisse-cli: error: PDF: ") == 0);
    CHECK_FALSE(std::filesystem::exists(pdf));
    CHECK_FALSE(std::filesystem::exists(pdf + ".part"));
}
