// The Today dashboard on both engines: each kind of line appears, with its exact sentence, severity
// and target, when its condition holds, and not otherwise. The clock stands at 10:20 in Colmar on
// 14 July 2026: the 10:00 departure has left, 10:30 … 12:00 are ahead.
#include "app/sales.h"
#include "app/today.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

const Instant kNow = at("2026-07-14T08:20:00Z");   // 10:20 local

LocalDate day(int month, int d) {
    return LocalDate{date::year{2026}, date::month{static_cast<unsigned>(month)}, date::day{static_cast<unsigned>(d)}};
}

struct Line {
    app::Severity severity;
    std::string text;
    bool operator==(const Line&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Line& l) { return os << app::toString(l.severity) << ": " << l.text; }

std::vector<Line> linesOf(const app::TodaySummary& s, app::TodayKind kind) {
    std::vector<Line> out;
    for (const auto& l : s.lines)
        if (l.kind == kind) out.push_back({l.severity, l.text});
    return out;
}

// A booking written straight through the store, so its state, expiry and money are exactly these.
Booking book(Store& store, const Boat& boat, LocalDate date, const char* time, BookingState state, Party party,
             Money total, const std::string& customer, Channel channel = Channel::Desk,
             std::optional<Instant> expiresAt = std::nullopt) {
    const BusinessZone zone;
    Booking b;
    b.id = Uuid::generate();
    b.ref = PublicRef::random();
    b.boatId = boat.id;
    b.departureStart = zone.at(date, parseWallTime(time, "time"));
    b.departureEnd = b.departureStart + Minutes{45};
    b.party = party;
    b.channel = channel;
    b.state = state;
    b.expiresAt = expiresAt;
    b.total = total;
    b.createdAt = kNow - Minutes{30};
    Customer c{Uuid::generate(), customer, "", "", "fr"};
    b.customerId = c.id;
    store.write([&](StoreWriter& w) {
        w.saveCustomer(c);
        w.insertBooking(b);
    });
    return b;
}

app::TodayTarget planningAt(LocalDate date, std::optional<Instant> departure = std::nullopt,
                            std::optional<Uuid> id = std::nullopt) {
    app::TodayTarget t;
    t.date = date;
    t.departure = departure;
    t.id = id;
    return t;
}

app::TodayTarget bookingAt(const Booking& b) {
    app::TodayTarget t;
    t.place = app::TodayTarget::Place::Booking;
    t.date = BusinessZone().localDate(b.departureStart);
    t.departure = b.departureStart;
    t.booking = b.ref;
    t.id = b.id;
    return t;
}

app::TodayTarget placeOf(app::TodayTarget::Place place, const Uuid& id) {
    app::TodayTarget t;
    t.place = place;
    t.id = id;
    return t;
}

}  // namespace

TEMPLATE_TEST_CASE("a quiet day: the departures, the next ones first, and nothing else", "[today]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);

    const auto s = app::loadToday(*store, bastilleDay(), kNow);
    CHECK(s.isToday);
    CHECK(s.timeZone == "Europe/Paris");
    using app::Severity;
    CHECK(linesOf(s, app::TodayKind::DayTotal) == std::vector<Line>{{Severity::Info, "5 departures: 0 of 110 seats held, 110 free"}});
    CHECK(linesOf(s, app::TodayKind::Departure) == std::vector<Line>{
                                                       {Severity::Info, "10:30: 0 of 22 seats held, 22 free"},
                                                       {Severity::Info, "11:00: 0 of 22 seats held, 22 free"},
                                                       {Severity::Info, "11:30: 0 of 22 seats held, 22 free"},
                                                       {Severity::Info, "12:00: 0 of 22 seats held, 22 free"},
                                                       {Severity::Info, "10:00: left with 0 of 22 seats held"},
                                                   });
    REQUIRE(s.lines.size() == 6);
    CHECK(s.lines[0].target == planningAt(bastilleDay()));
    CHECK(s.lines[1].target == planningAt(bastilleDay(), at("2026-07-14T08:30:00Z")));
    CHECK_FALSE(s.lines[1].past);
    CHECK(s.lines[5].past);   // 10:00 has left

    // Another day: in time order, none has left yet.
    const auto tomorrow = app::loadToday(*store, day(7, 15), kNow);
    CHECK_FALSE(tomorrow.isToday);
    CHECK(tomorrow.lines[1].text == "10:00: 0 of 22 seats held, 22 free");
    // Out of season: said, not left blank.
    const auto winter = app::loadToday(*store, day(12, 1), kNow);
    CHECK(linesOf(winter, app::TodayKind::DayTotal) == std::vector<Line>{{Severity::Info, "No departure on this day"}});
}

