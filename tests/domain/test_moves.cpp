// Moves: every reason a booking may not go to a boat of a departure, in the words the user reads,
// and the departures proposed to passengers whose departure closes (same day first, nearest first).
#include "domain/moves.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

using namespace narcisse::domain;
using namespace narcisse::domain::test;

namespace {
const BusinessZone kParis;
const Instant kNow = utc("2026-07-14T07:00:00Z");   // 09:00 in Colmar

Departure departure(LocalDate d, int h, int m) {
    const Instant start = kParis.at(d, hm(h, m));
    return {start, start + std::chrono::minutes{45}, hm(h, m)};
}
const Departure kTen = departure(day(2026, 7, 14), 10, 0);
const Departure kEleven = departure(day(2026, 7, 14), 11, 0);

Boat boat(const std::string& name, int capacity, BoatStatus status = BoatStatus::InService) {
    Boat b;
    b.id = Uuid::generate();
    b.name = name;
    b.capacity = capacity;
    b.status = status;
    return b;
}

Booking booking(const Boat& on, const Departure& dep, Party party, BookingState state = BookingState::Confirmed) {
    Booking b;
    b.id = Uuid::generate();
    b.ref = PublicRef::fromNumber(4242);
    b.boatId = on.id;
    b.departureStart = dep.start;
    b.departureEnd = dep.end;
    b.party = party;
    b.state = state;
    return b;
}

struct Fleet {
    Boat ill = boat("Ill", 12);
    Boat lauch = boat("Lauch", 10);
    Boat fecht = boat("Fecht", 12, BoatStatus::Maintenance);
    std::vector<Boat> all() const { return {ill, lauch, fecht}; }
};

DepartureAvailability at(const Fleet& f, const Departure& d, const std::vector<Booking>& bookings,
                         const std::vector<Block>& blocks = {}) {
    return availability(d, f.all(), blocks, bookings, kNow, {});
}

}  // namespace

TEST_CASE("A confirmed booking moves to a boat with room; each refusal says why", "[domain][moves]") {
    const Fleet f;
    Booking b = booking(f.ill, kTen, {2, 1, 0});
    const std::string ref = b.ref.str();
    const auto eleven = at(f, kEleven, {});

    CHECK_FALSE(moveRefusal(b, eleven, f.lauch.id, kNow, {}));
    CHECK_FALSE(moveRefusal(b, eleven, f.ill.id, kNow, {}));   // same boat, another departure

    SECTION("only pending or confirmed bookings move") {
        for (auto state : {BookingState::Cancelled, BookingState::Expired, BookingState::Embarqued,
                           BookingState::Completed, BookingState::NoShow}) {
            b.state = state;
            CHECK(moveRefusal(b, eleven, f.lauch.id, kNow, {}) ==
                  ref + " is " + std::string(toString(state)) + ": only pending or confirmed bookings move");
        }
        b.state = BookingState::Pending;
        b.expiresAt = kNow + std::chrono::minutes{5};
        CHECK_FALSE(moveRefusal(b, eleven, f.lauch.id, kNow, {}));
    }
    SECTION("a pending booking past its delay holds no seats") {
        b.state = BookingState::Pending;
        b.expiresAt = kNow - std::chrono::minutes{1};
        CHECK(moveRefusal(b, eleven, f.lauch.id, kNow, {}) == ref + " has expired: it holds no seats to move");
    }
    SECTION("a booking whose departure has left stays where it sailed") {
        const Instant later = kTen.start + std::chrono::minutes{1};
        CHECK(moveRefusal(b, availability(kEleven, f.all(), {}, {}, later, {}), f.lauch.id, later, {}) ==
              ref + "'s departure has already left");
    }
    SECTION("the target departure has left") {
        const Departure early = departure(day(2026, 7, 14), 8, 40);
        CHECK(moveRefusal(b, at(f, early, {}), f.lauch.id, kNow, {}) == "the target departure has already left");
    }
    SECTION("a boat that is not in the fleet") {
        CHECK(moveRefusal(b, eleven, Uuid::generate(), kNow, {}) == "that boat is not in the fleet");
    }
    SECTION("a boat closed at that time, with the closure's reason") {
        const Block lock{Uuid::generate(), kEleven.start, kEleven.end, f.lauch.id, "Écluse en travaux"};
        CHECK(moveRefusal(b, at(f, kEleven, {}, {lock}), f.lauch.id, kNow, {}) == "Lauch is closed then: Écluse en travaux");
        // The whole departure closed: every boat says so.
        const Block storm{Uuid::generate(), kEleven.start, kEleven.end, std::nullopt, "Orage"};
        CHECK(moveRefusal(b, at(f, kEleven, {}, {storm}), f.ill.id, kNow, {}) == "Ill is closed then: Orage");
    }
    SECTION("a boat in maintenance") {
        CHECK(moveRefusal(b, eleven, f.fecht.id, kNow, {}) == "Fecht is not in service");
    }
    SECTION("the place it already has") {
        CHECK(moveRefusal(b, at(f, kTen, {b}), f.ill.id, kNow, {}) == ref + " is already on Ill at that departure");
    }
    SECTION("not enough free seats, counted in words") {
        const Booking eight = booking(f.lauch, kEleven, {8, 0, 0});
        CHECK(moveRefusal(b, at(f, kEleven, {eight}), f.lauch.id, kNow, {}) == "Lauch has 2 free seats, the party needs 3");
        const Booking nine = booking(f.lauch, kEleven, {9, 0, 0});
        CHECK(moveRefusal(b, at(f, kEleven, {nine}), f.lauch.id, kNow, {}) == "Lauch has 1 free seat, the party needs 3");
        const Booking ten = booking(f.lauch, kEleven, {10, 0, 0});
        CHECK(moveRefusal(b, at(f, kEleven, {ten}), f.lauch.id, kNow, {}) == "Lauch has 0 free seats, the party needs 3");
        // Babies count unless the setting says otherwise.
        b.party = {1, 0, 2};
        CHECK(moveRefusal(b, at(f, kEleven, {nine}), f.lauch.id, kNow, {}) == "Lauch has 1 free seat, the party needs 3");
        BusinessSettings lap;
        lap.babiesTakeSeat = false;
        CHECK_FALSE(moveRefusal(b, at(f, kEleven, {nine}), f.lauch.id, kNow, lap));
    }
    SECTION("within one departure, the booking's own seats are on the boat it leaves") {
        // Ill holds the party's 3 seats; Lauch has exactly 3 free: the swap fits.
        const Booking seven = booking(f.lauch, kTen, {7, 0, 0});
        const auto ten = at(f, kTen, {b, seven});
        CHECK(ten.boats[0].held == 3);
        CHECK_FALSE(moveRefusal(b, ten, f.lauch.id, kNow, {}));
        const Booking one = booking(f.lauch, kTen, {1, 0, 0});
        CHECK(moveRefusal(b, at(f, kTen, {b, seven, one}), f.lauch.id, kNow, {}) ==
              "Lauch has 2 free seats, the party needs 3");
    }
}

