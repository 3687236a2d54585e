// Desks working at once on one PostgreSQL database, each with its own connection: they sell into
// the same departures without overbooking or losing a sale, and they migrate a new database once.
#include "app/sales.h"
#include "app/store_factory.h"
#include "data/pg_store.h"
#include "data/migrations.h"
#include "domain/errors.h"
#include "support/engines.h"

#include <catch2/catch.hpp>

#include <array>
#include <latch>
#include <map>
#include <thread>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

constexpr int kDesks = 8;
constexpr int kAttemptsPerDesk = 25;   // 200 in all: about 500 seats asked for 44
constexpr int kLargestParty = 4;

// A deterministic pseudo-random sequence (splitmix64): each desk sells the same parties every run;
// only the interleaving between desks varies.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

enum class Outcome { Sold, Full, Other };

struct Attempt {
    int departure = 0;   // 0: 10:00, 1: 11:00
    int seats = 0;
    Outcome outcome = Outcome::Other;
    Uuid boat;           // where it sat, when sold
    std::string error;   // what() of an unexpected exception
};

}  // namespace

TEST_CASE("eight desks selling into the same two departures never overbook and lose no sale", "[pg]") {
    PgEngine engine;
    const Boat ill{Uuid::generate(), "Ill", 12, BoatStatus::InService, "#1F77B4", 1};
    const Boat lauch{Uuid::generate(), "Lauch", 10, BoatStatus::InService, "#FF7F0E", 2};
    const LocalDate day{date::year{2026}, date::month{7}, date::day{14}};   // CEST: UTC + 2
    TimetableRule twoDepartures;
    twoDepartures.id = Uuid::generate();
    twoDepartures.validFrom = day;
    twoDepartures.validTo = day;
    twoDepartures.firstDeparture = Minutes{10 * 60};
    twoDepartures.lastDeparture = Minutes{11 * 60};
    twoDepartures.interval = Minutes{60};
    twoDepartures.rideDuration = Minutes{45};
    const PriceList prices{Uuid::generate(), LocalDate{date::year{2026}, date::month{1}, date::day{1}},
                           Money::cents(1200), Money::cents(700), Money::cents(0), 1000};
    {
        auto store = engine.open();
        store->write([&](StoreWriter& tx) {
            tx.saveBoat(ill);
            tx.saveBoat(lauch);
            tx.saveTimetableRule(twoDepartures);
            tx.savePriceList(prices);
        });
    }
    const std::array<Instant, 2> starts{parseIsoUtc("2026-07-14T08:00:00Z", "start"),
                                        parseIsoUtc("2026-07-14T09:00:00Z", "start")};
    const std::array<Minutes, 2> wallTimes{Minutes{10 * 60}, Minutes{11 * 60}};
    const FixedClock clock(parseIsoUtc("2026-07-14T06:00:00Z", "now"));

    std::array<std::vector<Attempt>, kDesks> attempts;
    std::latch ready(kDesks);
    {
        std::vector<std::jthread> desks;
        for (int desk = 0; desk < kDesks; ++desk) {
            desks.emplace_back([&, desk] {
                auto& mine = attempts[static_cast<std::size_t>(desk)];
                std::unique_ptr<Store> store;
                try {
                    store = app::openStore(engine.location());
                } catch (const std::exception& e) {
                    mine.push_back({0, 0, Outcome::Other, {}, std::string("open: ") + e.what()});
                }
                ready.arrive_and_wait();   // every desk connected: they all start selling together
                if (!store) return;
                for (int i = 0; i < kAttemptsPerDesk; ++i) {
                    Attempt a;
                    a.departure = (desk + i) % 2;
                    a.seats = 1 + static_cast<int>(mix(static_cast<std::uint64_t>(desk * 1000 + i)) % kLargestParty);
                    app::SaleRequest request;
                    request.date = day;
                    request.time = wallTimes[static_cast<std::size_t>(a.departure)];
                    request.party = {(a.seats + 1) / 2, a.seats / 2, 0};
                    request.payment = PaymentMethod::Card;   // the drawer is not what this is about
                    try {
                        const auto sold = app::sellRide(*store, clock, request);
                        a.outcome = Outcome::Sold;
                        a.boat = sold.booking.boatId;
                    } catch (const CapacityError&) {
                        a.outcome = Outcome::Full;
                    } catch (const std::exception& e) {
                        a.error = e.what();
                    }
                    mine.push_back(std::move(a));
                }
            });
        }
    }   // the desks are joined here

    // What the desks saw.
    int sold = 0, full = 0;
    std::vector<std::string> others;
    std::map<std::pair<int, Uuid>, int> soldSeats;   // (departure, boat) → seats of committed sales
    std::array<int, 2> smallestRefused{kLargestParty + 1, kLargestParty + 1};
    for (const auto& desk : attempts) {
        for (const auto& a : desk) {
            if (a.outcome == Outcome::Sold) {
                ++sold;
                soldSeats[{a.departure, a.boat}] += a.seats;
            } else if (a.outcome == Outcome::Full) {
                ++full;
                auto& smallest = smallestRefused[static_cast<std::size_t>(a.departure)];
                smallest = std::min(smallest, a.seats);
            } else {
                others.push_back(a.error);
            }
        }
    }
    CAPTURE(others);
    CHECK(others.empty());
    CHECK(sold + full == kDesks * kAttemptsPerDesk);

    // What the database holds, read back through a new connection.
    std::vector<Booking> bookings;
    std::size_t payments = 0;
    std::vector<AuditEntry> audit;
    {
        auto store = engine.open();
        store->read([&](StoreReader& r) {
            bookings = r.bookingsDeparting(starts[0], starts[1] + std::chrono::seconds{1});
            for (const auto& b : bookings) payments += r.paymentsOfBooking(b.id).size();
            audit = r.latestAudit(10 * kDesks * kAttemptsPerDesk);
        });
    }
    // No sale lost: each committed one has its booking, its payment and its audit entry.
    CHECK(bookings.size() == static_cast<std::size_t>(sold));
    CHECK(payments == static_cast<std::size_t>(sold));
    CHECK(audit.size() == static_cast<std::size_t>(sold));

    std::map<std::pair<int, Uuid>, int> heldSeats;   // (departure, boat) → seats the database holds
    int heldInAll = 0, soldInAll = 0;
    for (const auto& b : bookings) {
        REQUIRE(b.holdsSeats(clock.now()));
        REQUIRE((b.boatId == ill.id || b.boatId == lauch.id));
        const int departure = b.departureStart == starts[0] ? 0 : 1;
        heldSeats[{departure, b.boatId}] += b.party.seats(true);
        heldInAll += b.party.seats(true);
    }
    for (const auto& [where, seats] : soldSeats) soldInAll += seats;
    CHECK(heldInAll == soldInAll);

    for (int d = 0; d < 2; ++d) {
        INFO("departure " << hhmm(wallTimes[static_cast<std::size_t>(d)]));
        // Demand far exceeds the 22 seats: each departure refused someone.
        const int smallest = smallestRefused[static_cast<std::size_t>(d)];
        REQUIRE(smallest <= kLargestParty);
        int free = 0;
        for (const Boat& boat : {ill, lauch}) {
            INFO("boat " << boat.name);
            const int held = heldSeats[{d, boat.id}];
            CHECK(held == soldSeats[{d, boat.id}]);
            CHECK(held <= boat.capacity);
            // Free seats only ever decrease (nothing is cancelled), so the room a boat has at the end
            // is no more than it had when any party was refused: a refusal proves the boat could not
            // seat that party then, and so it cannot now.
            CHECK(boat.capacity - held < smallest);
            free += boat.capacity - held;
        }
        CHECK(free < kLargestParty);   // the run really filled the departure
    }
}

