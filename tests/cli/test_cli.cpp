// narcisse-cli end to end: the built program run as a desk manager or a script would run it, its
// output, files and exit codes checked exactly. Expected lines follow from the demo season's rules
// (src/app/demo_data.cpp): 8 boats of 92 seats in all, departures every 20 minutes from 10:00 to
// 18:40 (20:00 in July and August), adult 12.00 €, child 7.00 €, baby 0.00 €, VAT 10 %.
#include "app/store_factory.h"
#include "domain/store.h"
#include "cli_runner.h"
#include "support/engines.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace narcisse;
using namespace narcisse::domain;
using narcisse::test::TempDir;

namespace {

// The demo fleet in its order (name, seats).
const std::vector<std::pair<std::string, int>> kFleet{{"Lauch", 12},         {"Ill", 12},      {"Krutenau", 12},
                                                      {"Petite Venise", 11}, {"Tanneurs", 12}, {"Poissonnerie", 10},
                                                      {"Koïfhus", 12},       {"Bartholdi", 11}};
constexpr int kFleetSeats = 92;
constexpr const char* kMaintenance = "Entretien annuel : carénage et peinture";

using Outcome = narcisse::test::RunResult;
using narcisse::test::readFile;
using narcisse::test::runCli;

int thisYear() {
    return static_cast<int>(date::year_month_day{date::floor<date::days>(std::chrono::system_clock::now())}.year());
}

LocalDate ymd(int y, unsigned m, unsigned d) { return LocalDate{date::year{y}, date::month{m}, date::day{d}}; }

// "10:00     92     0    92": time, seats, held, free right-aligned under "time   seats  held  free".
std::string departureLine(int minutes, int seats, int held, int free, const std::string& note = "") {
    char line[64];
    std::snprintf(line, sizeof line, "%s  %5d  %4d  %4d", hhmm(Minutes{minutes}).c_str(), seats, held, free);
    return line + (note.empty() ? "" : "  " + note) + "\n";
}

// The demo timetable: 10:00 to 18:40, or to 20:00 in July and August, every 20 minutes.
int lastDeparture(LocalDate d) {
    const unsigned m = static_cast<unsigned>(d.month());
    return m == 7 || m == 8 ? 20 * 60 : 18 * 60 + 40;
}

// Every departure of an empty day: `seats` free on each, or none when the whole departure is closed.
std::string departuresOutput(LocalDate d, int seats, const std::string& note = "") {
    const int shown = note.rfind("closed:", 0) == 0 ? 0 : seats;
    std::string out = "Departures on " + isoDate(d) + " (Europe/Paris)\ntime   seats  held  free\n";
    for (int m = 10 * 60; m <= lastDeparture(d); m += 20) out += departureLine(m, shown, 0, shown, note);
    return out;
}

std::vector<Block> blocksOfSeason(const std::string& location, int season) {
    const BusinessZone zone;
    std::vector<Block> blocks;
    app::openStore(location)->read([&](StoreReader& r) {
        blocks = r.blocksOverlapping(zone.startOfDay(ymd(season, 1, 1)), zone.startOfDay(ymd(season + 1, 1, 1)));
    });
    return blocks;
}

std::vector<Block> blocksOn(const std::vector<Block>& blocks, LocalDate d) {
    const BusinessZone zone;
    std::vector<Block> out;
    for (const auto& b : blocks)
        if (b.start < zone.startOfDay(nextDay(d)) && zone.startOfDay(d) < b.end) out.push_back(b);
    return out;
}

// The first day from `from` that no closure touches: its departures follow from the fleet alone.
LocalDate firstOpenDay(const std::string& location, LocalDate from) {
    const auto blocks = blocksOfSeason(location, static_cast<int>(from.year()));
    for (LocalDate d = from;; d = nextDay(d))
        if (blocksOn(blocks, d).empty()) return d;
}

std::int64_t bookingCount(const std::string& location) {
    std::int64_t n = -1;
    app::openStore(location)->read([&](StoreReader& r) { n = r.bookingCount(); });
    return n;
}

// Runs `demo-data` on `location` with no bookings: every seat is free.
void emptyDemoSeason(const std::string& location, int season) {
    const auto o =
        runCli(location, {"demo-data", "--season", std::to_string(season), "--seed", "7", "--bookings", "0"});
    INFO(o.err);
    REQUIRE(o.code == 0);
    REQUIRE(o.out.find("  8 boats, 12 employees, 0 bookings, 0 payments, 8 closures\n") != std::string::npos);
}

// The desk's drawer opened with a 100.00 € float, so that rides can be sold in cash.
void openDrawer(const std::string& location) {
    const auto o = runCli(location, {"cash", "open", "--counted", "20x5"});
    INFO(o.err);
    REQUIRE(o.code == 0);
}

std::string referenceOf(const Outcome& sale) {
    REQUIRE(sale.out.rfind("Sold SN-", 0) == 0);
    return sale.out.substr(5, 11);
}

}  // namespace