TEMPLATE_TEST_CASE("bookings of the day: seats, boats without a boatman, money to collect, phone bookings about to expire",
                   "[today]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    openDrawer(*store);
    using app::Severity;
    const auto unpaid = book(*store, w.ill, bastilleDay(), "11:00", BookingState::Confirmed, {2, 0, 0}, Money::cents(2400), "Marie Dupont");
    const auto leftUnpaid = book(*store, w.ill, bastilleDay(), "10:00", BookingState::Confirmed, {1, 0, 0}, Money::cents(1200), "Jan Weiss");
    const auto soon = book(*store, w.lauch, bastilleDay(), "12:00", BookingState::Pending, {3, 0, 0}, Money::cents(3600),
                           "Paul Martin", Channel::Phone, kNow + Minutes{20});
    const auto later = book(*store, w.lauch, bastilleDay(), "11:30", BookingState::Pending, {1, 0, 0}, Money::cents(1200),
                            "Ana Ruiz", Channel::Phone, kNow + Minutes{120});
    const auto tomorrow = book(*store, w.ill, day(7, 15), "10:00", BookingState::Pending, {2, 1, 0}, Money::cents(3100),
                               "Eva Klein", Channel::Phone, kNow + Minutes{15});
    // Already expired: neither expiring nor owing.
    book(*store, w.ill, bastilleDay(), "12:00", BookingState::Pending, {2, 0, 0}, Money::cents(2400), "Tom Ford",
         Channel::Phone, kNow - Minutes{1});
    // Paid at the desk: nothing to collect.
    app::SaleRequest sale;
    sale.date = bastilleDay();
    sale.time = parseWallTime("11:30", "time");
    sale.party = {4, 0, 0};
    sale.payment = PaymentMethod::Cash;
    sale.boatName = "Ill";
    app::sellRide(*store, FixedClock(kNow), sale);

    const auto s = app::loadToday(*store, bastilleDay(), kNow);
    CHECK(linesOf(s, app::TodayKind::DayTotal) == std::vector<Line>{{Severity::Info, "5 departures: 11 of 110 seats held, 99 free"}});
    CHECK(linesOf(s, app::TodayKind::Departure) == std::vector<Line>{
                                                       {Severity::Info, "10:30: 0 of 22 seats held, 22 free"},
                                                       {Severity::Info, "11:00: 2 of 22 seats held, 20 free"},
                                                       {Severity::Info, "11:30: 5 of 22 seats held, 17 free"},
                                                       {Severity::Info, "12:00: 3 of 22 seats held, 19 free"},
                                                       {Severity::Info, "10:00: left with 1 of 22 seats held"},
                                                   });
    CHECK(linesOf(s, app::TodayKind::NoBoatman) == std::vector<Line>{{Severity::Problem, "Ill has bookings and no boatman"},
                                                                     {Severity::Problem, "Lauch has bookings and no boatman"}});
    CHECK(linesOf(s, app::TodayKind::TwoBoats).empty());
    // The one expiring in 20 minutes and tomorrow's in 15, soonest first; not the one in 2 hours,
    // nor the one already expired.
    CHECK(linesOf(s, app::TodayKind::PendingExpiring) ==
          std::vector<Line>{{Severity::Warning, tomorrow.ref.str() + ", Eva Klein, 2A 1C, 2026-07-15 10:00: expires in 15 minutes"},
                            {Severity::Warning, soon.ref.str() + ", Paul Martin, 3A, 12:00: expires in 20 minutes"}});
    CHECK(s.linesOf(app::TodaySection::Pending)[1]->target == bookingAt(soon));
    // Seat-holding and owing: the left one is a problem; the paid sale and the expired one are not there.
    CHECK(linesOf(s, app::TodayKind::Unpaid) ==
          std::vector<Line>{{Severity::Problem, leftUnpaid.ref.str() + ", Jan Weiss, 1A, 10:00 on Ill: 12.00 € still to collect, the boat has left"},
                            {Severity::Warning, unpaid.ref.str() + ", Marie Dupont, 2A, 11:00 on Ill: 24.00 € to collect"},
                            {Severity::Warning, later.ref.str() + ", Ana Ruiz, 1A, 11:30 on Lauch: 12.00 € to collect"},
                            {Severity::Warning, soon.ref.str() + ", Paul Martin, 3A, 12:00 on Lauch: 36.00 € to collect"}});
    CHECK(s.linesOf(app::TodaySection::Unpaid)[1]->target == bookingAt(unpaid));

    // A boatman on each boat: the warnings go; one on both boats: a problem on each.
    Employee lucas{Uuid::generate(), "lucas", "Lucas Fischer", Role::Staff, true, "", ""};
    Employee hugo{Uuid::generate(), "hugo", "Hugo Weber", Role::Staff, true, "", ""};
    store->write([&](StoreWriter& tx) {
        tx.saveEmployee(lucas);
        tx.saveEmployee(hugo);
        tx.saveCrewAssignment({Uuid::generate(), bastilleDay(), w.ill.id, lucas.id});
        tx.saveCrewAssignment({Uuid::generate(), bastilleDay(), w.lauch.id, hugo.id});
    });
    const auto crewed = app::loadToday(*store, bastilleDay(), kNow);
    CHECK(crewed.linesOf(app::TodaySection::Crew).empty());
    store->write([&](StoreWriter& tx) {
        for (const auto& a : tx.crewOn(bastilleDay()))
            if (a.boatId == w.lauch.id) tx.deleteCrewAssignment(a.id);
        tx.saveCrewAssignment({Uuid::generate(), bastilleDay(), w.lauch.id, lucas.id});
    });
    const auto twice = app::loadToday(*store, bastilleDay(), kNow);
    CHECK(linesOf(twice, app::TodayKind::TwoBoats) ==
          std::vector<Line>{{Severity::Problem, "Lucas Fischer is on Ill and on Lauch at once"}});   // once, not per boat
    CHECK(twice.linesOf(app::TodaySection::Crew)[0]->target == planningAt(bastilleDay(), std::nullopt, w.ill.id));
}

