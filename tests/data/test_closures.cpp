// Closures that take care of their passengers, on both engines: the preview lists exactly the
// stranded bookings with their proposals, the apply moves and cancels in one transaction with
// refunds owed and queued messages, a move that no longer fits leaves nothing behind.
#include "app/closures.h"
#include "app/planning.h"
#include "app/notifications.h"
#include "app/sales.h"
#include "data/smtp_mailer.h"
#include "domain/errors.h"
#include "support/engines.h"
#include "support/fake_smtp.h"
#include "support/world.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

app::SaleRequest sale(const char* time, int adults, int children = 0, std::optional<Customer> customer = {},
                      std::optional<PaymentMethod> pay = PaymentMethod::Cash) {
    app::SaleRequest r;
    r.date = bastilleDay();
    r.time = parseWallTime(time, "time");
    r.party = {adults, children, 0};
    r.payment = pay;
    r.customer = std::move(customer);
    if (!pay) r.channel = Channel::Phone;
    return r;
}

Customer customer(const char* name, const char* email, const char* language) {
    return Customer{Uuid::generate(), name, email, "", language};
}

// 11:00 nearly full (Ill 12/12, Lauch 6/10); on 11:30 and 12:00, four parties a storm will strand.
struct Day {
    World world;
    Booking b;   // 11:30, 3A 1C, paid cash, English, e-mail
    Booking c;   // 11:30, 2A, phone booking not paid, no customer
    Booking a;   // 12:00, 4A, paid by card 48.00, French, e-mail
    Booking d;   // 12:00, 2A, paid cash, German, no e-mail
};

// Each sale a minute after the previous one: the bookings of a departure come in that order.
Day seedDay(Store& store, FixedClock& clock) {
    const Instant start = clock.now();
    int minute = 0;
    auto tick = [&] { clock.set(start + std::chrono::minutes{++minute}); };
    Day day;
    day.world = seedWorld(store);
    openDrawer(store);
    app::sellRide(store, clock, sale("11:00", 12));
    tick();
    app::sellRide(store, clock, sale("11:00", 6));
    tick();
    day.b = app::sellRide(store, clock, sale("11:30", 3, 1, customer("John Smith", "john@example.com", "en"))).booking;
    tick();
    day.c = app::sellRide(store, clock, sale("11:30", 2, 0, {}, std::nullopt)).booking;
    tick();
    day.a = app::sellRide(store, clock,
                          sale("12:00", 4, 0, customer("Élodie Brändle", "elodie@example.fr", "fr"), PaymentMethod::Card))
                .booking;
    tick();
    day.d = app::sellRide(store, clock, sale("12:00", 2, 0, customer("Hans Müller", "", "de"))).booking;
    clock.set(start);
    return day;
}

app::ClosureScope storm() {
    return {bastilleDay(), Minutes{12 * 60}, Minutes{12 * 60 + 45}, std::nullopt};
}

std::string when(const DepartureProposal& p) {
    const BusinessZone zone;
    return isoDate(zone.localDate(p.departure.start)) + " " + hhmm(zone.localMinutes(p.departure.start)) + " " +
           p.boatName;
}

app::BookingDecision moveTo(const app::AffectedBooking& a, std::size_t proposal = 0) {
    return {a.booking.id, app::BookingDecision::Kind::Move, a.proposals.at(proposal).departure.start,
            a.proposals.at(proposal).boatId};
}

app::BookingDecision cancel(const app::AffectedBooking& a) { return {a.booking.id, app::BookingDecision::Kind::Cancel, {}, {}}; }

template <typename F>
std::string refusal(F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(accepted)";
}

}  // namespace