TEST_CASE("departures of a demo day: one line per departure, closures with their reason", "[cli]") {
    TempDir dir;
    const auto db = dir.file("narcisse.db");
    const int season = thisYear() + 1;
    emptyDemoSeason(db, season);

    SECTION("a July day without closure: the 31 departures 10:00–20:00, all 92 seats free") {
        const LocalDate day = firstOpenDay(db, ymd(season, 7, 10));
        REQUIRE(day.month() == date::July);
        const auto o = runCli(db, {"departures", "--date", isoDate(day)});
        CHECK(o.code == 0);
        CHECK(o.err.empty());
        CHECK(o.out == departuresOutput(day, kFleetSeats));
        CHECK(std::count(o.out.begin(), o.out.end(), '\n') == 2 + 31);
    }
    SECTION("the week of maintenance takes one boat's seats off every departure") {
        const auto blocks = blocksOfSeason(db, season);
        const auto maintenance =
            std::find_if(blocks.begin(), blocks.end(), [](const Block& b) { return b.boatId.has_value(); });
        REQUIRE(maintenance != blocks.end());
        CHECK(maintenance->reason == kMaintenance);
        const BusinessZone zone;
        LocalDate day = zone.localDate(maintenance->start);
        while (blocksOn(blocks, day).size() != 1) day = nextDay(day);   // a day with no other closure
        REQUIRE(day < zone.localDate(maintenance->end));
        std::string boat;
        int seats = 0;
        app::openStore(db)->read([&](StoreReader& r) {
            for (const auto& b : r.boats())
                if (b.id == *maintenance->boatId) boat = b.name, seats = b.capacity;
        });
        const auto o = runCli(db, {"departures", "--date", isoDate(day)});
        CHECK(o.code == 0);
        CHECK(o.out == departuresOutput(day, kFleetSeats - seats, boat + " closed: " + kMaintenance));
    }
    SECTION("a whole day of high water closes every departure") {
        const auto blocks = blocksOfSeason(db, season);
        const BusinessZone zone;
        const auto flood = std::find_if(blocks.begin(), blocks.end(), [&](const Block& b) {
            return !b.boatId && b.start == zone.startOfDay(zone.localDate(b.start)) &&
                   blocksOn(blocks, zone.localDate(b.start)).size() == 1;
        });
        REQUIRE(flood != blocks.end());
        const LocalDate day = zone.localDate(flood->start);
        const auto o = runCli(db, {"departures", "--date", isoDate(day)});
        CHECK(o.code == 0);
        CHECK(o.out == departuresOutput(day, 0, "closed: " + flood->reason));
    }
    SECTION("on the day clocks go forward, the wall times that do not exist are listed as skipped") {
        // A night timetable across the change of 2026-03-29 in Paris (02:00 becomes 03:00).
        TimetableRule night{Uuid::generate(), ymd(2026, 3, 29), ymd(2026, 3, 29), 0x7F, Minutes{100}, Minutes{180},
                            Minutes{20}, Minutes{45}};
        app::openStore(db)->write([&](StoreWriter& w) { w.saveTimetableRule(night); });
        const auto o = runCli(db, {"departures", "--date", "2026-03-29"});
        CHECK(o.code == 0);
        const std::string gap(21, ' ');   // under the note column, past the empty seat columns
        CHECK(o.out == "Departures on 2026-03-29 (Europe/Paris)\n"
                       "time   seats  held  free\n" +
                           departureLine(100, 92, 0, 92) +
                           "02:00" + gap + "skipped: 02:00 does not exist on 2026-03-29 (clocks go forward)\n"
                           "02:20" + gap + "skipped: 02:20 does not exist on 2026-03-29 (clocks go forward)\n"
                           "02:40" + gap + "skipped: 02:40 does not exist on 2026-03-29 (clocks go forward)\n" +
                           departureLine(180, 92, 0, 92));
    }
    SECTION("a winter day has no departure") {
        const auto o = runCli(db, {"departures", "--date", isoDate(ymd(season, 12, 25))});
        CHECK(o.code == 0);
        CHECK(o.out == "Departures on " + isoDate(ymd(season, 12, 25)) +
                           " (Europe/Paris)\nNo departure that day: it is outside the timetable.\n");
    }
    SECTION("the fleet, the staff and the demo marks are in the database") {
        std::vector<std::pair<std::string, int>> fleet;
        std::optional<Employee> claire;
        std::optional<std::string> demo, business;
        app::openStore(db)->read([&](StoreReader& r) {
            for (const auto& b : r.boats()) fleet.emplace_back(b.name, b.capacity);
            claire = r.employeeByLogin("claire");
            demo = r.setting("demo");
            business = r.setting("business_name");
        });
        CHECK(fleet == kFleet);
        REQUIRE(claire);
        CHECK(claire->role == Role::Manager);
        CHECK(claire->passwordHash.rfind("$2b$", 0) == 0);
        CHECK(demo == "1");
        CHECK(business == "Sweet Narcisse");
        CHECK(runCli(db, {"db", "check"}).out == "ok\n");
        const auto again = runCli(db, {"demo-data", "--bookings", "0"});
        CHECK(again.code == 3);
        CHECK(again.err.find("already holds boats") != std::string::npos);
    }
}