TEMPLATE_TEST_CASE("closures of the day, with their reason", "[today]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const BusinessZone zone;
    using app::Severity;
    const Block regatta = Block::departure(bastilleDay(), parseWallTime("11:30", "t"), zone, "regatta");
    store->write([&](StoreWriter& tx) {
        tx.insertBlock(Block::wholeDay(bastilleDay(), zone, "hull repair", w.lauch.id));
        tx.insertBlock(regatta);
        tx.insertBlock(Block::timeRange(bastilleDay(), parseWallTime("11:50", "t"), parseWallTime("13:00", "t"), zone, "storm"));
        tx.insertBlock(Block::wholeDay(day(7, 15), zone, "high water"));   // tomorrow: not today's
    });
    const auto s = app::loadToday(*store, bastilleDay(), kNow);
    CHECK(linesOf(s, app::TodayKind::Closure) == std::vector<Line>{{Severity::Warning, "Lauch closed all day: hull repair"},
                                                                   {Severity::Warning, "Every boat closed for the 11:30 departure: regatta"},
                                                                   {Severity::Warning, "Every boat closed from 11:50 to 13:00: storm"}});
    CHECK(s.linesOf(app::TodaySection::Closures)[1]->target == planningAt(bastilleDay(), regatta.start));
    const auto departures = linesOf(s, app::TodayKind::Departure);
    REQUIRE(departures.size() == 5);
    CHECK(departures[0] == Line{Severity::Info, "10:30: 0 of 12 seats held, 12 free"});
    CHECK(departures[2] == Line{Severity::Info, "11:30: closed (regatta)"});

    const auto quiet = app::loadToday(*store, day(7, 16), kNow);
    CHECK(quiet.linesOf(app::TodaySection::Closures).empty());
}

