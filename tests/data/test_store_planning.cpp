// The store contract of planning: moves, closures by id, one-off timetable changes, crews,
// the notification outbox and the change stamp the desks poll, checked on SQLite and on PostgreSQL.
#include "domain/errors.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

LocalDate july(int d) { return LocalDate{date::year{2026}, date::month{7}, date::day{static_cast<unsigned>(d)}}; }

Booking makeBooking(const Uuid& boat, const char* startUtc, std::uint64_t ref) {
    Booking b;
    b.id = Uuid::generate();
    b.ref = PublicRef::fromNumber(ref);
    b.boatId = boat;
    b.departureStart = at(startUtc);
    b.departureEnd = b.departureStart + std::chrono::minutes{45};
    b.party = {2, 1, 0};
    b.language = "de";
    b.channel = Channel::Phone;
    b.state = BookingState::Confirmed;
    b.total = Money::cents(3100);
    b.createdAt = at("2026-06-01T09:00:00Z");
    return b;
}

TimetableException extra(LocalDate date, int minute, const char* note) {
    return {Uuid::generate(), date, Minutes{minute}, TimetableException::Kind::Extra, Minutes{60}, note};
}

TimetableException cancelled(LocalDate date, int minute, const char* note) {
    return {Uuid::generate(), date, Minutes{minute}, TimetableException::Kind::Cancelled, Minutes{45}, note};
}

Employee boatman(const char* login, const char* name) {
    return {Uuid::generate(), login, name, Role::Staff, true, "", ""};
}

Notification message(std::optional<Uuid> booking, const char* createdUtc, const char* subject) {
    Notification n;
    n.id = Uuid::generate();
    n.bookingId = booking;
    n.recipient = "anna@example.de";
    n.language = "de";
    n.kind = "closure.moved";
    n.subject = subject;
    n.body = "Ihre Fahrt wurde verschoben.\nSweet Narcisse";
    n.createdAt = at(createdUtc);
    return n;
}

std::vector<TimetableException> exceptionsIn(Store& store, LocalDate from, LocalDate to) {
    std::vector<TimetableException> out;
    store.read([&](StoreReader& r) { out = r.timetableExceptions(from, to); });
    return out;
}

std::vector<CrewAssignment> crewOf(Store& store, LocalDate date) {
    std::vector<CrewAssignment> out;
    store.read([&](StoreReader& r) { out = r.crewOn(date); });
    return out;
}

}  // namespace

TEMPLATE_TEST_CASE("a booking and its customer are found by id with every field", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const Customer anna{Uuid::generate(), "Anna Müller", "anna@example.de", "+49 761 000", "de"};
    Booking b = makeBooking(w.lauch.id, "2026-07-14T08:30:00Z", 201);
    b.customerId = anna.id;
    b.notes = "Rollstuhl";
    Booking pending = makeBooking(w.ill.id, "2026-07-14T09:00:00Z", 202);
    pending.state = BookingState::Pending;
    pending.expiresAt = at("2026-07-14T08:15:00Z");
    store->write([&](StoreWriter& tx) {
        tx.saveCustomer(anna);
        tx.insertBooking(b);
        tx.insertBooking(pending);
    });

    std::optional<Booking> found, other, missing;
    std::optional<Customer> customer, nobody;
    store->read([&](StoreReader& r) {
        found = r.bookingById(b.id);
        other = r.bookingById(pending.id);
        missing = r.bookingById(Uuid::generate());
        customer = r.customer(anna.id);
        nobody = r.customer(Uuid::generate());
    });
    REQUIRE(found);
    CHECK(found->id == b.id);
    CHECK(found->ref == b.ref);
    CHECK(found->boatId == w.lauch.id);
    CHECK(found->departureStart == at("2026-07-14T08:30:00Z"));
    CHECK(found->departureEnd == at("2026-07-14T09:15:00Z"));
    CHECK(found->party == Party{2, 1, 0});
    CHECK(found->language == "de");
    CHECK(found->channel == Channel::Phone);
    CHECK(found->state == BookingState::Confirmed);
    CHECK_FALSE(found->expiresAt);
    CHECK(found->total == Money::cents(3100));
    REQUIRE(found->customerId);
    CHECK(*found->customerId == anna.id);
    CHECK(found->customerName == "Anna Müller");
    CHECK(found->notes == "Rollstuhl");
    CHECK(found->createdAt == at("2026-06-01T09:00:00Z"));
    REQUIRE(other);
    CHECK(other->state == BookingState::Pending);
    REQUIRE(other->expiresAt);
    CHECK(*other->expiresAt == at("2026-07-14T08:15:00Z"));
    CHECK_FALSE(other->customerId);
    CHECK(other->customerName.empty());
    CHECK_FALSE(missing);

    REQUIRE(customer);
    CHECK(customer->id == anna.id);
    CHECK(customer->name == "Anna Müller");
    CHECK(customer->email == "anna@example.de");
    CHECK(customer->phone == "+49 761 000");
    CHECK(customer->language == "de");
    CHECK_FALSE(nobody);
}