TEST_CASE("Nearest departures: its own departure on another boat, then the same day, nearest first; never past, "
          "closed, full, nor its own boat",
          "[domain][moves]") {
    const Fleet f;
    const LocalDate d14 = day(2026, 7, 14), d13 = day(2026, 7, 13), d15 = day(2026, 7, 15);
    const Booking b = booking(f.ill, kTen, {4, 0, 0});

    const Departure past = departure(d14, 8, 30);         // before now (09:00)
    const Departure yesterday = departure(d13, 10, 0);
    const Departure nineThirty = departure(d14, 9, 30);   // 30 min before
    const Departure tenThirty = departure(d14, 10, 30);   // 30 min after: the tie goes to the earlier
    const Departure tenTwenty = departure(d14, 10, 20);   // closed
    const Departure tenForty = departure(d14, 10, 40);    // full for 4
    const Departure elevenThirty = departure(d14, 11, 30);
    const Departure tomorrowEarly = departure(d15, 9, 30);
    const Departure tomorrow = departure(d15, 10, 0);

    const Block storm{Uuid::generate(), tenTwenty.start, tenTwenty.end, std::nullopt, "Orage"};
    const Booking bigIll = booking(f.ill, tenForty, {10, 0, 0});
    const Booking bigLauch = booking(f.lauch, tenForty, {7, 0, 0});
    const Booking smallLauch = booking(f.lauch, elevenThirty, {5, 0, 0});

    const std::vector<DepartureAvailability> candidates{
        at(f, tomorrow, {}),          at(f, elevenThirty, {smallLauch}), at(f, past, {}),
        at(f, kTen, {b}),             at(f, tenForty, {bigIll, bigLauch}), at(f, tenTwenty, {}, {storm}),
        at(f, tomorrowEarly, {}),     at(f, yesterday, {}),              at(f, tenThirty, {}),
        at(f, nineThirty, {}),
    };

    const auto all = nearestDepartures(b, candidates, kParis, kNow, {}, 10);
    std::vector<Minutes> order;
    std::vector<LocalDate> days;
    for (const auto& p : all) {
        order.push_back(p.departure.localStart);
        days.push_back(kParis.localDate(p.departure.start));
    }
    CHECK(order == std::vector<Minutes>{hm(10, 0), hm(9, 30), hm(10, 30), hm(11, 30), hm(9, 30), hm(10, 0)});
    CHECK(days == std::vector<LocalDate>{d14, d14, d14, d14, d15, d15});

    // Each proposal names the best-fitting boat and the seats it has before the party sits down.
    REQUIRE(all.size() == 6);
    // Its own 10:00 departure, on the other boat: the party sits on Ill, so Ill is never proposed.
    CHECK(all[0].departure == kTen);
    CHECK(all[0].boatId == f.lauch.id);
    CHECK(all[0].freeSeatsBefore == 10);
    CHECK(all[1].boatName == "Lauch");
    CHECK(all[1].freeSeatsBefore == 10);
    CHECK(all[3].boatName == "Lauch");   // 5 free on Lauch fit 4 more tightly than 12 on Ill
    CHECK(all[3].freeSeatsBefore == 5);
    CHECK(all[3].boatId == f.lauch.id);

    const auto three = nearestDepartures(b, candidates, kParis, kNow, {});
    REQUIRE(three.size() == 3);
    CHECK(three[0].departure == kTen);
    CHECK(three[1].departure == nineThirty);
    CHECK(three[2].departure == tenThirty);

    // A party no boat can seat gets no proposal at all.
    const Booking huge = booking(f.ill, kTen, {13, 0, 0});
    CHECK(nearestDepartures(huge, candidates, kParis, kNow, {}, 10).empty());
}