TEMPLATE_TEST_CASE("maintenance due within a week or overdue, licences within 30 days or expired, failed messages",
                   "[today]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    using app::Severity;
    const Boat spare{Uuid::generate(), "Spare", 8, BoatStatus::InService, "#2CA02C", 3};
    const Boat old{Uuid::generate(), "Old", 8, BoatStatus::Retired, "#7F7F7F", 4};
    auto record = [](const Boat& boat, const char* title, LocalDate planned) {
        MaintenanceRecord r;
        r.id = Uuid::generate();
        r.boatId = boat.id;
        r.kind = MaintenanceKind::Inspection;
        r.title = title;
        r.plannedOn = planned;
        r.createdAt = kNow;
        return r;
    };
    Employee lucas{Uuid::generate(), "lucas", "Lucas Fischer", Role::Staff, true, "", ""};
    lucas.licenceExpiry = day(7, 24);
    Employee hugo{Uuid::generate(), "hugo", "Hugo Weber", Role::Staff, true, "", ""};
    hugo.licenceExpiry = day(7, 1);
    Employee lea{Uuid::generate(), "lea", "Léa Bauer", Role::Staff, false, "", ""};   // inactive: not shown
    lea.licenceExpiry = day(7, 1);
    Employee paul{Uuid::generate(), "paul", "Paul Roth", Role::Staff, true, "", ""};  // 49 days: not yet
    paul.licenceExpiry = day(9, 1);
    Notification failed;
    failed.id = Uuid::generate();
    failed.recipient = "anna@example.com";
    failed.kind = "closure.moved";
    failed.subject = "Your ride has moved";
    failed.body = "Your ride has moved to 11:00.";
    failed.createdAt = kNow - Minutes{60};
    Notification sent = failed;
    sent.id = Uuid::generate();
    sent.recipient = "ben@example.com";
    Notification waiting = failed;   // not sent yet: no mail server answered
    waiting.id = Uuid::generate();
    waiting.recipient = "carl@example.com";
    store->write([&](StoreWriter& tx) {
        tx.saveBoat(spare);
        tx.saveBoat(old);
        tx.saveMaintenanceRecord(record(w.ill, "Annual inspection", day(7, 10)));
        tx.saveMaintenanceRecord(record(w.lauch, "Engine service", day(7, 18)));
        tx.saveMaintenanceRecord(record(spare, "Hull check", day(7, 22)));   // 8 days: not yet
        tx.saveMaintenanceRecord(record(old, "Paint", day(7, 1)));          // retired: not shown
        for (const auto* e : {&lucas, &hugo, &lea, &paul}) tx.saveEmployee(*e);
        tx.insertNotification(failed);
        tx.insertNotification(sent);
        tx.insertNotification(waiting);
    });
    failed.status = NotificationStatus::Failed;
    failed.error = "550 mailbox unavailable";
    failed.attempts = 1;
    sent.status = NotificationStatus::Sent;
    sent.sentAt = kNow;
    sent.attempts = 1;
    store->write([&](StoreWriter& tx) {
        tx.updateNotification(failed);
        tx.updateNotification(sent);
    });

    const auto s = app::loadToday(*store, bastilleDay(), kNow);
    CHECK(linesOf(s, app::TodayKind::Maintenance) ==
          std::vector<Line>{{Severity::Problem, "Ill: Annual inspection overdue since 2026-07-10 (4 days)"},
                            {Severity::Warning, "Lauch: Engine service due on 2026-07-18 (in 4 days)"}});
    CHECK(s.linesOf(app::TodaySection::Maintenance)[0]->target == placeOf(app::TodayTarget::Place::Boat, w.ill.id));
    CHECK(linesOf(s, app::TodayKind::Licence) ==
          std::vector<Line>{{Severity::Problem, "Hugo Weber: skipper licence expired on 2026-07-01"},
                            {Severity::Warning, "Lucas Fischer: skipper licence expires on 2026-07-24 (in 10 days)"}});
    CHECK(s.linesOf(app::TodaySection::Licences)[1]->target == placeOf(app::TodayTarget::Place::Employee, lucas.id));
    CHECK(linesOf(s, app::TodayKind::FailedMessage) ==
          std::vector<Line>{{Severity::Problem, "Message to anna@example.com failed: 550 mailbox unavailable"}});
    CHECK(s.linesOf(app::TodaySection::Messages)[0]->target == placeOf(app::TodayTarget::Place::NotificationLog, failed.id));
    CHECK(linesOf(s, app::TodayKind::WaitingMessages) ==
          std::vector<Line>{{Severity::Warning, "1 message waiting to be sent"}});
    CHECK(s.waitingMessages == 1);
    CHECK(s.count(Severity::Problem) == 3);
    CHECK(s.count(Severity::Warning) == 3);

    // Seen from a week later, the hull check is due and the engine service overdue.
    const auto later = app::loadToday(*store, day(7, 21), kNow);
    CHECK(linesOf(later, app::TodayKind::Maintenance) ==
          std::vector<Line>{{Severity::Problem, "Ill: Annual inspection overdue since 2026-07-10 (11 days)"},
                            {Severity::Problem, "Lauch: Engine service overdue since 2026-07-18 (3 days)"},
                            {Severity::Warning, "Spare: Hull check due on 2026-07-22 (in 1 day)"}});
}
