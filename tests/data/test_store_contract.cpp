// The store contract: every behaviour of domain::Store, checked on SQLite and on PostgreSQL.
#include "domain/errors.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

Booking makeBooking(const Uuid& boat, const char* startUtc, Party party, BookingState state, std::uint64_t ref) {
    Booking b;
    b.id = Uuid::generate();
    b.ref = PublicRef::fromNumber(ref);
    b.boatId = boat;
    b.departureStart = at(startUtc);
    b.departureEnd = b.departureStart + std::chrono::minutes{45};
    b.party = party;
    b.language = "de";
    b.channel = Channel::Web;
    b.state = state;
    b.total = Money::cents(2400);
    b.createdAt = at("2026-06-01T09:00:00Z");
    return b;
}

}  // namespace

TEMPLATE_TEST_CASE("a new store is migrated to the latest schema, once", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    CHECK(store->schemaVersion() == store->latestSchemaVersion());
    CHECK(store->latestSchemaVersion() >= 1);
    CHECK(store->migrate() == 0);
    CHECK(store->check().empty());
    auto again = engine.open();   // a second desk opening the same database changes nothing
    CHECK(again->schemaVersion() == store->latestSchemaVersion());
}

TEMPLATE_TEST_CASE("boats are saved, listed in fleet order and updated in place", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    Boat krutenau{Uuid::generate(), "Krutenau", 11, BoatStatus::Maintenance, "#2CA02C", 0};
    store->write([&](StoreWriter& tx) { tx.saveBoat(krutenau); });

    std::vector<Boat> boats;
    store->read([&](StoreReader& r) { boats = r.boats(); });
    REQUIRE(boats.size() == 3);
    CHECK(boats[0].name == "Krutenau");
    CHECK(boats[0].status == BoatStatus::Maintenance);
    CHECK(boats[0].capacity == 11);
    CHECK(boats[0].colour == "#2CA02C");
    CHECK(boats[1].name == "Ill");
    CHECK(boats[1].id == w.ill.id);
    CHECK(boats[2].name == "Lauch");

    krutenau.capacity = 9;
    krutenau.status = BoatStatus::InService;
    store->write([&](StoreWriter& tx) { tx.saveBoat(krutenau); });
    store->read([&](StoreReader& r) { boats = r.boats(); });
    REQUIRE(boats.size() == 3);
    CHECK(boats[0].capacity == 9);
    CHECK(boats[0].status == BoatStatus::InService);
}

TEMPLATE_TEST_CASE("a second boat with the same name is refused and nothing is written", "[store]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const Boat copy{Uuid::generate(), "Ill", 8, BoatStatus::InService, "#000000", 5};
    CHECK_THROWS_AS(store->write([&](StoreWriter& tx) { tx.saveBoat(copy); }), ConflictError);
    std::size_t count = 0;
    store->read([&](StoreReader& r) { count = r.boats().size(); });
    CHECK(count == 2);
}

TEMPLATE_TEST_CASE("an invalid boat is refused naming the field", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const Boat bad{Uuid::generate(), "Huge", 200, BoatStatus::InService, "#000000", 0};
    try {
        store->write([&](StoreWriter& tx) { tx.saveBoat(bad); });
        FAIL("a boat of 200 seats was accepted");
    } catch (const ValidationError& e) {
        CHECK(e.field() == "capacity");
    }
}

TEMPLATE_TEST_CASE("employees are found by login; logins are unique", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const Employee claire{Uuid::generate(), "claire", "Claire Schmitt", Role::Manager, true, "$2b$11$abc", "c@x.fr"};
    const Employee paul{Uuid::generate(), "paul", "Paul Meyer", Role::Staff, false, "", ""};
    store->write([&](StoreWriter& tx) {
        tx.saveEmployee(claire);
        tx.saveEmployee(paul);
    });
    std::optional<Employee> found;
    std::optional<Employee> missing;
    std::vector<Employee> all;
    store->read([&](StoreReader& r) {
        found = r.employeeByLogin("claire");
        missing = r.employeeByLogin("nobody");
        all = r.employees();
    });
    REQUIRE(found);
    CHECK(found->id == claire.id);
    CHECK(found->name == "Claire Schmitt");
    CHECK(found->role == Role::Manager);
    CHECK(found->active);
    CHECK(found->passwordHash == "$2b$11$abc");
    CHECK(found->email == "c@x.fr");
    CHECK_FALSE(missing);
    REQUIRE(all.size() == 2);
    CHECK(all[0].login == "claire");
    CHECK(all[1].login == "paul");
    CHECK_FALSE(all[1].active);

    const Employee impostor{Uuid::generate(), "claire", "Other Claire", Role::Admin, true, "", ""};
    CHECK_THROWS_AS(store->write([&](StoreWriter& tx) { tx.saveEmployee(impostor); }), ConflictError);
}