TEST_CASE("selling a departure until it is full, then exit code 3", "[cli]") {
    TempDir dir;
    const auto db = dir.file("narcisse.db");
    const int season = thisYear() + 1;
    emptyDemoSeason(db, season);
    openDrawer(db);
    const LocalDate day = firstOpenDay(db, ymd(season, 7, 10));
    const std::string departure = isoDate(day) + " 10:00";

    // Parties as large as each boat: the best fit is always an empty boat of exactly that size,
    // taken in the fleet's order.
    struct Expected {
        int adults;
        const char* boat;
        const char* price;
    };
    const std::vector<Expected> sales{
        {12, "Lauch", "144.00 € (VAT 10 % included: 13.09 €)"},   // 144.00 × 10/110 = 13.0909…
        {12, "Ill", "144.00 € (VAT 10 % included: 13.09 €)"},
        {12, "Krutenau", "144.00 € (VAT 10 % included: 13.09 €)"},
        {12, "Tanneurs", "144.00 € (VAT 10 % included: 13.09 €)"},
        {12, "Koïfhus", "144.00 € (VAT 10 % included: 13.09 €)"},
        {11, "Petite Venise", "132.00 € (VAT 10 % included: 12.00 €)"},
        {11, "Bartholdi", "132.00 € (VAT 10 % included: 12.00 €)"},
        {10, "Poissonnerie", "120.00 € (VAT 10 % included: 10.91 €)"},   // 10.909…
    };
    std::set<std::string> refs;
    for (const auto& s : sales) {
        const auto o =
            runCli(db, {"sell", "--departure", departure, "--adults", std::to_string(s.adults), "--pay", "cash"});
        INFO(o.err);
        REQUIRE(o.code == 0);
        const std::string ref = referenceOf(o);
        refs.insert(ref);
        CHECK(o.out == "Sold " + ref + "\ndeparture  " + departure + "\nboat       " + s.boat + "\nparty      " +
                           std::to_string(s.adults) + " adults\nprice      " + s.price + ", paid by cash\n");
    }
    CHECK(refs.size() == sales.size());

    const auto seats = runCli(db, {"departures", "--date", isoDate(day)});
    CHECK(seats.out.find("\n" + departureLine(10 * 60, 92, 92, 0)) != std::string::npos);
    CHECK(seats.out.find("\n" + departureLine(10 * 60 + 20, 92, 0, 92)) != std::string::npos);

    const auto full = runCli(db, {"sell", "--departure", departure, "--adults", "1", "--pay", "card"});
    CHECK(full.code == 3);
    CHECK(full.out.empty());
    CHECK(full.err.find("the departure at " + departure + " is full") != std::string::npos);
    CHECK(bookingCount(db) == 8);
}

