// Availability: seats of a departure from the boats in service and not closed, the seats that
// bookings hold, and the boat the desk proposes for a party (DESIGN.md §4 "Capacity").
#include "domain/availability.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

using namespace narcisse::domain;
using namespace narcisse::domain::test;

namespace {
const BusinessZone kParis;
const LocalDate kDay = day(2026, 7, 14);
// 10:00–10:45 local.
const Departure kTen{utc("2026-07-14T08:00:00Z"), utc("2026-07-14T08:45:00Z"), hm(10, 0)};
const Departure kTenTwenty{utc("2026-07-14T08:20:00Z"), utc("2026-07-14T09:05:00Z"), hm(10, 20)};
const Instant kNow = utc("2026-07-14T07:00:00Z");

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
    b.boatId = on.id;
    b.departureStart = dep.start;
    b.departureEnd = dep.end;
    b.party = party;
    b.state = state;
    return b;
}

const BoatLoad& loadOf(const DepartureAvailability& a, const Boat& b) {
    for (const auto& l : a.boats)
        if (l.boat.id == b.id) return l;
    FAIL("boat " << b.name << " is not listed");
    throw;
}
}  // namespace

TEST_CASE("Seats come from the boats in service", "[domain][availability]") {
    const Boat ill = boat("Ill", 12);
    const Boat lauch = boat("Lauch", 8);
    const Boat fecht = boat("Fecht", 10, BoatStatus::Maintenance);
    const Boat old = boat("Old Lady", 12, BoatStatus::Retired);
    const auto a = availability(kTen, {ill, lauch, fecht, old}, {}, {}, kNow, {});
    CHECK(a.departure == kTen);
    CHECK(a.seatsTotal == 20);
    CHECK(a.seatsHeld == 0);
    CHECK(a.seatsFree == 20);
    CHECK_FALSE(a.closedReason);
    // The retired boat is not listed; the one in maintenance is, offering nothing.
    REQUIRE(a.boats.size() == 3);
    CHECK(a.boats[0].boat.name == "Ill");
    CHECK(a.boats[1].boat.name == "Lauch");
    CHECK(a.boats[2].boat.name == "Fecht");
    CHECK(a.boats[0].free() == 12);
    CHECK_FALSE(a.boats[2].offered());
    CHECK(a.boats[2].free() == 0);
}

TEST_CASE("A boat in maintenance or retired offers nothing", "[domain][availability]") {
    const auto maintenance = availability(kTen, {boat("Fecht", 10, BoatStatus::Maintenance)}, {}, {}, kNow, {});
    CHECK(maintenance.seatsTotal == 0);
    CHECK(maintenance.seatsFree == 0);
    const auto retired = availability(kTen, {boat("Old Lady", 12, BoatStatus::Retired)}, {}, {}, kNow, {});
    CHECK(retired.seatsTotal == 0);
    CHECK(retired.seatsFree == 0);
    CHECK(retired.boats.empty());
    CHECK_FALSE(bestBoat(maintenance, 1));
    CHECK_FALSE(bestBoat(retired, 1));
}

TEST_CASE("A closure of one boat takes only that boat off the departure", "[domain][availability]") {
    const Boat ill = boat("Ill", 12);
    const Boat lauch = boat("Lauch", 8);
    const Block repair = Block::timeRange(kDay, hm(9, 0), hm(11, 0), kParis, "hull repair", ill.id);
    const auto a = availability(kTen, {ill, lauch}, {repair}, {}, kNow, {});
    CHECK(a.seatsTotal == 8);
    CHECK(a.seatsFree == 8);
    CHECK_FALSE(a.closedReason);
    CHECK(loadOf(a, ill).closedReason == std::optional<std::string>("hull repair"));
    CHECK_FALSE(loadOf(a, ill).offered());
    CHECK(loadOf(a, ill).free() == 0);
    CHECK_FALSE(loadOf(a, lauch).closedReason);
    CHECK(bestBoat(a, 2) == lauch.id);
}

TEST_CASE("A closure of every boat closes the departure with its reason", "[domain][availability]") {
    const Boat ill = boat("Ill", 12);
    const Boat lauch = boat("Lauch", 8);
    const Block storm = Block::timeRange(kDay, hm(9, 0), hm(12, 0), kParis, "storm warning");
    const auto a = availability(kTen, {ill, lauch}, {storm}, {}, kNow, {});
    CHECK(a.closedReason == std::optional<std::string>("storm warning"));
    CHECK(a.seatsTotal == 0);
    CHECK(a.seatsFree == 0);
    CHECK_FALSE(bestBoat(a, 1));
    // A closure ending when the ride leaves does not close it.
    const Block morning = Block::timeRange(kDay, hm(8, 0), hm(10, 0), kParis, "fog");
    const auto open = availability(kTen, {ill, lauch}, {morning}, {}, kNow, {});
    CHECK_FALSE(open.closedReason);
    CHECK(open.seatsFree == 20);
}

TEST_CASE("Closing every boat in service closes the departure, even with a boat in maintenance",
          "[domain][availability]") {
    const Boat ill = boat("Ill", 12);
    const Boat fecht = boat("Fecht", 10, BoatStatus::Maintenance);
    const Block illOnly = Block::timeRange(kDay, hm(9, 0), hm(12, 0), kParis, "rudder broken", ill.id);
    const auto a = availability(kTen, {ill, fecht}, {illOnly}, {}, kNow, {});
    CHECK(a.closedReason == std::optional<std::string>("rudder broken"));
    CHECK(a.seatsTotal == 0);
    // A fleet with no boat in service at all is not "closed": it has nothing to offer.
    const auto none = availability(kTen, {fecht}, {}, {}, kNow, {});
    CHECK_FALSE(none.closedReason);
    CHECK(none.seatsTotal == 0);
}