TEMPLATE_TEST_CASE("a booking's refunds come back in creation order with every field", "[store]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const Booking b = makeBooking(w.ill.id, "2026-07-14T08:00:00Z", 203);
    const Booking otherBooking = makeBooking(w.ill.id, "2026-07-14T08:00:00Z", 204);
    const Payment cash{Uuid::generate(), b.id, PaymentMethod::Cash, Money::cents(1900), PaymentStatus::Succeeded, "",
                       at("2026-07-01T08:00:00Z")};
    const Payment card{Uuid::generate(), b.id, PaymentMethod::Card, Money::cents(1200), PaymentStatus::Succeeded,
                       "tml_9", at("2026-07-01T08:00:01Z")};
    const Payment theirs{Uuid::generate(), otherBooking.id, PaymentMethod::Cash, Money::cents(3100),
                         PaymentStatus::Succeeded, "", at("2026-07-01T08:00:02Z")};
    const Refund late{Uuid::generate(), card.id, b.id, Money::cents(1200), RefundStatus::Done, "Geste commercial",
                      at("2026-07-14T12:00:00Z")};
    const Refund early{Uuid::generate(), cash.id, b.id, Money::cents(1900), RefundStatus::Owed, "Orage",
                       at("2026-07-14T10:00:00Z")};
    store->write([&](StoreWriter& tx) {
        tx.insertBooking(b);
        tx.insertBooking(otherBooking);
        tx.insertPayment(cash);
        tx.insertPayment(card);
        tx.insertPayment(theirs);
        tx.insertRefund(late);
        tx.insertRefund(early);
        tx.insertRefund({Uuid::generate(), theirs.id, otherBooking.id, Money::cents(3100), RefundStatus::Owed, "Orage",
                         at("2026-07-14T09:00:00Z")});
    });
    std::vector<Refund> refunds, none;
    store->read([&](StoreReader& r) {
        refunds = r.refundsOfBooking(b.id);
        none = r.refundsOfBooking(Uuid::generate());
    });
    REQUIRE(refunds.size() == 2);
    CHECK(refunds[0].id == early.id);
    CHECK(refunds[0].paymentId == cash.id);
    CHECK(refunds[0].bookingId == b.id);
    CHECK(refunds[0].amount == Money::cents(1900));
    CHECK(refunds[0].status == RefundStatus::Owed);
    CHECK(refunds[0].reason == "Orage");
    CHECK(refunds[0].createdAt == at("2026-07-14T10:00:00Z"));
    CHECK(refunds[1].id == late.id);
    CHECK(refunds[1].paymentId == card.id);
    CHECK(refunds[1].status == RefundStatus::Done);
    CHECK(refunds[1].reason == "Geste commercial");
    CHECK(none.empty());
}

TEMPLATE_TEST_CASE("a closure is found by id, and is gone once deleted", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const Block storm{Uuid::generate(), at("2026-07-14T12:00:00Z"), at("2026-07-14T14:00:00Z"), std::nullopt, "Orage"};
    const Block hull{Uuid::generate(), at("2026-07-15T06:00:00Z"), at("2026-07-16T06:00:00Z"), w.lauch.id, "Coque"};
    store->write([&](StoreWriter& tx) {
        tx.insertBlock(storm);
        tx.insertBlock(hull);
    });
    std::optional<Block> s, h;
    store->read([&](StoreReader& r) {
        s = r.blockById(storm.id);
        h = r.blockById(hull.id);
    });
    REQUIRE(s);
    CHECK(s->id == storm.id);
    CHECK(s->start == at("2026-07-14T12:00:00Z"));
    CHECK(s->end == at("2026-07-14T14:00:00Z"));
    CHECK_FALSE(s->boatId);
    CHECK(s->reason == "Orage");
    REQUIRE(h);
    REQUIRE(h->boatId);
    CHECK(*h->boatId == w.lauch.id);
    CHECK(h->reason == "Coque");

    store->write([&](StoreWriter& tx) { tx.deleteBlock(storm.id); });
    store->read([&](StoreReader& r) {
        s = r.blockById(storm.id);
        h = r.blockById(hull.id);
    });
    CHECK_FALSE(s);
    CHECK(h);   // only that closure went

    const Uuid unknown = Uuid::generate();
    CHECK_THROWS_AS(store->write([&](StoreWriter& tx) { tx.deleteBlock(storm.id); }), NotFound);
    CHECK_THROWS_WITH(store->write([&](StoreWriter& tx) { tx.deleteBlock(unknown); }),
                      "no closure with id " + unknown.str());
}