TEST_CASE("sales the rules refuse: past, closed, no such departure — exit code 3, nothing recorded", "[cli]") {
    TempDir dir;
    SECTION("a departure of last summer has already left") {
        const auto db = dir.file("past.db");
        const int season = thisYear() - 1;
        emptyDemoSeason(db, season);
        const std::string departure = isoDate(ymd(season, 7, 15)) + " 10:00";
        const auto o = runCli(db, {"sell", "--departure", departure, "--adults", "2", "--pay", "cash"});
        CHECK(o.code == 3);
        CHECK(o.err == "narcisse-cli: refused: the departure at " + departure + " has already left\n");
        CHECK(bookingCount(db) == 0);
    }
    SECTION("a day of high water, a time between two departures") {
        const auto db = dir.file("future.db");
        const int season = thisYear() + 1;
        emptyDemoSeason(db, season);
        const auto blocks = blocksOfSeason(db, season);
        const auto flood = std::find_if(blocks.begin(), blocks.end(), [](const Block& b) {
            return b.reason == "Crue de la Lauch : navigation interdite";
        });
        REQUIRE(flood != blocks.end());
        const std::string closed = isoDate(BusinessZone().localDate(flood->start)) + " 15:00";
        const auto o = runCli(db, {"sell", "--departure", closed, "--adults", "2", "--pay", "cash"});
        CHECK(o.code == 3);
        CHECK(o.err.find("the departure at " + closed + " is closed: Crue de la Lauch") != std::string::npos);

        const std::string between = isoDate(ymd(season, 7, 15)) + " 10:10";
        const auto none = runCli(db, {"sell", "--departure", between, "--adults", "2", "--pay", "cash"});
        CHECK(none.code == 3);
        CHECK(none.err == "narcisse-cli: refused: there is no departure at " + between + "\n");
        CHECK(bookingCount(db) == 0);
    }
}

TEST_CASE("bad arguments: exit code 2 naming the argument, the database unchanged", "[cli]") {
    TempDir dir;
    const auto db = dir.file("narcisse.db");
    const int season = thisYear() + 1;
    emptyDemoSeason(db, season);
    const std::string departure = isoDate(firstOpenDay(db, ymd(season, 7, 10))) + " 10:00";
    REQUIRE(runCli(db, {"sell", "--departure", departure, "--adults", "2", "--pay", "card"}).code == 0);
    const std::string before = readFile(db);
    REQUIRE(!before.empty());

    struct Case {
        std::vector<std::string> args;
        std::string named;
    };
    const std::vector<Case> cases{
        {{"sell", "--departure", departure, "--adults", "x", "--pay", "cash"}, "--adults"},
        {{"sell", "--departure", departure, "--adults", "2", "--pay", "cheque"}, "--pay"},
        {{"sell", "--departure", departure, "--adults", "2"}, "--pay"},
        {{"sell", "--departure", "2027-07-15 25:00", "--adults", "2", "--pay", "cash"}, "--departure"},
        {{"sell", "--departure", departure, "--adults", "0", "--pay", "cash"}, "adults"},   // the party's rule
        {{"departures", "--date", "2026-13-01"}, "--date"},
        {{"departures", "--date"}, "--date"},
        {{"departures", "--frobnicate"}, "--frobnicate"},
        {{"bookings", "--date", "2026-07-14", "--format", "pdf"}, "--format"},
        {{"export", "bookings", "--from", "2026-07-02", "--to", "2026-07-01", "--output", dir.file("x.csv")}, "--to"},
        {{"demo-data", "--season", "last"}, "--season"},
    };
    for (const auto& c : cases) {
        const auto o = runCli(db, c.args);
        INFO(c.args[0] << " … expecting " << c.named << "; stderr: " << o.err);
        CHECK(o.code == 2);
        CHECK(o.out.empty());
        CHECK(o.err.rfind("narcisse-cli: " + c.named, 0) == 0);
    }
    CHECK(readFile(db) == before);
    CHECK(bookingCount(db) == 1);
    CHECK_FALSE(std::filesystem::exists(dir.file("x.csv")));

    // A mistyped command creates no database either.
    const auto fresh = dir.file("never.db");
    CHECK(runCli(fresh, {"departures", "--date", "2026-02-30"}).code == 2);
    CHECK_FALSE(std::filesystem::exists(fresh));
}

