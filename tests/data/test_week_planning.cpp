// The week planning on both engines: seats held / offered per day and departure time, closures and
// one-off timetable changes respected, and each day's passengers, bookings and revenue.
#include "app/week_planning.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

Booking weekBooking(const Uuid& boat, const char* startUtc, Party party, BookingState state, std::int64_t cents,
                    std::uint64_t ref) {
    Booking b;
    b.id = Uuid::generate();
    b.ref = PublicRef::fromNumber(ref);
    b.boatId = boat;
    b.departureStart = at(startUtc);
    b.departureEnd = b.departureStart + std::chrono::minutes{45};
    b.party = party;
    b.state = state;
    b.total = Money::cents(cents);
    b.createdAt = at("2026-06-01T09:00:00Z");
    if (state == BookingState::Pending) b.expiresAt = at("2026-07-14T07:00:00Z");
    return b;
}

LocalDate july(unsigned day) { return LocalDate{date::year{2026}, date::month{7}, date::day{day}}; }

// "held/offered" per time of one day, "-" where the day has no departure, "closed" when all boats are.
std::vector<std::string> row(const app::WeekPlanning& w, std::size_t day) {
    std::vector<std::string> out;
    for (const auto& c : w.days[day].cells)
        out.push_back(!c.exists ? "-" : c.closedReason ? "closed" : std::to_string(c.held) + "/" + std::to_string(c.offered));
    return out;
}

}  // namespace