TEMPLATE_TEST_CASE("timetable rules and price lists come back as saved", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    std::vector<TimetableRule> rules;
    std::vector<PriceList> prices;
    store->read([&](StoreReader& r) {
        rules = r.timetableRules();
        prices = r.priceLists();
    });
    REQUIRE(rules.size() == 1);
    CHECK(rules[0].id == w.summer.id);
    CHECK(rules[0].validFrom == w.summer.validFrom);
    CHECK(rules[0].validTo == w.summer.validTo);
    CHECK(rules[0].weekdays == 0x7F);
    CHECK(rules[0].firstDeparture == Minutes{600});
    CHECK(rules[0].lastDeparture == Minutes{720});
    CHECK(rules[0].interval == Minutes{30});
    CHECK(rules[0].rideDuration == Minutes{45});
    REQUIRE(prices.size() == 1);
    CHECK(prices[0].adult == Money::cents(1200));
    CHECK(prices[0].child == Money::cents(700));
    CHECK(prices[0].baby == Money::cents(0));
    CHECK(prices[0].vatRateBasisPoints == 1000);
    CHECK(prices[0].validFrom == w.prices.validFrom);
}

TEMPLATE_TEST_CASE("closures are found by overlap, boundaries excluded", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const Block storm{Uuid::generate(), at("2026-07-14T12:00:00Z"), at("2026-07-14T14:00:00Z"), std::nullopt, "Orage"};
    const Block hull{Uuid::generate(), at("2026-07-15T06:00:00Z"), at("2026-07-16T06:00:00Z"), w.lauch.id, "Coque"};
    store->write([&](StoreWriter& tx) {
        tx.insertBlock(hull);
        tx.insertBlock(storm);
    });
    auto overlapping = [&](const char* from, const char* to) {
        std::vector<Block> out;
        store->read([&](StoreReader& r) { out = r.blocksOverlapping(at(from), at(to)); });
        return out;
    };
    CHECK(overlapping("2026-07-14T10:00:00Z", "2026-07-14T12:00:00Z").empty());   // ends as the storm starts
    CHECK(overlapping("2026-07-14T14:00:00Z", "2026-07-14T15:00:00Z").empty());   // starts as it ends
    auto one = overlapping("2026-07-14T13:59:00Z", "2026-07-14T15:00:00Z");
    REQUIRE(one.size() == 1);
    CHECK(one[0].reason == "Orage");
    CHECK_FALSE(one[0].boatId);
    CHECK(one[0].start == storm.start);
    CHECK(one[0].end == storm.end);
    auto both = overlapping("2026-07-14T00:00:00Z", "2026-07-16T00:00:00Z");
    REQUIRE(both.size() == 2);
    CHECK(both[0].id == storm.id);
    CHECK(both[1].id == hull.id);
    REQUIRE(both[1].boatId);
    CHECK(*both[1].boatId == w.lauch.id);
}