TEST_CASE("a database that cannot be used: exit code 4 with the reason, the file left as it was", "[cli]") {
    TempDir dir;
    const auto db = dir.file("damaged.db");
    {
        std::ofstream junk(db, std::ios::binary);
        junk << std::string(4096, '\x5A');
    }
    const std::string before = readFile(db);
    const auto o = runCli(db, {"departures", "--date", "2026-07-14"});
    CHECK(o.code == 4);
    CHECK(o.out.empty());
    CHECK(o.err.rfind("narcisse-cli: the database is unavailable: the database " + db + " is damaged", 0) == 0);
    CHECK(readFile(db) == before);
    CHECK(runCli(db, {"db", "check"}).code == 4);
    CHECK(readFile(db) == before);
}

TEST_CASE("bookings exported as CSV and for Excel in French, byte for byte", "[cli]") {
    TempDir dir;
    const auto db = dir.file("narcisse.db");
    const int season = thisYear() + 1;
    emptyDemoSeason(db, season);
    openDrawer(db);
    const LocalDate day = firstOpenDay(db, ymd(season, 7, 10));
    const std::string d = isoDate(day);

    // Four seats (babies take one), then one, then two: the smallest boat fits each best.
    const auto family = runCli(db, {"sell", "--departure", d + " 10:20", "--adults", "2", "--children", "1", "--babies",
                                    "1", "--pay", "card", "--name", "Müller, Anna", "--language", "de"});
    REQUIRE(family.code == 0);
    CHECK(family.out.find("\nboat       Poissonnerie\nparty      2 adults, 1 child, 1 baby\n"
                          "price      31.00 € (VAT 10 % included: 2.82 €), paid by card\n") != std::string::npos);
    const auto single = runCli(db, {"sell", "--departure", d + " 11:00", "--adults", "1", "--pay", "cash", "--name",
                                    "Dupont; Marie"});
    REQUIRE(single.code == 0);
    // A name typed on the website that Excel would run as a formula.
    const auto formula = runCli(db, {"sell", "--departure", d + " 11:20", "--adults", "1", "--children", "1", "--pay",
                                     "cash", "--name", "=SUM(A1)"});
    REQUIRE(formula.code == 0);
    const std::string a = referenceOf(family);
    const std::string b = referenceOf(single);
    const std::string c = referenceOf(formula);

    const auto csvFile = dir.file("july.csv");
    const auto csv = runCli(db, {"export", "bookings", "--from", d, "--to", d, "--format", "csv", "--output", csvFile});
    CHECK(csv.code == 0);
    CHECK(csv.out == "3 bookings written to " + csvFile + "\n");
    CHECK(readFile(csvFile) ==
          "reference,date,time,boat,state,channel,language,adults,children,babies,customer,total\r\n" + a + "," + d +
              ",10:20,Poissonnerie,CONFIRMED,DESK,de,2,1,1,\"Müller, Anna\",31.00\r\n" + b + "," + d +
              ",11:00,Poissonnerie,CONFIRMED,DESK,fr,1,0,0,Dupont; Marie,12.00\r\n" + c + "," + d +
              ",11:20,Poissonnerie,CONFIRMED,DESK,fr,1,1,0,=SUM(A1),19.00\r\n");

    const auto excelFile = dir.file("juillet.csv");
    const auto excel =
        runCli(db, {"export", "bookings", "--from", d, "--to", d, "--format", "excel-fr", "--output", excelFile});
    CHECK(excel.code == 0);
    CHECK(readFile(excelFile) ==
          "\xEF\xBB\xBFreference;date;time;boat;state;channel;language;adults;children;babies;customer;total\r\n" + a +
              ";" + d + ";10:20;Poissonnerie;CONFIRMED;DESK;de;2;1;1;Müller, Anna;31,00\r\n" + b + ";" + d +
              ";11:00;Poissonnerie;CONFIRMED;DESK;fr;1;0;0;\"Dupont; Marie\";12,00\r\n" + c + ";" + d +
              ";11:20;Poissonnerie;CONFIRMED;DESK;fr;1;1;0;'=SUM(A1);19,00\r\n");
    CHECK_FALSE(std::filesystem::exists(excelFile + ".part"));

    const auto listed = runCli(db, {"bookings", "--date", d, "--format", "csv"});
    CHECK(listed.code == 0);
    CHECK(listed.out == readFile(csvFile));

    const auto table = runCli(db, {"bookings", "--date", d});
    CHECK(table.code == 0);
    CHECK(table.out ==
          "Bookings on " + d + " (Europe/Paris)\n"
          "time   reference    boat          state      party     channel  lang  customer       total\n"
          "10:20  " + a + "  Poissonnerie  CONFIRMED  2A 1C 1B  DESK     de    Müller, Anna   31.00\n"
          "11:00  " + b + "  Poissonnerie  CONFIRMED  1A        DESK     fr    Dupont; Marie  12.00\n"
          "11:20  " + c + "  Poissonnerie  CONFIRMED  1A 1C     DESK     fr    =SUM(A1)       19.00\n"
          "3 bookings, 7 people (every state)\n");
}