TEMPLATE_TEST_CASE("a timetable rule is deleted by id; an unknown one is not found", "[store]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    TimetableRule autumn = w.summer;
    autumn.id = Uuid::generate();
    autumn.validFrom = LocalDate{date::year{2026}, date::month{11}, date::day{1}};
    autumn.validTo = LocalDate{date::year{2026}, date::month{11}, date::day{30}};
    store->write([&](StoreWriter& tx) { tx.saveTimetableRule(autumn); });
    store->write([&](StoreWriter& tx) { tx.deleteTimetableRule(w.summer.id); });
    std::vector<TimetableRule> rules;
    store->read([&](StoreReader& r) { rules = r.timetableRules(); });
    REQUIRE(rules.size() == 1);
    CHECK(rules[0].id == autumn.id);

    const Uuid unknown = Uuid::generate();
    CHECK_THROWS_WITH(store->write([&](StoreWriter& tx) { tx.deleteTimetableRule(unknown); }),
                      "no timetable rule with id " + unknown.str());
    CHECK_THROWS_AS(store->write([&](StoreWriter& tx) { tx.deleteTimetableRule(w.summer.id); }), NotFound);
}

TEMPLATE_TEST_CASE("timetable changes come back by date then time, only those in [from, to]", "[store]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const auto before = extra(july(13), 600, "veille");
    const auto lateFirst = extra(july(14), 19 * 60, "Feu d'artifice");
    const auto earlyFirst = cancelled(july(14), 10 * 60 + 30, "Quai fermé");
    const auto last = cancelled(july(16), 0, "minuit");
    const auto after = extra(july(17), 600, "lendemain");
    store->write([&](StoreWriter& tx) {
        for (const auto* e : {&after, &last, &lateFirst, &before, &earlyFirst}) tx.saveTimetableException(*e);
    });

    auto got = exceptionsIn(*store, july(14), july(16));   // both ends included
    REQUIRE(got.size() == 3);
    CHECK(got[0].id == earlyFirst.id);
    CHECK(got[0].date == july(14));
    CHECK(got[0].time == Minutes{630});
    CHECK(got[0].kind == TimetableException::Kind::Cancelled);
    CHECK(got[0].note == "Quai fermé");
    CHECK(got[1].id == lateFirst.id);
    CHECK(got[1].time == Minutes{1140});
    CHECK(got[1].kind == TimetableException::Kind::Extra);
    CHECK(got[1].rideDuration == Minutes{60});
    CHECK(got[1].note == "Feu d'artifice");
    CHECK(got[2].id == last.id);
    CHECK(got[2].date == july(16));
    CHECK(got[2].time == Minutes{0});

    auto oneDay = exceptionsIn(*store, july(13), july(13));
    REQUIRE(oneDay.size() == 1);
    CHECK(oneDay[0].id == before.id);
    CHECK(exceptionsIn(*store, july(18), july(31)).empty());
}

TEMPLATE_TEST_CASE("a timetable change is updated in place by id and deleted by id", "[store]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    auto show = extra(july(14), 19 * 60, "Feu d'artifice");
    store->write([&](StoreWriter& tx) { tx.saveTimetableException(show); });
    show.time = Minutes{21 * 60 + 15};
    show.rideDuration = Minutes{90};
    show.note = "Feu d'artifice (retardé)";
    store->write([&](StoreWriter& tx) { tx.saveTimetableException(show); });   // same time, same row: no conflict
    store->write([&](StoreWriter& tx) { tx.saveTimetableException(show); });

    auto got = exceptionsIn(*store, july(1), july(31));
    REQUIRE(got.size() == 1);
    CHECK(got[0].id == show.id);
    CHECK(got[0].time == Minutes{1275});
    CHECK(got[0].rideDuration == Minutes{90});
    CHECK(got[0].note == "Feu d'artifice (retardé)");

    store->write([&](StoreWriter& tx) { tx.deleteTimetableException(show.id); });
    CHECK(exceptionsIn(*store, july(1), july(31)).empty());
    CHECK_THROWS_WITH(store->write([&](StoreWriter& tx) { tx.deleteTimetableException(show.id); }),
                      "no timetable change with id " + show.id.str());
    CHECK_THROWS_AS(store->write([&](StoreWriter& tx) { tx.deleteTimetableException(Uuid::generate()); }), NotFound);
}

TEMPLATE_TEST_CASE("a second timetable change at the same date and time is a conflict", "[store]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const auto first = extra(july(14), 19 * 60, "Feu d'artifice");
    auto evening = extra(july(14), 20 * 60, "Nocturne");
    store->write([&](StoreWriter& tx) {
        tx.saveTimetableException(first);
        tx.saveTimetableException(evening);
    });

    const std::string taken = "the timetable already has a change at 19:00 on 2026-07-14";
    CHECK_THROWS_AS(store->write([&](StoreWriter& tx) { tx.saveTimetableException(cancelled(july(14), 19 * 60, "")); }),
                    ConflictError);
    evening.time = Minutes{19 * 60};   // moving another change onto a taken time is the same conflict
    CHECK_THROWS_WITH(store->write([&](StoreWriter& tx) { tx.saveTimetableException(evening); }), taken);

    // The refused change leaves the transaction usable: a use case may report it and go on.
    const auto nextDay = extra(july(15), 19 * 60, "Le lendemain, même heure");
    store->write([&](StoreWriter& tx) {
        CHECK_THROWS_WITH(tx.saveTimetableException(extra(july(14), 19 * 60, "doublon")), taken);
        tx.saveTimetableException(nextDay);
    });
    auto got = exceptionsIn(*store, july(14), july(15));
    REQUIRE(got.size() == 3);
    CHECK(got[0].id == first.id);
    CHECK(got[0].note == "Feu d'artifice");
    CHECK(got[1].id == evening.id);
    CHECK(got[1].time == Minutes{20 * 60});
    CHECK(got[2].id == nextDay.id);
}