TEMPLATE_TEST_CASE("bookings are read by departure range, in order, with their customer", "[store]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const Customer anna{Uuid::generate(), "Anna Müller", "anna@example.de", "+49 761 000", "de"};
    Booking first = makeBooking(w.ill.id, "2026-07-14T08:00:00Z", {2, 1, 1}, BookingState::Confirmed, 101);
    first.customerId = anna.id;
    first.notes = "Poussette";
    Booking second = makeBooking(w.lauch.id, "2026-07-14T08:30:00Z", {1, 0, 0}, BookingState::Pending, 102);
    second.channel = Channel::Phone;
    second.expiresAt = at("2026-07-14T07:30:00Z");
    Booking nextDay = makeBooking(w.ill.id, "2026-07-15T08:00:00Z", {4, 0, 0}, BookingState::Confirmed, 103);
    store->write([&](StoreWriter& tx) {
        tx.saveCustomer(anna);
        tx.insertBooking(nextDay);
        tx.insertBooking(second);
        tx.insertBooking(first);
    });

    std::vector<Booking> day;
    store->read([&](StoreReader& r) { day = r.bookingsDeparting(at("2026-07-13T22:00:00Z"), at("2026-07-14T22:00:00Z")); });
    REQUIRE(day.size() == 2);
    CHECK(day[0].id == first.id);
    CHECK(day[0].ref == first.ref);
    CHECK(day[0].boatId == w.ill.id);
    CHECK(day[0].departureStart == at("2026-07-14T08:00:00Z"));
    CHECK(day[0].departureEnd == at("2026-07-14T08:45:00Z"));
    CHECK(day[0].party == Party{2, 1, 1});
    CHECK(day[0].language == "de");
    CHECK(day[0].channel == Channel::Web);
    CHECK(day[0].state == BookingState::Confirmed);
    CHECK(day[0].total == Money::cents(2400));
    CHECK(day[0].customerName == "Anna Müller");
    CHECK(day[0].notes == "Poussette");
    CHECK(day[0].createdAt == at("2026-06-01T09:00:00Z"));
    CHECK_FALSE(day[0].expiresAt);
    CHECK(day[1].id == second.id);
    CHECK(day[1].channel == Channel::Phone);
    CHECK(day[1].state == BookingState::Pending);
    REQUIRE(day[1].expiresAt);
    CHECK(*day[1].expiresAt == at("2026-07-14T07:30:00Z"));
    CHECK(day[1].customerName.empty());

    // The range is half-open: a departure exactly at `to` belongs to the next range.
    std::vector<Booking> upTo;
    store->read([&](StoreReader& r) { upTo = r.bookingsDeparting(at("2026-07-14T08:00:00Z"), at("2026-07-14T08:30:00Z")); });
    REQUIRE(upTo.size() == 1);
    CHECK(upTo[0].id == first.id);

    std::optional<Booking> byRef;
    store->read([&](StoreReader& r) { byRef = r.bookingByRef(nextDay.ref); });
    REQUIRE(byRef);
    CHECK(byRef->id == nextDay.id);
    std::int64_t count = 0;
    store->read([&](StoreReader& r) { count = r.bookingCount(); });
    CHECK(count == 3);
}

TEMPLATE_TEST_CASE("a duplicate booking reference is refused", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    Booking a = makeBooking(w.ill.id, "2026-07-14T08:00:00Z", {2, 0, 0}, BookingState::Confirmed, 104);
    Booking b = makeBooking(w.ill.id, "2026-07-14T08:30:00Z", {2, 0, 0}, BookingState::Confirmed, 104);
    store->write([&](StoreWriter& tx) { tx.insertBooking(a); });
    CHECK_THROWS_AS(store->write([&](StoreWriter& tx) { tx.insertBooking(b); }), ConflictError);
}

TEMPLATE_TEST_CASE("a booking's state changes and its payment delay goes with PENDING", "[store]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    Booking b = makeBooking(w.ill.id, "2026-07-14T08:00:00Z", {2, 0, 0}, BookingState::Pending, 106);
    b.expiresAt = at("2026-07-01T08:30:00Z");
    store->write([&](StoreWriter& tx) { tx.insertBooking(b); });
    store->write([&](StoreWriter& tx) { tx.updateBookingState(b.id, BookingState::Confirmed); });
    std::optional<Booking> read;
    store->read([&](StoreReader& r) { read = r.bookingByRef(b.ref); });
    REQUIRE(read);
    CHECK(read->state == BookingState::Confirmed);
    CHECK_FALSE(read->expiresAt);
    CHECK_THROWS_AS(store->write([&](StoreWriter& tx) { tx.updateBookingState(Uuid::generate(), BookingState::Cancelled); }),
                    NotFound);
}