TEST_CASE("a demo season is reproducible, consistent with today and never overbooked", "[cli]") {
    TempDir dir;
    const int past = thisYear() - 1;
    auto generate = [&](const std::string& name, int season) {
        const auto db = dir.file(name);
        const auto o =
            runCli(db, {"demo-data", "--season", std::to_string(season), "--seed", "3", "--bookings", "500"});
        INFO(o.err);
        REQUIRE(o.code == 0);
        // Far below the season's capacity: every party finds a seat.
        CHECK(o.out.find("  8 boats, 12 employees, 500 bookings, ") != std::string::npos);
        return db;
    };
    const auto first = generate("first.db", past);
    const auto second = generate("second.db", past);
    const auto from = isoDate(ymd(past, 4, 1));
    const auto to = isoDate(ymd(past, 10, 31));
    for (const auto& [db, file] : {std::pair{first, dir.file("1.csv")}, std::pair{second, dir.file("2.csv")}})
        REQUIRE(runCli(db, {"export", "bookings", "--from", from, "--to", to, "--output", file}).code == 0);
    const std::string season = readFile(dir.file("1.csv"));
    CHECK(season == readFile(dir.file("2.csv")));   // same seed, same references, same everything
    CHECK(std::count(season.begin(), season.end(), '\n') == 1 + 500);

    auto checkSeason = [](const std::string& location, int year, const std::set<BookingState>& allowed) {
        const BusinessZone zone;
        const Instant now = SystemClock().now();
        std::vector<Boat> boats;
        std::vector<Block> blocks;
        std::vector<Booking> bookings;
        std::map<std::string, std::vector<Payment>> payments;
        app::openStore(location)->read([&](StoreReader& r) {
            boats = r.boats();
            blocks = r.blocksOverlapping(zone.startOfDay(ymd(year, 1, 1)), zone.startOfDay(ymd(year + 1, 1, 1)));
            bookings = r.bookingsDeparting(zone.startOfDay(ymd(year, 1, 1)), zone.startOfDay(ymd(year + 1, 1, 1)));
            for (const auto& b : bookings) payments[b.id.str()] = r.paymentsOfBooking(b.id);
        });
        REQUIRE(bookings.size() == 500);
        std::map<std::pair<Instant, Uuid>, int> seated;
        std::map<std::string, int> languages;
        for (const auto& b : bookings) {
            INFO(b.ref.str() << " " << toString(b.state) << " " << toString(b.channel));
            CHECK(allowed.count(b.state) == 1);
            CHECK(b.total.cents() == b.party.adults * 1200 + b.party.children * 700);
            CHECK(b.party.people() <= 6);
            ++languages[b.language];
            const auto boat = std::find_if(boats.begin(), boats.end(), [&](const Boat& x) { return x.id == b.boatId; });
            REQUIRE(boat != boats.end());
            for (const auto& block : blocks) CHECK_FALSE(block.covers(b.boatId, b.departureStart, b.departureEnd));
            if (b.state != BookingState::Cancelled) seated[{b.departureStart, b.boatId}] += b.party.seats(true);
            CHECK(seated[{b.departureStart, b.boatId}] <= boat->capacity);

            const auto& paid = payments[b.id.str()];
            if (b.state == BookingState::Cancelled || b.state == BookingState::Pending) {
                CHECK(paid.empty());
            } else {
                REQUIRE(paid.size() == 1);
                CHECK(paid[0].amount == b.total);
                CHECK(paid[0].status == PaymentStatus::Succeeded);
                const auto m = paid[0].method;
                if (b.channel == Channel::Web) CHECK((m == PaymentMethod::Stripe || m == PaymentMethod::PayPal));
                if (b.channel == Channel::Desk) CHECK((m == PaymentMethod::Cash || m == PaymentMethod::Card));
            }
            if (b.state == BookingState::Pending) {
                CHECK(b.channel == Channel::Phone);
                REQUIRE(b.expiresAt);
                CHECK(*b.expiresAt > now);
            }
            CHECK(b.createdAt <= std::min(now, b.departureStart));
        }
        CHECK(languages.size() == 5);
        for (const auto& [code, count] : languages) CHECK(count <= languages["fr"]);
    };
    checkSeason(first, past, {BookingState::Completed, BookingState::NoShow, BookingState::Cancelled});
    const auto future = generate("future.db", thisYear() + 1);
    checkSeason(future, thisYear() + 1, {BookingState::Confirmed, BookingState::Pending});
}