TEMPLATE_TEST_CASE("a day's crew comes back in fleet order, only that day's", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const Boat krutenau{Uuid::generate(), "Krutenau", 11, BoatStatus::InService, "#2CA02C", 3};
    const Employee marc = boatman("marc", "Marc Koenig");
    const Employee lea = boatman("lea", "Léa Wurtz");
    const CrewAssignment onKrutenau{Uuid::generate(), july(14), krutenau.id, marc.id};
    const CrewAssignment onLauch{Uuid::generate(), july(14), w.lauch.id, lea.id};
    CrewAssignment onIll{Uuid::generate(), july(14), w.ill.id, marc.id};   // two boats at once: a warning, not a refusal
    const CrewAssignment nextDay{Uuid::generate(), july(15), w.ill.id, lea.id};
    store->write([&](StoreWriter& tx) {
        tx.saveBoat(krutenau);
        tx.saveEmployee(marc);
        tx.saveEmployee(lea);
        tx.saveCrewAssignment(onKrutenau);
        tx.saveCrewAssignment(nextDay);
        tx.saveCrewAssignment(onLauch);
        tx.saveCrewAssignment(onIll);
    });

    auto crew = crewOf(*store, july(14));
    REQUIRE(crew.size() == 3);
    CHECK(crew[0].id == onIll.id);
    CHECK(crew[0].date == july(14));
    CHECK(crew[0].boatId == w.ill.id);
    CHECK(crew[0].employeeId == marc.id);
    CHECK(crew[1].id == onLauch.id);
    CHECK(crew[1].boatId == w.lauch.id);
    CHECK(crew[1].employeeId == lea.id);
    CHECK(crew[2].id == onKrutenau.id);
    CHECK(crew[2].employeeId == marc.id);
    auto tomorrow = crewOf(*store, july(15));
    REQUIRE(tomorrow.size() == 1);
    CHECK(tomorrow[0].id == nextDay.id);
    CHECK(tomorrow[0].date == july(15));
    CHECK(crewOf(*store, july(16)).empty());

    onIll.employeeId = lea.id;   // updated in place by id
    store->write([&](StoreWriter& tx) { tx.saveCrewAssignment(onIll); });
    crew = crewOf(*store, july(14));
    REQUIRE(crew.size() == 3);
    CHECK(crew[0].id == onIll.id);
    CHECK(crew[0].employeeId == lea.id);

    store->write([&](StoreWriter& tx) { tx.deleteCrewAssignment(onLauch.id); });
    crew = crewOf(*store, july(14));
    REQUIRE(crew.size() == 2);
    CHECK(crew[0].id == onIll.id);
    CHECK(crew[1].id == onKrutenau.id);
    CHECK_THROWS_WITH(store->write([&](StoreWriter& tx) { tx.deleteCrewAssignment(onLauch.id); }),
                      "no crew assignment with id " + onLauch.id.str());
    CHECK_THROWS_AS(store->write([&](StoreWriter& tx) { tx.deleteCrewAssignment(Uuid::generate()); }), NotFound);
}

TEMPLATE_TEST_CASE("a second boatman on the same boat and date is a conflict", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const Employee marc = boatman("marc", "Marc Koenig");
    const Employee lea = boatman("lea", "Léa Wurtz");
    const CrewAssignment first{Uuid::generate(), july(14), w.ill.id, marc.id};
    CrewAssignment onLauch{Uuid::generate(), july(14), w.lauch.id, lea.id};
    store->write([&](StoreWriter& tx) {
        tx.saveEmployee(marc);
        tx.saveEmployee(lea);
        tx.saveCrewAssignment(first);
        tx.saveCrewAssignment(onLauch);
    });

    const std::string taken = "that boat already has a boatman on 2026-07-14";
    const CrewAssignment second{Uuid::generate(), july(14), w.ill.id, lea.id};
    CHECK_THROWS_AS(store->write([&](StoreWriter& tx) { tx.saveCrewAssignment(second); }), ConflictError);
    onLauch.boatId = w.ill.id;   // moving another assignment onto that boat is the same conflict
    CHECK_THROWS_WITH(store->write([&](StoreWriter& tx) { tx.saveCrewAssignment(onLauch); }), taken);

    const CrewAssignment nextDay{Uuid::generate(), july(15), w.ill.id, lea.id};
    store->write([&](StoreWriter& tx) {
        CHECK_THROWS_WITH(tx.saveCrewAssignment(second), taken);
        tx.saveCrewAssignment(nextDay);   // the transaction goes on after the refusal
    });
    auto crew = crewOf(*store, july(14));
    REQUIRE(crew.size() == 2);
    CHECK(crew[0].id == first.id);
    CHECK(crew[0].employeeId == marc.id);
    CHECK(crew[1].id == onLauch.id);
    CHECK(crew[1].boatId == w.lauch.id);
    auto tomorrow = crewOf(*store, july(15));
    REQUIRE(tomorrow.size() == 1);
    CHECK(tomorrow[0].id == nextDay.id);
}