TEST_CASE("Cancelled, expired and run-out pending bookings free their seats; the others hold them",
          "[domain][availability]") {
    const Boat ill = boat("Ill", 12);
    std::vector<Booking> bookings = {
        booking(ill, kTen, {2, 0, 0}, BookingState::Confirmed),
        booking(ill, kTen, {1, 0, 0}, BookingState::Embarqued),
        booking(ill, kTen, {3, 0, 0}, BookingState::Pending),      // pays until 07:30Z
        booking(ill, kTen, {4, 0, 0}, BookingState::Pending),      // ran out at 06:59Z
        booking(ill, kTen, {5, 0, 0}, BookingState::Cancelled),
        booking(ill, kTen, {5, 0, 0}, BookingState::Expired),
        booking(ill, kTen, {1, 0, 0}, BookingState::NoShow),      // sold, the seat sailed empty
        booking(ill, kTen, {1, 0, 0}, BookingState::Completed),
    };
    bookings[2].expiresAt = utc("2026-07-14T07:30:00Z");
    bookings[3].expiresAt = utc("2026-07-14T06:59:00Z");
    const auto a = availability(kTen, {ill}, {}, bookings, kNow, {});
    CHECK(a.seatsHeld == 8);
    CHECK(a.seatsFree == 4);
    CHECK(loadOf(a, ill).held == 8);
    // Half an hour later the pending one has run out too.
    const auto later = availability(kTen, {ill}, {}, bookings, utc("2026-07-14T07:30:00Z"), {});
    CHECK(later.seatsHeld == 5);
    CHECK(later.seatsFree == 7);
}

TEST_CASE("Only the bookings of this departure and this boat count", "[domain][availability]") {
    const Boat ill = boat("Ill", 12);
    const Boat lauch = boat("Lauch", 8);
    const std::vector<Booking> bookings = {
        booking(ill, kTen, {2, 1, 0}),
        booking(lauch, kTen, {4, 0, 0}),
        booking(ill, kTenTwenty, {6, 0, 0}),    // the next departure
        booking(boat("Elsewhere", 12), kTen, {5, 0, 0}),  // a boat not in this fleet list
    };
    const auto a = availability(kTen, {ill, lauch}, {}, bookings, kNow, {});
    CHECK(loadOf(a, ill).held == 3);
    CHECK(loadOf(a, lauch).held == 4);
    CHECK(a.seatsHeld == 7);
    CHECK(a.seatsFree == 13);
}

TEST_CASE("Babies take a seat unless the setting says otherwise", "[domain][availability]") {
    const Boat ill = boat("Ill", 12);
    const std::vector<Booking> bookings = {booking(ill, kTen, {2, 1, 2})};
    BusinessSettings settings;
    CHECK(settings.babiesTakeSeat);
    CHECK(availability(kTen, {ill}, {}, bookings, kNow, settings).seatsHeld == 5);
    settings.babiesTakeSeat = false;
    CHECK(availability(kTen, {ill}, {}, bookings, kNow, settings).seatsHeld == 3);
    CHECK(availability(kTen, {ill}, {}, bookings, kNow, settings).seatsFree == 9);
}

TEST_CASE("An overbooked boat shows no free seats, never a negative count", "[domain][availability]") {
    const Boat lauch = boat("Lauch", 8);
    const auto a = availability(kTen, {lauch}, {}, {booking(lauch, kTen, {9, 0, 0})}, kNow, {});
    CHECK(a.seatsHeld == 9);
    CHECK(a.seatsFree == 0);
    CHECK_FALSE(bestBoat(a, 1));
}

TEST_CASE("The desk proposes the fitting boat with the fewest free seats", "[domain][availability]") {
    const Boat ill = boat("Ill", 12);       // 5 held → 7 free
    const Boat lauch = boat("Lauch", 8);    // 0 held → 8 free
    const Boat thur = boat("Thur", 12);     // 10 held → 2 free
    const Boat fecht = boat("Fecht", 12, BoatStatus::Maintenance);  // 12 empty seats, not offered
    const std::vector<Booking> bookings = {booking(ill, kTen, {5, 0, 0}), booking(thur, kTen, {6, 4, 0})};
    const auto a = availability(kTen, {ill, lauch, thur, fecht}, {}, bookings, kNow, {});
    CHECK(a.seatsFree == 17);
    CHECK(bestBoat(a, 1) == thur.id);
    CHECK(bestBoat(a, 2) == thur.id);
    CHECK(bestBoat(a, 3) == ill.id);
    CHECK(bestBoat(a, 7) == ill.id);
    CHECK(bestBoat(a, 8) == lauch.id);
    // 17 seats are free in all, but no single boat seats 9: a party sits in one boat.
    CHECK_FALSE(bestBoat(a, 9));
    CHECK_FALSE(bestBoat(a, 12));
}

TEST_CASE("Between boats with as many free seats the fleet's order decides", "[domain][availability]") {
    const Boat ill = boat("Ill", 10);
    const Boat lauch = boat("Lauch", 10);
    CHECK(bestBoat(availability(kTen, {ill, lauch}, {}, {}, kNow, {}), 4) == ill.id);
    CHECK(bestBoat(availability(kTen, {lauch, ill}, {}, {}, kNow, {}), 4) == lauch.id);
}