TEST_CASE("the same commands on the shared PostgreSQL database", "[cli][pg]") {
    const std::string db = narcisse::test::freshPgDatabase();
    const int season = thisYear() + 1;
    emptyDemoSeason(db, season);
    CHECK(runCli(db, {"db", "check"}).out == "ok\n");
    const LocalDate day = firstOpenDay(db, ymd(season, 7, 10));
    const std::string d = isoDate(day);

    const auto sale = runCli(db, {"sell", "--departure", d + " 10:00", "--adults", "2", "--children", "1", "--pay",
                                  "card", "--name", "Ana García"});
    INFO(sale.err);
    REQUIRE(sale.code == 0);
    const std::string ref = referenceOf(sale);
    CHECK(sale.out.find("\nboat       Poissonnerie\n") != std::string::npos);   // 3 seats: the 10-seat boat

    const auto seats = runCli(db, {"departures", "--date", d});
    CHECK(seats.code == 0);
    CHECK(seats.out.find("\ntime   seats  held  free\n" + departureLine(10 * 60, 92, 3, 89) +
                         departureLine(10 * 60 + 20, 92, 0, 92)) != std::string::npos);

    TempDir dir;
    const auto file = dir.file("export.csv");
    const auto csv =
        runCli(db, {"export", "bookings", "--from", d, "--to", d, "--format", "excel-fr", "--output", file});
    CHECK(csv.code == 0);
    CHECK(readFile(file) ==
          "\xEF\xBB\xBFreference;date;time;boat;state;channel;language;adults;children;babies;customer;total\r\n" + ref +
              ";" + d + ";10:00;Poissonnerie;CONFIRMED;DESK;fr;2;1;0;Ana García;31,00\r\n");

    const auto full = runCli(db, {"sell", "--departure", d + " 10:00", "--adults", "12", "--boat", "Poissonnerie",
                                  "--pay", "cash"});
    CHECK(full.code == 3);
    CHECK(full.err.find("Poissonnerie is full") != std::string::npos);
}