TEMPLATE_TEST_CASE("notifications are listed newest first and sent oldest first, with every field", "[store]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const Booking b = makeBooking(w.ill.id, "2026-07-14T08:00:00Z", 205);
    Notification moved = message(b.id, "2026-07-14T06:00:00Z", "Fahrt verschoben");
    Notification unattached = message(std::nullopt, "2026-07-14T05:00:00Z", "Sortie annulée");
    unattached.recipient = "paul@example.fr";
    unattached.language = "fr";
    unattached.kind = "closure.cancelled";
    unattached.body = "Votre sortie est annulée.";
    Notification sent = message(b.id, "2026-07-14T07:00:00Z", "Déjà envoyé");
    sent.status = NotificationStatus::Sent;
    sent.attempts = 2;
    sent.error = "421 try later";
    sent.sentAt = at("2026-07-14T07:05:00Z");
    Notification failed = message(b.id, "2026-07-14T04:00:00Z", "Échec");
    failed.status = NotificationStatus::Failed;
    failed.attempts = 5;
    failed.error = "550 no such user";
    store->write([&](StoreWriter& tx) {
        tx.insertBooking(b);
        for (const auto* n : {&sent, &failed, &moved, &unattached}) tx.insertNotification(*n);
    });

    std::vector<Notification> latest, three, toSend;
    store->read([&](StoreReader& r) {
        latest = r.latestNotifications(10);
        three = r.latestNotifications(3);
        toSend = r.notificationsToSend();
    });
    REQUIRE(latest.size() == 4);
    CHECK(latest[0].id == sent.id);
    CHECK(latest[1].id == moved.id);
    CHECK(latest[2].id == unattached.id);
    CHECK(latest[3].id == failed.id);
    REQUIRE(three.size() == 3);
    CHECK(three[2].id == unattached.id);

    const Notification& s = latest[0];
    REQUIRE(s.bookingId);
    CHECK(*s.bookingId == b.id);
    CHECK(s.recipient == "anna@example.de");
    CHECK(s.language == "de");
    CHECK(s.kind == "closure.moved");
    CHECK(s.subject == "Déjà envoyé");
    CHECK(s.body == "Ihre Fahrt wurde verschoben.\nSweet Narcisse");
    CHECK(s.status == NotificationStatus::Sent);
    CHECK(s.error == "421 try later");
    CHECK(s.attempts == 2);
    CHECK(s.createdAt == at("2026-07-14T07:00:00Z"));
    REQUIRE(s.sentAt);
    CHECK(*s.sentAt == at("2026-07-14T07:05:00Z"));
    const Notification& f = latest[3];
    CHECK(f.status == NotificationStatus::Failed);
    CHECK(f.error == "550 no such user");
    CHECK(f.attempts == 5);
    CHECK_FALSE(f.sentAt);

    REQUIRE(toSend.size() == 2);
    CHECK(toSend[0].id == unattached.id);
    CHECK_FALSE(toSend[0].bookingId);
    CHECK(toSend[0].recipient == "paul@example.fr");
    CHECK(toSend[0].language == "fr");
    CHECK(toSend[0].kind == "closure.cancelled");
    CHECK(toSend[0].subject == "Sortie annulée");
    CHECK(toSend[0].body == "Votre sortie est annulée.");
    CHECK(toSend[0].status == NotificationStatus::Pending);
    CHECK(toSend[0].error.empty());
    CHECK(toSend[0].attempts == 0);
    CHECK(toSend[0].createdAt == at("2026-07-14T05:00:00Z"));
    CHECK_FALSE(toSend[0].sentAt);
    CHECK(toSend[1].id == moved.id);
}