TEMPLATE_TEST_CASE("the preview lists the stranded bookings with the nearest departures that have room", "[closures]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    FixedClock clock(at("2026-07-14T06:00:00Z"));
    const Day day = seedDay(*store, clock);

    const auto preview = app::previewClosure(*store, storm(), "Orage", clock.now());
    CHECK(preview.block.start == at("2026-07-14T10:00:00Z"));
    CHECK(preview.block.end == at("2026-07-14T10:45:00Z"));
    CHECK(preview.block.reason == "Orage");
    // 11:30 rides until 12:15, into the storm: its passengers are stranded too. 11:00 is back at 11:45.
    REQUIRE(preview.affected.size() == 4);
    CHECK(preview.affected[0].booking.id == day.b.id);
    CHECK(preview.affected[1].booking.id == day.c.id);
    CHECK(preview.affected[2].booking.id == day.a.id);
    CHECK(preview.affected[3].booking.id == day.d.id);
    CHECK(preview.affected[0].boatName == "Lauch");
    REQUIRE(preview.affected[0].customer);
    CHECK(preview.affected[0].customer->email == "john@example.com");
    CHECK(preview.affected[0].paid == Money::cents(4300));
    CHECK(preview.affected[1].paid == Money::cents(0));
    CHECK(preview.affected[2].paid == Money::cents(4800));

    auto proposals = [&](std::size_t i) {
        std::vector<std::string> out;
        for (const auto& p : preview.affected[i].proposals) out.push_back(when(p));
        return out;
    };
    // B takes the last 4 seats of 11:00; the parties after it see 11:00 full.
    CHECK(proposals(0) == std::vector<std::string>{"2026-07-14 11:00 Lauch", "2026-07-14 10:30 Lauch",
                                                   "2026-07-14 10:00 Lauch"});
    CHECK(preview.affected[0].proposals[0].freeSeatsBefore == 4);
    CHECK(proposals(1) == std::vector<std::string>{"2026-07-14 10:30 Lauch", "2026-07-14 10:00 Lauch",
                                                   "2026-07-15 10:00 Lauch"});
    CHECK(proposals(2) == std::vector<std::string>{"2026-07-14 10:30 Lauch", "2026-07-14 10:00 Lauch",
                                                   "2026-07-15 10:00 Lauch"});
    CHECK(preview.affected[2].proposals[0].freeSeatsBefore == 8);
    CHECK(preview.affected[3].proposals[0].freeSeatsBefore == 4);

    // A preview writes nothing.
    std::vector<Block> blocks;
    store->read([&](StoreReader& r) { blocks = r.blocksOverlapping(at("2026-07-14T00:00:00Z"), at("2026-07-15T00:00:00Z")); });
    CHECK(blocks.empty());
}

TEMPLATE_TEST_CASE("applying a closure moves, cancels with refunds owed, queues messages and sends them after",
                   "[closures]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    FixedClock clock(at("2026-07-14T06:00:00Z"));
    const Day day = seedDay(*store, clock);
    const auto preview = app::previewClosure(*store, storm(), "Orage", clock.now());
    REQUIRE(preview.affected.size() == 4);

    app::ClosureRequest request{storm(), "Orage",
                                {moveTo(preview.affected[0]), cancel(preview.affected[1]), cancel(preview.affected[2]),
                                 moveTo(preview.affected[3])},
                                true, std::nullopt};
    const auto result = app::applyClosure(*store, clock, request);
    CHECK(result.moved == 2);
    CHECK(result.cancelled == 2);
    CHECK(result.notified == 2);
    CHECK(result.refundOwed == Money::cents(4800));
    const std::string expected = "Orage 2026-07-14 12:00–12:45: 2 moved, 2 cancelled (refund owed 48.00 EUR), 2 notified; " +
                                 day.b.ref.str() + " → 2026-07-14 11:00 Lauch; " + day.c.ref.str() + " cancelled; " +
                                 day.a.ref.str() + " cancelled, refund owed 48.00 EUR; " + day.d.ref.str() +
                                 " → 2026-07-14 10:30 Lauch";
    CHECK(result.summary == expected);
    REQUIRE(result.outcomes.size() == 4);
    REQUIRE(result.outcomes[0].notifiedTo);
    CHECK(*result.outcomes[0].notifiedTo == "john@example.com");
    CHECK_FALSE(result.outcomes[3].notifiedTo);   // Hans left no e-mail address

    std::optional<Booking> a, b, c, d;
    std::vector<Refund> refundsA, refundsB;
    std::vector<Payment> paymentsA;
    std::vector<Notification> queued;
    std::vector<AuditEntry> audit;
    std::optional<Block> block;
    store->read([&](StoreReader& r) {
        a = r.bookingById(day.a.id);
        b = r.bookingById(day.b.id);
        c = r.bookingById(day.c.id);
        d = r.bookingById(day.d.id);
        refundsA = r.refundsOfBooking(day.a.id);
        refundsB = r.refundsOfBooking(day.b.id);
        paymentsA = r.paymentsOfBooking(day.a.id);
        queued = r.notificationsToSend();
        audit = r.latestAudit(1);
        block = r.blockById(result.block.id);
    });
    REQUIRE(block);
    CHECK(block->reason == "Orage");
    CHECK(b->departureStart == at("2026-07-14T09:00:00Z"));
    CHECK(b->boatId == day.world.lauch.id);
    CHECK(b->state == BookingState::Confirmed);
    CHECK(d->departureStart == at("2026-07-14T08:30:00Z"));
    CHECK(a->state == BookingState::Cancelled);
    CHECK(c->state == BookingState::Cancelled);
    REQUIRE(refundsA.size() == 1);
    REQUIRE(paymentsA.size() == 1);
    CHECK(refundsA[0].paymentId == paymentsA[0].id);
    CHECK(refundsA[0].amount == paymentsA[0].amount);
    CHECK(refundsA[0].status == RefundStatus::Owed);
    CHECK(refundsB.empty());
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].action == "closure.apply");
    CHECK(audit[0].entityId == result.block.id.str());
    CHECK(audit[0].details == expected);

    // Queued in the same instant: their order among themselves is not part of the contract.
    REQUIRE(queued.size() == 2);
    std::sort(queued.begin(), queued.end(), [](const Notification& x, const Notification& y) { return x.recipient < y.recipient; });
    CHECK(queued[0].recipient == "elodie@example.fr");
    CHECK(queued[0].kind == "closure.cancelled");
    CHECK(queued[0].language == "fr");
    CHECK(queued[0].subject == "Votre promenade en barque du 14 juillet 2026 est annulée");
    CHECK(queued[1].recipient == "john@example.com");
    CHECK(queued[1].kind == "closure.moved");
    CHECK(queued[1].language == "en");
    CHECK(queued[1].subject == "Your boat ride on 14 July 2026 has been moved");
    for (const auto& n : queued) CHECK(n.status == NotificationStatus::Pending);

    // After the transaction: through a real SMTP dialogue.
    FakeSmtpServer server;
    data::SmtpSettings smtp;
    smtp.host = "127.0.0.1";
    smtp.port = server.port();
    smtp.from = "desk@sweet-narcisse.eu";
    data::SmtpMailer mailer(smtp);
    const FixedClock later(at("2026-07-14T06:05:00Z"));
    const auto report = app::sendPendingNotifications(*store, mailer, later);
    CHECK(report.sent == 2);
    CHECK(report.failed == 0);
    auto mails = server.messages();
    REQUIRE(mails.size() == 2);
    std::sort(mails.begin(), mails.end(), [](const ReceivedMail& x, const ReceivedMail& y) { return x.recipients < y.recipients; });
    CHECK(mails[0].recipients == std::vector<std::string>{"elodie@example.fr"});
    CHECK(mails[0].header("Subject") == "Votre promenade en barque du 14 juillet 2026 est annulée");
    CHECK(mails[0].body().rfind("Bonjour Élodie Brändle,\n", 0) == 0);
    CHECK(mails[0].body().find("Nous vous remboursons 48,00\u00A0€") != std::string::npos);
    CHECK(mails[1].recipients == std::vector<std::string>{"john@example.com"});
    CHECK(mails[1].header("Subject") == "Your boat ride on 14 July 2026 has been moved");
    CHECK(mails[1].body().find("We have booked you a place on the departure of Tuesday 14 July 2026 at 11:00 am, "
                               "aboard the boat \"Lauch\".") != std::string::npos);

    const auto log = app::notificationLog(*store);
    REQUIRE(log.size() == 2);
    for (const auto& n : log) {
        CHECK(n.status == NotificationStatus::Sent);
        REQUIRE(n.sentAt);
        CHECK(*n.sentAt == later.now());
        CHECK(n.attempts == 1);
    }
}