TEMPLATE_TEST_CASE("the week planning: seats held and offered per day and time, and each day's totals", "[week]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);   // Ill 12 + Lauch 10 seats; 10:00, 10:30, 11:00, 11:30, 12:00
    const BusinessZone zone;
    const Instant now = at("2026-07-14T06:00:00Z");   // Tuesday 08:00 in Colmar

    TimetableException extra{Uuid::generate(), july(17), Minutes{14 * 60}, TimetableException::Kind::Extra,
                             Minutes{45}, "Fête de la musique"};
    TimetableException cancelled{Uuid::generate(), july(18), Minutes{10 * 60}, TimetableException::Kind::Cancelled,
                                 Minutes{45}, "Marché"};
    store->write([&](StoreWriter& tx) {
        // Tuesday: three seat-holding bookings, one cancelled and one expired.
        tx.insertBooking(weekBooking(w.ill.id, "2026-07-14T08:00:00Z", {2, 1, 0}, BookingState::Confirmed, 3100, 1));
        tx.insertBooking(weekBooking(w.lauch.id, "2026-07-14T08:00:00Z", {4, 0, 0}, BookingState::Pending, 4800, 2));
        tx.insertBooking(weekBooking(w.ill.id, "2026-07-14T09:30:00Z", {1, 0, 1}, BookingState::Embarqued, 1200, 3));
        tx.insertBooking(weekBooking(w.ill.id, "2026-07-14T09:30:00Z", {5, 0, 0}, BookingState::Cancelled, 6000, 4));
        Booking expired = weekBooking(w.lauch.id, "2026-07-14T10:00:00Z", {2, 0, 0}, BookingState::Pending, 2400, 5);
        expired.expiresAt = at("2026-07-14T05:00:00Z");
        tx.insertBooking(expired);
        // Wednesday 10:30 closed for every boat; Thursday 11:00 only Ill, which still carries a party.
        tx.insertBlock(Block::timeRange(july(15), Minutes{10 * 60 + 30}, Minutes{11 * 60}, zone, "Crue de la Lauch"));
        tx.insertBlock(Block::timeRange(july(16), Minutes{11 * 60}, Minutes{11 * 60 + 30}, zone, "Entretien", w.ill.id));
        tx.insertBooking(weekBooking(w.ill.id, "2026-07-16T09:00:00Z", {2, 0, 0}, BookingState::Confirmed, 2400, 6));
        // Friday: an extra departure at 14:00; Saturday: 10:00 cancelled. Sunday 19th: a booking at
        // 12:30, a time the timetable does not have, still counted where it is.
        tx.saveTimetableException(extra);
        tx.saveTimetableException(cancelled);
        tx.insertBooking(weekBooking(w.lauch.id, "2026-07-17T12:00:00Z", {3, 2, 0}, BookingState::Confirmed, 5000, 7));
        tx.insertBooking(weekBooking(w.ill.id, "2026-07-19T10:30:00Z", {1, 0, 0}, BookingState::Confirmed, 1200, 8));
        // The Monday after: another week.
        tx.insertBooking(weekBooking(w.ill.id, "2026-07-20T08:00:00Z", {9, 0, 0}, BookingState::Confirmed, 9900, 9));
    });

    const app::WeekPlanning week = app::loadWeekPlanning(*store, july(16), now);   // any day of the week
    CHECK(week.monday == july(13));
    CHECK(week.timeZone == "Europe/Paris");
    std::vector<std::string> times;
    for (const auto& t : week.times) times.push_back(hhmm(t));
    CHECK(times == std::vector<std::string>{"10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "14:00"});
    for (std::size_t d = 0; d < 7; ++d) CHECK(week.days[d].date == july(13 + static_cast<unsigned>(d)));

    using Row = std::vector<std::string>;
    CHECK(row(week, 0) == Row{"0/22", "0/22", "0/22", "0/22", "0/22", "-", "-"});
    CHECK(row(week, 1) == Row{"7/22", "0/22", "0/22", "2/22", "0/22", "-", "-"});
    // A closure also takes the rides that would still be out when it starts (45 minutes long):
    // Wednesday's 10:00 is closed with 10:30, Thursday's 10:30 loses Ill with 11:00.
    CHECK(row(week, 2) == Row{"closed", "closed", "0/22", "0/22", "0/22", "-", "-"});
    CHECK(row(week, 3) == Row{"0/22", "0/10", "2/10", "0/22", "0/22", "-", "-"});
    CHECK(row(week, 4) == Row{"0/22", "0/22", "0/22", "0/22", "0/22", "-", "5/22"});
    CHECK(row(week, 5) == Row{"-", "0/22", "0/22", "0/22", "0/22", "-", "-"});
    CHECK(row(week, 6) == Row{"0/22", "0/22", "0/22", "0/22", "0/22", "1/22", "-"});
    CHECK(week.days[2].cells[1].closedReason == "Crue de la Lauch");
    CHECK(week.days[2].cells[1].offered == 0);

    const auto& tuesday = week.days[1];
    CHECK(tuesday.passengers == 9);    // 3 + 4 + 2 people (the baby counts)
    CHECK(tuesday.bookings == 3);
    CHECK(tuesday.revenue == Money::cents(3100 + 4800 + 1200));
    CHECK(tuesday.seatsHeld == 9);
    CHECK(tuesday.seatsOffered == 5 * 22);
    CHECK(week.days[2].seatsOffered == 3 * 22);
    CHECK(week.days[3].passengers == 2);
    CHECK(week.days[3].revenue == Money::cents(2400));
    CHECK(week.days[4].passengers == 5);
    CHECK(week.days[4].seatsOffered == 6 * 22);
    CHECK(week.days[6].bookings == 1);
    CHECK(week.days[0].passengers == 0);
    CHECK(week.days[0].revenue == Money::zero());
}

TEMPLATE_TEST_CASE("the week planning off season has no departures and nothing to count", "[week]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const auto week = app::loadWeekPlanning(*store, LocalDate{date::year{2026}, date::month{12}, date::day{24}},
                                            at("2026-07-14T06:00:00Z"));
    CHECK(week.monday == LocalDate{date::year{2026}, date::month{12}, date::day{21}});
    CHECK(week.times.empty());
    for (const auto& d : week.days) {
        CHECK(d.cells.empty());
        CHECK(d.bookings == 0);
    }
}