TEMPLATE_TEST_CASE("a send attempt records status, error, attempts and sending time, nothing else", "[store]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const Notification original = message(std::nullopt, "2026-07-14T06:00:00Z", "Fahrt verschoben");
    const Notification other = message(std::nullopt, "2026-07-14T06:30:00Z", "Noch eine");
    store->write([&](StoreWriter& tx) {
        tx.insertNotification(original);
        tx.insertNotification(other);
    });
    auto readBack = [&] {
        std::vector<Notification> out;
        store->read([&](StoreReader& r) { out = r.latestNotifications(10); });
        REQUIRE(out.size() == 2);
        return out[1];   // `original` is the older one
    };

    Notification attempt = original;
    attempt.status = NotificationStatus::Failed;
    attempt.error = "connection refused";
    attempt.attempts = 1;
    attempt.subject = "changed by mistake";   // not part of a send attempt: stays as written
    attempt.recipient = "someone@else.fr";
    store->write([&](StoreWriter& tx) { tx.updateNotification(attempt); });
    Notification got = readBack();
    CHECK(got.id == original.id);
    CHECK(got.status == NotificationStatus::Failed);
    CHECK(got.error == "connection refused");
    CHECK(got.attempts == 1);
    CHECK_FALSE(got.sentAt);
    CHECK(got.subject == "Fahrt verschoben");
    CHECK(got.recipient == "anna@example.de");
    CHECK(got.createdAt == at("2026-07-14T06:00:00Z"));

    attempt.status = NotificationStatus::Sent;
    attempt.error.clear();
    attempt.attempts = 2;
    attempt.sentAt = at("2026-07-14T06:10:00Z");
    store->write([&](StoreWriter& tx) { tx.updateNotification(attempt); });
    got = readBack();
    CHECK(got.status == NotificationStatus::Sent);
    CHECK(got.error.empty());
    CHECK(got.attempts == 2);
    REQUIRE(got.sentAt);
    CHECK(*got.sentAt == at("2026-07-14T06:10:00Z"));
    std::vector<Notification> toSend;
    store->read([&](StoreReader& r) { toSend = r.notificationsToSend(); });
    REQUIRE(toSend.size() == 1);
    CHECK(toSend[0].id == other.id);

    Notification ghost = message(std::nullopt, "2026-07-14T06:00:00Z", "ghost");
    CHECK_THROWS_WITH(store->write([&](StoreWriter& tx) { tx.updateNotification(ghost); }),
                      "no notification with id " + ghost.id.str());
    CHECK_THROWS_AS(store->write([&](StoreWriter& tx) { tx.updateNotification(ghost); }), NotFound);
}

TEMPLATE_TEST_CASE("moving a booking changes its boat and departure only", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const Customer anna{Uuid::generate(), "Anna Müller", "anna@example.de", "", "de"};
    Booking b = makeBooking(w.ill.id, "2026-07-14T08:00:00Z", 206);
    b.state = BookingState::Pending;
    b.expiresAt = at("2026-07-14T07:30:00Z");
    b.customerId = anna.id;
    b.notes = "Poussette";
    const Booking neighbour = makeBooking(w.ill.id, "2026-07-14T08:00:00Z", 207);
    store->write([&](StoreWriter& tx) {
        tx.saveCustomer(anna);
        tx.insertBooking(b);
        tx.insertBooking(neighbour);
    });
    store->write([&](StoreWriter& tx) {
        tx.moveBooking(b.id, w.lauch.id, at("2026-07-15T09:30:00Z"), at("2026-07-15T10:15:00Z"));
    });

    std::optional<Booking> moved, untouched;
    store->read([&](StoreReader& r) {
        moved = r.bookingById(b.id);
        untouched = r.bookingById(neighbour.id);
    });
    REQUIRE(moved);
    CHECK(moved->boatId == w.lauch.id);
    CHECK(moved->departureStart == at("2026-07-15T09:30:00Z"));
    CHECK(moved->departureEnd == at("2026-07-15T10:15:00Z"));
    CHECK(moved->ref == b.ref);
    CHECK(moved->state == BookingState::Pending);
    REQUIRE(moved->expiresAt);
    CHECK(*moved->expiresAt == at("2026-07-14T07:30:00Z"));
    CHECK(moved->party == Party{2, 1, 0});
    CHECK(moved->total == Money::cents(3100));
    REQUIRE(moved->customerId);
    CHECK(*moved->customerId == anna.id);
    CHECK(moved->customerName == "Anna Müller");
    CHECK(moved->language == "de");
    CHECK(moved->channel == Channel::Phone);
    CHECK(moved->notes == "Poussette");
    CHECK(moved->createdAt == at("2026-06-01T09:00:00Z"));
    REQUIRE(untouched);
    CHECK(untouched->boatId == w.ill.id);
    CHECK(untouched->departureStart == at("2026-07-14T08:00:00Z"));

    const Uuid unknown = Uuid::generate();
    CHECK_THROWS_WITH(store->write([&](StoreWriter& tx) {
        tx.moveBooking(unknown, w.lauch.id, at("2026-07-15T09:30:00Z"), at("2026-07-15T10:15:00Z"));
    }),
                      "no booking with id " + unknown.str());
    CHECK_THROWS_AS(store->write([&](StoreWriter& tx) {
        tx.moveBooking(unknown, w.lauch.id, at("2026-07-15T09:30:00Z"), at("2026-07-15T10:15:00Z"));
    }),
                    NotFound);
}