TEMPLATE_TEST_CASE("a move that no longer fits aborts the whole closure and leaves nothing", "[closures]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    FixedClock clock(at("2026-07-14T06:00:00Z"));
    const Day day = seedDay(*store, clock);
    const auto preview = app::previewClosure(*store, storm(), "Orage", clock.now());
    REQUIRE(preview.affected.size() == 4);
    // Meanwhile the website sells 2 of the 4 seats B was to take at 11:00.
    CHECK(app::sellRide(*store, clock, sale("11:00", 2)).boatName == "Lauch");

    app::ClosureRequest request{storm(), "Orage",
                                {moveTo(preview.affected[0]), cancel(preview.affected[1]), cancel(preview.affected[2]),
                                 moveTo(preview.affected[3])},
                                true, std::nullopt};
    CHECK(refusal([&] { app::applyClosure(*store, clock, request); }) ==
          day.b.ref.str() + " cannot move to 2026-07-14 11:00 on Lauch: Lauch has 2 free seats, the party needs 4");

    std::optional<Booking> a, b;
    std::vector<Block> blocks;
    std::vector<Refund> refunds;
    std::vector<Notification> notifications;
    std::vector<AuditEntry> audit;
    store->read([&](StoreReader& r) {
        a = r.bookingById(day.a.id);
        b = r.bookingById(day.b.id);
        blocks = r.blocksOverlapping(at("2026-07-14T00:00:00Z"), at("2026-07-15T00:00:00Z"));
        refunds = r.refundsOfBooking(day.a.id);
        notifications = r.latestNotifications(10);
        audit = r.latestAudit(1);
    });
    CHECK(blocks.empty());
    CHECK(a->state == BookingState::Confirmed);
    CHECK(b->departureStart == at("2026-07-14T09:30:00Z"));
    CHECK(refunds.empty());
    CHECK(notifications.empty());
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].action == "booking.sell");
}