TEST_CASE("desks starting at once on a new database apply each migration exactly once", "[pg]") {
    PgEngine engine;   // an empty database: nothing is migrated until a desk opens it
    std::array<int, kDesks> applied{};
    std::array<std::string, kDesks> errors;
    std::latch ready(kDesks);
    {
        std::vector<std::jthread> desks;
        for (int desk = 0; desk < kDesks; ++desk) {
            desks.emplace_back([&, desk] {
                const auto i = static_cast<std::size_t>(desk);
                std::unique_ptr<data::PgStore> store;
                try {
                    store = std::make_unique<data::PgStore>(engine.location());
                } catch (const std::exception& e) {
                    errors[i] = e.what();
                }
                ready.arrive_and_wait();   // every desk connected: they all migrate together
                if (!store) return;
                try {
                    applied[i] = store->migrate();
                } catch (const std::exception& e) {
                    errors[i] = e.what();
                }
            });
        }
    }
    for (const auto& e : errors) CHECK(e == "");
    const int migrations = static_cast<int>(data::postgresMigrations().size());
    int total = 0;
    for (int a : applied) total += a;
    CHECK(total == migrations);
    data::PgStore store(engine.location());
    CHECK(store.schemaVersion() == store.latestSchemaVersion());
    CHECK(store.check().empty());
}