TEMPLATE_TEST_CASE("a planning write that throws leaves none of its rows", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const Employee marc = boatman("marc", "Marc Koenig");
    const Booking b = makeBooking(w.ill.id, "2026-07-14T08:00:00Z", 208);
    const Block storm{Uuid::generate(), at("2026-07-14T12:00:00Z"), at("2026-07-14T14:00:00Z"), std::nullopt, "Orage"};
    const auto show = extra(july(14), 19 * 60, "Feu d'artifice");
    const CrewAssignment onIll{Uuid::generate(), july(14), w.ill.id, marc.id};
    Notification sentLater = message(b.id, "2026-07-14T06:00:00Z", "Fahrt verschoben");
    store->write([&](StoreWriter& tx) {
        tx.saveEmployee(marc);
        tx.insertBooking(b);
        tx.insertBlock(storm);
        tx.saveTimetableException(show);
        tx.saveCrewAssignment(onIll);
        tx.insertNotification(sentLater);
    });

    CHECK_THROWS_AS(store->write([&](StoreWriter& tx) {
        tx.saveTimetableException(cancelled(july(15), 600, "Crue"));
        tx.deleteTimetableException(show.id);
        tx.saveCrewAssignment({Uuid::generate(), july(14), w.lauch.id, marc.id});
        tx.deleteCrewAssignment(onIll.id);
        tx.insertNotification(message(b.id, "2026-07-14T06:30:00Z", "Noch eine"));
        sentLater.status = NotificationStatus::Sent;
        sentLater.attempts = 1;
        sentLater.sentAt = at("2026-07-14T06:31:00Z");
        tx.updateNotification(sentLater);
        tx.moveBooking(b.id, w.lauch.id, at("2026-07-15T09:30:00Z"), at("2026-07-15T10:15:00Z"));
        tx.deleteBlock(storm.id);
        tx.deleteTimetableRule(w.summer.id);
        throw ConflictError("changed my mind");
    }),
                    ConflictError);

    std::vector<TimetableException> exceptions;
    std::vector<CrewAssignment> crew, crewNextDay;
    std::vector<Notification> notifications;
    std::optional<Booking> booking;
    std::optional<Block> block;
    std::vector<TimetableRule> rules;
    store->read([&](StoreReader& r) {
        exceptions = r.timetableExceptions(july(1), july(31));
        crew = r.crewOn(july(14));
        notifications = r.latestNotifications(10);
        booking = r.bookingById(b.id);
        block = r.blockById(storm.id);
        rules = r.timetableRules();
    });
    REQUIRE(exceptions.size() == 1);
    CHECK(exceptions[0].id == show.id);
    REQUIRE(crew.size() == 1);
    CHECK(crew[0].id == onIll.id);
    REQUIRE(notifications.size() == 1);
    CHECK(notifications[0].id == sentLater.id);
    CHECK(notifications[0].status == NotificationStatus::Pending);
    CHECK(notifications[0].attempts == 0);
    CHECK_FALSE(notifications[0].sentAt);
    REQUIRE(booking);
    CHECK(booking->boatId == w.ill.id);
    CHECK(booking->departureStart == at("2026-07-14T08:00:00Z"));
    CHECK(block);
    REQUIRE(rules.size() == 1);
    CHECK(rules[0].id == w.summer.id);
}

// The desks poll changeStamp() and refresh their planning when it moves. It is always read through a
// first connection while a second one (another desk, the website) commits, as in real use; the
// connection's own commits move it too (on SQLite, PRAGMA data_version alone would not).
TEMPLATE_TEST_CASE("the change stamp stays put while nothing changes", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto desk = engine.open();
    const World w = seedWorld(*desk);
    auto other = engine.open();
    const std::int64_t first = desk->changeStamp();
    CHECK(desk->changeStamp() == first);
    // Reading, here or elsewhere, is not a change.
    desk->read([&](StoreReader& r) { r.bookingsDeparting(at("2026-07-14T00:00:00Z"), at("2026-07-15T00:00:00Z")); });
    other->read([&](StoreReader& r) { r.crewOn(july(14)); });
    CHECK(desk->changeStamp() == first);
    CHECK(desk->changeStamp() == first);
}

TEMPLATE_TEST_CASE("a connection's own commit moves its change stamp; a refused write does not", "[store]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto desk = engine.open();
    const World w = seedWorld(*desk);
    std::int64_t before = desk->changeStamp();
    desk->write([&](StoreWriter& tx) { tx.insertBooking(makeBooking(w.ill.id, "2026-07-14T08:00:00Z", 1)); });
    CHECK(desk->changeStamp() != before);
    before = desk->changeStamp();
    CHECK_THROWS(desk->write([&](StoreWriter& tx) {
        tx.insertBlock({Uuid::generate(), at("2026-07-14T12:00:00Z"), at("2026-07-14T14:00:00Z"), std::nullopt, "Orage"});
        throw std::runtime_error("changed my mind");
    }));
    CHECK(desk->changeStamp() == before);
}