TEMPLATE_TEST_CASE("decisions that do not match the stranded bookings are refused: look again", "[closures]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    FixedClock clock(at("2026-07-14T06:00:00Z"));
    const Day day = seedDay(*store, clock);
    app::ClosureRequest request{storm(), "Orage", {}, false, std::nullopt};
    CHECK(refusal([&] { app::applyClosure(*store, clock, request); }) ==
          "the planning changed since the closure was prepared (" + day.b.ref.str() + " has no decision, " +
              day.c.ref.str() + " has no decision, " + day.a.ref.str() + " has no decision, " + day.d.ref.str() +
              " has no decision): look at the affected bookings again");
    request.scope.boatName = "Titanic";
    CHECK(refusal([&] { app::applyClosure(*store, clock, request); }) == "there is no boat named \"Titanic\"");
    request.scope.boatName.reset();
    request.scope.to.reset();
    CHECK(refusal([&] { app::applyClosure(*store, clock, request); }) ==
          "to: give both the start and the end of the closure, or neither");
}

TEMPLATE_TEST_CASE("reopening removes the closure and keeps the moves", "[closures]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    const World w = seedWorld(*store);
    const LocalDate next = nextDay(bastilleDay());
    const app::ClosureScope wholeDayIll{next, std::nullopt, std::nullopt, "Ill"};
    const auto applied = app::applyClosure(*store, clock, {wholeDayIll, "Carénage", {}, false, std::nullopt});
    CHECK(applied.summary == "Carénage 2026-07-15 on Ill: 0 moved, 0 cancelled, 0 notified");

    const auto found = app::findClosures(*store, {next, std::nullopt, std::nullopt, std::nullopt});
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == applied.block.id);
    CHECK(app::findClosures(*store, {next, std::nullopt, std::nullopt, "Lauch"}).empty());
    CHECK(app::findClosures(*store, {next, Minutes{600}, Minutes{700}, std::nullopt}).empty());

    const std::optional<Uuid> employee;   // the audit names no one: there is no employee in this world
    CHECK(app::reopenClosure(*store, clock, applied.block.id, employee) == "Carénage 2026-07-15 on Ill reopened");
    std::optional<Block> block;
    std::vector<AuditEntry> audit;
    store->read([&](StoreReader& r) {
        block = r.blockById(applied.block.id);
        audit = r.latestAudit(1);
    });
    CHECK_FALSE(block);
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].action == "closure.reopen");
    CHECK(audit[0].details == "Carénage 2026-07-15 on Ill reopened");
    CHECK_THROWS_AS(app::reopenClosure(*store, clock, applied.block.id, employee), NotFound);
    (void)w;
}

TEMPLATE_TEST_CASE("closing one departure strands its passengers only, not the rides still on the water",
                   "[closures]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    FixedClock clock(at("2026-07-14T06:00:00Z"));
    const Day day = seedDay(*store, clock);

    app::ClosureScope noon{bastilleDay(), Minutes{12 * 60}, Minutes{12 * 60 + 1}, std::nullopt};
    noon.departuresOnly = true;
    CHECK(noon.describe() == "2026-07-14 departure 12:00");
    const auto preview = app::previewClosure(*store, noon, "Hélice", clock.now());
    // 11:30 is still on the water at 12:00 but sails: only the two parties of 12:00 are affected.
    REQUIRE(preview.affected.size() == 2);
    CHECK(preview.affected[0].booking.id == day.a.id);
    CHECK(preview.affected[1].booking.id == day.d.id);
    CHECK(preview.block.startsOnly);

    // The same minute as a weather closure keeps 11:30 ashore too.
    app::ClosureScope weather = noon;
    weather.departuresOnly = false;
    CHECK(app::previewClosure(*store, weather, "Orage", clock.now()).affected.size() == 4);

    // Applied, the closure reads back as a departure closure and the planning shows 12:00 closed, 11:30 open.
    app::ClosureRequest request;
    request.scope = noon;
    request.reason = "Hélice";
    for (const auto& a : preview.affected) request.decisions.push_back(moveTo(a));
    app::applyClosure(*store, clock, request);
    const auto plan = app::loadDayPlanning(*store, bastilleDay(), clock.now());
    REQUIRE(plan.departures.size() == 5);
    CHECK_FALSE(plan.departures[3].closedReason);   // 11:30
    REQUIRE(plan.departures[4].closedReason);       // 12:00
    CHECK(*plan.departures[4].closedReason == "Hélice");
    REQUIRE(plan.blocks.size() == 1);
    CHECK(plan.blocks[0].startsOnly);
}