TEMPLATE_TEST_CASE("payments and refunds are recorded with their booking", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    Booking b = makeBooking(w.ill.id, "2026-07-14T08:00:00Z", {2, 0, 0}, BookingState::Confirmed, 107);
    const Payment cash{Uuid::generate(), b.id, PaymentMethod::Cash, Money::cents(1400), PaymentStatus::Succeeded, "",
                       at("2026-07-01T08:00:00Z")};
    const Payment card{Uuid::generate(), b.id, PaymentMethod::Card, Money::cents(1000), PaymentStatus::Succeeded,
                       "tml_123", at("2026-07-01T08:00:05Z")};
    store->write([&](StoreWriter& tx) {
        tx.insertBooking(b);
        tx.insertPayment(card);
        tx.insertPayment(cash);
        tx.insertRefund({Uuid::generate(), cash.id, b.id, Money::cents(1400), RefundStatus::Owed, "Orage",
                         at("2026-07-02T08:00:00Z")});
    });
    std::vector<Payment> payments;
    store->read([&](StoreReader& r) { payments = r.paymentsOfBooking(b.id); });
    REQUIRE(payments.size() == 2);
    CHECK(payments[0].id == cash.id);
    CHECK(payments[0].method == PaymentMethod::Cash);
    CHECK(payments[0].amount == Money::cents(1400));
    CHECK(payments[0].status == PaymentStatus::Succeeded);
    CHECK(payments[1].method == PaymentMethod::Card);
    CHECK(payments[1].providerRef == "tml_123");
    CHECK(payments[1].createdAt == at("2026-07-01T08:00:05Z"));
}

TEMPLATE_TEST_CASE("a write that throws leaves nothing behind", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const Booking b = makeBooking(w.ill.id, "2026-07-14T08:00:00Z", {2, 0, 0}, BookingState::Confirmed, 108);
    CHECK_THROWS_AS(store->write([&](StoreWriter& tx) {
        tx.insertBooking(b);
        tx.setSetting("demo", "1");
        throw ConflictError("changed my mind");
    }),
                    ConflictError);
    std::int64_t count = -1;
    std::optional<std::string> demo;
    store->read([&](StoreReader& r) {
        count = r.bookingCount();
        demo = r.setting("demo");
    });
    CHECK(count == 0);
    CHECK_FALSE(demo);
    // The store is still usable after the rollback.
    store->write([&](StoreWriter& tx) { tx.insertBooking(b); });
    store->read([&](StoreReader& r) { count = r.bookingCount(); });
    CHECK(count == 1);
}

TEMPLATE_TEST_CASE("settings are stored and overwritten", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    store->write([&](StoreWriter& tx) {
        tx.setSetting("time_zone", "Europe/Paris");
        tx.setSetting("time_zone", "Europe/Berlin");
        tx.setSetting("business_name", "Sweet Narcisse — Colmar");
    });
    std::optional<std::string> tz, name, none;
    store->read([&](StoreReader& r) {
        tz = r.setting("time_zone");
        name = r.setting("business_name");
        none = r.setting("nothing");
    });
    CHECK(tz == "Europe/Berlin");
    CHECK(name == "Sweet Narcisse — Colmar");
    CHECK_FALSE(none);
}

TEMPLATE_TEST_CASE("the audit log lists the newest entries first", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const Employee claire{Uuid::generate(), "claire", "Claire", Role::Manager, true, "", ""};
    store->write([&](StoreWriter& tx) {
        tx.saveEmployee(claire);
        for (int i = 0; i < 5; ++i)
            tx.appendAudit({Uuid::generate(), at("2026-07-14T08:00:00Z") + std::chrono::seconds{i}, claire.id,
                            "booking.sell", "booking", "b" + std::to_string(i), "entry " + std::to_string(i)});
        tx.appendAudit({Uuid::generate(), at("2026-07-14T09:00:00Z"), std::nullopt, "system.start", "program", "-", ""});
    });
    std::vector<AuditEntry> latest;
    store->read([&](StoreReader& r) { latest = r.latestAudit(3); });
    REQUIRE(latest.size() == 3);
    CHECK(latest[0].action == "system.start");
    CHECK_FALSE(latest[0].employeeId);
    CHECK(latest[1].details == "entry 4");
    REQUIRE(latest[1].employeeId);
    CHECK(*latest[1].employeeId == claire.id);
    CHECK(latest[2].details == "entry 3");
    CHECK(latest[2].at == at("2026-07-14T08:00:03Z"));
}