TEMPLATE_TEST_CASE("another program's commit to bookings, closures, crew or timetable changes moves the stamp",
                   "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto desk = engine.open();
    auto other = engine.open();

    // The very first change of a new database counts too.
    const Block storm{Uuid::generate(), at("2026-07-14T12:00:00Z"), at("2026-07-14T14:00:00Z"), std::nullopt, "Orage"};
    std::int64_t before = desk->changeStamp();
    other->write([&](StoreWriter& tx) { tx.insertBlock(storm); });
    CHECK(desk->changeStamp() != before);

    const World w = seedWorld(*other);
    const Employee marc = boatman("marc", "Marc Koenig");
    other->write([&](StoreWriter& tx) { tx.saveEmployee(marc); });
    const Booking b = makeBooking(w.ill.id, "2026-07-14T08:00:00Z", 209);
    const Block hull{Uuid::generate(), at("2026-07-15T06:00:00Z"), at("2026-07-16T06:00:00Z"), w.lauch.id, "Coque"};
    const auto show = extra(july(14), 19 * 60, "Feu d'artifice");
    const CrewAssignment onIll{Uuid::generate(), july(14), w.ill.id, marc.id};

    const std::pair<const char*, std::function<void(StoreWriter&)>> changes[] = {
        {"a booking sold", [&](StoreWriter& tx) { tx.insertBooking(b); }},
        {"a booking moved",
         [&](StoreWriter& tx) { tx.moveBooking(b.id, w.lauch.id, at("2026-07-14T08:30:00Z"), at("2026-07-14T09:15:00Z")); }},
        {"a booking cancelled", [&](StoreWriter& tx) { tx.updateBookingState(b.id, BookingState::Cancelled); }},
        {"a closure added", [&](StoreWriter& tx) { tx.insertBlock(hull); }},
        {"a closure removed", [&](StoreWriter& tx) { tx.deleteBlock(hull.id); }},
        {"a boatman assigned", [&](StoreWriter& tx) { tx.saveCrewAssignment(onIll); }},
        {"a boatman unassigned", [&](StoreWriter& tx) { tx.deleteCrewAssignment(onIll.id); }},
        {"a departure added", [&](StoreWriter& tx) { tx.saveTimetableException(show); }},
        {"a departure change removed", [&](StoreWriter& tx) { tx.deleteTimetableException(show.id); }},
    };
    for (const auto& [what, change] : changes) {
        INFO(what);
        // The desk has just refreshed its planning (single-row reads included) before it polls.
        desk->read([&](StoreReader& r) {
            r.bookingCount();
            r.bookingById(b.id);
            r.blockById(hull.id);
            r.crewOn(july(14));
        });
        before = desk->changeStamp();
        other->write(change);
        const std::int64_t after = desk->changeStamp();
        CHECK(after != before);
        CHECK(desk->changeStamp() == after);
    }

    // And the desk that saw the stamp move reads the other program's data.
    std::optional<Booking> seen;
    std::vector<TimetableException> exceptions;
    desk->read([&](StoreReader& r) {
        seen = r.bookingById(b.id);
        exceptions = r.timetableExceptions(july(14), july(14));
    });
    REQUIRE(seen);
    CHECK(seen->state == BookingState::Cancelled);
    CHECK(seen->boatId == w.lauch.id);
    CHECK(exceptions.empty());
}

TEMPLATE_TEST_CASE("a desk that has just read sees another program's commit at its next read", "[store]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto desk = engine.open();
    const World w = seedWorld(*desk);
    auto other = engine.open();
    const Block storm{Uuid::generate(), at("2026-07-14T12:00:00Z"), at("2026-07-14T14:00:00Z"), std::nullopt, "Orage"};
    desk->write([&](StoreWriter& tx) { tx.insertBlock(storm); });

    // Single-row lookups that stop at their first row: they must not keep the desk on an old snapshot.
    std::optional<Block> block;
    std::int64_t count = -1;
    desk->read([&](StoreReader& r) {
        block = r.blockById(storm.id);
        count = r.bookingCount();
    });
    REQUIRE(block);
    CHECK(count == 0);

    const std::int64_t before = desk->changeStamp();
    const Booking b = makeBooking(w.ill.id, "2026-07-14T08:00:00Z", 210);
    other->write([&](StoreWriter& tx) {
        tx.insertBooking(b);
        tx.deleteBlock(storm.id);
    });
    CHECK(desk->changeStamp() != before);
    std::vector<Booking> day;
    desk->read([&](StoreReader& r) {
        day = r.bookingsDeparting(at("2026-07-13T22:00:00Z"), at("2026-07-14T22:00:00Z"));
        block = r.blockById(storm.id);
    });
    REQUIRE(day.size() == 1);
    CHECK(day[0].id == b.id);
    CHECK_FALSE(block);
}

TEMPLATE_TEST_CASE("a stamp read while another program's change is under way moves again at its commit", "[store]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto desk = engine.open();
    const World w = seedWorld(*desk);
    auto other = engine.open();
    const Booking b = makeBooking(w.ill.id, "2026-07-14T08:00:00Z", 211);

    // A desk that polls between the other program's statement and its commit refreshes from data
    // without the booking: if the stamp did not move again at the commit, it would never show it.
    std::int64_t during = 0;
    std::int64_t countDuring = -1;
    other->write([&](StoreWriter& tx) {
        tx.insertBooking(b);
        during = desk->changeStamp();
        desk->read([&](StoreReader& r) { countDuring = r.bookingCount(); });
    });
    CHECK(countDuring == 0);
    const std::int64_t after = desk->changeStamp();
    CHECK(after != during);
    CHECK(desk->changeStamp() == after);
}
