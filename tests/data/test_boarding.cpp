// Finding and boarding at the desk on both engines: search as you type, the booking card's actions,
// every scan outcome with its reason, no-shows and the end-of-day sweep.
#include "app/boarding.h"
#include "app/cancellation.h"
#include "app/desk.h"
#include "domain/errors.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

app::DeskSaleResult sell(Store& store, const Clock& clock, int adults, const char* time, const char* name = "",
                         bool paid = true, const char* phone = "", const char* email = "") {
    app::DeskSaleRequest r;
    r.sale.date = bastilleDay();
    r.sale.time = parseWallTime(time, "time");
    r.sale.party = {adults, 0, 0};
    if (*name) r.sale.customer = Customer{Uuid::generate(), name, email, phone, "fr"};
    if (paid) r.tenders = {{PaymentMethod::Card, Money::zero(), Money::zero(), ""}};
    else r.sale.channel = Channel::Phone;
    return app::sellAtDesk(store, clock, r);
}

std::vector<std::string> actions(const app::BookingCard& card) {
    std::vector<std::string> names;
    for (auto a : card.actions) names.emplace_back(app::toString(a));
    return names;
}

BookingState stateOf(Store& store, const PublicRef& ref) {
    std::optional<Booking> b;
    store.read([&](StoreReader& r) { b = r.bookingByRef(ref); });
    REQUIRE(b);
    return b->state;
}

}  // namespace

TEMPLATE_TEST_CASE("a scan boards a paid booking of today once, and says when and by whom the second time", "[desk][boarding]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    Employee claire{Uuid::generate(), "claire", "Claire Martin", Role::Manager, true, "", ""};
    store->write([&](StoreWriter& w) { w.saveEmployee(claire); });
    const FixedClock clock(at("2026-07-14T07:50:00Z"));   // 09:50, before the 10:00
    const auto sold = sell(*store, clock, 2, "10:00", "Zoë Weiß");
    const std::string ref = sold.sale.booking.ref.str();

    // The scanner types the QR code's text followed by Enter; spaces around are ignored.
    const auto boarded = app::boardByScan(*store, clock, " " + ref + "\n", std::nullopt, claire.id);
    CHECK(boarded.outcome == app::ScanOutcome::Boarded);
    CHECK(boarded.message == "Boarded: " + ref + " · 2A · Zoë Weiß · 10:00 Lauch");
    CHECK(stateOf(*store, sold.sale.booking.ref) == BookingState::Embarqued);

    const auto again = app::boardByScan(*store, clock, ref, std::nullopt, std::nullopt);
    CHECK(again.outcome == app::ScanOutcome::AlreadyBoarded);
    CHECK(again.message == "Already boarded: " + ref + " boarded on 2026-07-14 at 09:50 by Claire Martin");
}

TEMPLATE_TEST_CASE("a scan refuses with the reason: wrong departure, wrong day, cancelled, unpaid, unknown", "[desk][boarding]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    openDrawer(*store);
    const FixedClock clock(at("2026-07-14T07:50:00Z"));
    const auto at1030 = sell(*store, clock, 1, "10:30");
    const std::string ref = at1030.sale.booking.ref.str();

    // Boarding the 10:00 (Europe/Paris) = 08:00 UTC.
    const auto wrong = app::boardByScan(*store, clock, ref, at("2026-07-14T08:00:00Z"), std::nullopt);
    CHECK(wrong.outcome == app::ScanOutcome::WrongDeparture);
    CHECK(wrong.message == "Wrong departure: " + ref + " is for 10:30 on Lauch, not the 10:00 departure");

    app::DeskSaleRequest tomorrow;
    tomorrow.sale.date = parseDate("2026-07-15", "date");
    tomorrow.sale.time = parseWallTime("11:00", "time");
    tomorrow.sale.party = {1, 0, 0};
    tomorrow.tenders = {{PaymentMethod::Card, Money::zero(), Money::zero(), ""}};
    const auto next = app::sellAtDesk(*store, clock, tomorrow);
    CHECK(app::boardByScan(*store, clock, next.sale.booking.ref.str(), std::nullopt, std::nullopt).message ==
          "Wrong day: " + next.sale.booking.ref.str() + " is for 2026-07-15 11:00 on Lauch, not today");

    const auto cancelled = sell(*store, clock, 1, "11:00");
    app::cancelBooking(*store, clock, {cancelled.sale.booking.ref, app::RefundChoice::Original, "customer ill", std::nullopt});
    const auto c = app::boardByScan(*store, clock, cancelled.sale.booking.ref.str(), std::nullopt, std::nullopt);
    CHECK(c.outcome == app::ScanOutcome::Cancelled);
    CHECK(c.message.rfind("Cancelled: " + cancelled.sale.booking.ref.str() +
                              " was cancelled on 2026-07-14 at 09:50 by narcisse-cli (customer ill",
                          0) == 0);
    CHECK(stateOf(*store, cancelled.sale.booking.ref) == BookingState::Cancelled);

    const auto phone = sell(*store, clock, 2, "10:30", "Hans Meier", false);
    const auto unpaid = app::boardByScan(*store, clock, phone.sale.booking.ref.str(), std::nullopt, std::nullopt);
    CHECK(unpaid.outcome == app::ScanOutcome::Unpaid);
    CHECK(unpaid.due == Money::cents(2400));
    CHECK(unpaid.message == "Unpaid: 24.00 € to collect for " + phone.sale.booking.ref.str());
    // Collected right there, it boards.
    app::collectPayment(*store, clock, phone.sale.booking.ref, {{PaymentMethod::Cash, Money::zero(), Money::zero(), ""}},
                        std::nullopt);
    CHECK(app::boardByScan(*store, clock, phone.sale.booking.ref.str(), std::nullopt, std::nullopt).outcome ==
          app::ScanOutcome::Boarded);

    const auto nobody = PublicRef::fromNumber(123456);
    CHECK(app::boardByScan(*store, clock, nobody.str(), std::nullopt, std::nullopt).message == "No booking " + nobody.str());
    const auto garbage = app::boardByScan(*store, clock, "hello", std::nullopt, std::nullopt);
    CHECK(garbage.outcome == app::ScanOutcome::Unknown);
    CHECK(garbage.message == "\"hello\" is not a booking reference");
}

TEMPLATE_TEST_CASE("a boatman may board but a booking refused by permission stays as it was", "[desk][boarding]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    Employee nathalie{Uuid::generate(), "nathalie", "Nathalie Roth", Role::Accountant, true, "", ""};
    store->write([&](StoreWriter& w) { w.saveEmployee(nathalie); });
    const FixedClock clock(at("2026-07-14T07:50:00Z"));
    const auto sold = sell(*store, clock, 1, "10:00");
    CHECK_THROWS_AS(app::boardByScan(*store, clock, sold.sale.booking.ref.str(), std::nullopt, nathalie.id), PermissionDenied);
    CHECK(stateOf(*store, sold.sale.booking.ref) == BookingState::Confirmed);
}

TEMPLATE_TEST_CASE("search finds bookings by reference, name, phone and e-mail as you type", "[desk][search]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    const auto dupont = sell(*store, clock, 2, "10:00", "Marie Dupont", true, "+33 6 12 34 56 78", "marie@example.fr");
    sell(*store, clock, 1, "11:00", "Jean Dupuis", true, "", "jd@example.com");
    sell(*store, clock, 1, "11:30", "Hans Meier");

    auto names = [&](const std::string& text) {
        std::vector<std::string> out;
        for (const auto& s : app::findBookings(*store, clock, text)) out.push_back(s.booking.customerName);
        return out;
    };
    CHECK(names("d").empty());   // fewer than two characters
    CHECK(names("dup") == std::vector<std::string>{"Marie Dupont", "Jean Dupuis"});   // nearest departure first
    CHECK(names("MARIE@") == std::vector<std::string>{"Marie Dupont"});
    CHECK(names("12 34") == std::vector<std::string>{"Marie Dupont"});
    CHECK(names(dupont.sale.booking.ref.str()) == std::vector<std::string>{"Marie Dupont"});
    const auto found = app::findBookings(*store, clock, dupont.sale.booking.ref.str());
    REQUIRE(found.size() == 1);
    CHECK(found[0].boatName == "Lauch");
    CHECK(found[0].departure == "2026-07-14 10:00");
    CHECK(found[0].due == Money::zero());
}

TEMPLATE_TEST_CASE("the booking card lists its history and only the actions its state allows", "[desk][card]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    FixedClock clock(at("2026-07-14T06:00:00Z"));
    const auto paid = sell(*store, clock, 2, "10:00", "Marie Dupont", true, "", "marie@example.fr");
    auto card = app::loadBookingCard(*store, clock, paid.sale.booking.ref);
    CHECK(actions(card) == std::vector<std::string>{"board", "cancel", "refund", "move", "resend confirmation", "reprint"});
    CHECK(card.receipts == std::vector<std::int64_t>{1});
    REQUIRE(card.history.size() == 1);
    CHECK(card.history[0].action == "booking.sell");
    CHECK(card.payments.size() == 1);

    const auto phone = sell(*store, clock, 1, "11:00", "", false);
    CHECK(actions(app::loadBookingCard(*store, clock, phone.sale.booking.ref)) ==
          std::vector<std::string>{"cancel", "move", "collect"});

    clock.set(at("2026-07-14T08:20:00Z"));   // 10:20: the 10:00 has left
    card = app::loadBookingCard(*store, clock, paid.sale.booking.ref);
    CHECK(actions(card) == std::vector<std::string>{"board", "no-show", "refund", "resend confirmation", "reprint"});
    app::markNoShow(*store, clock, paid.sale.booking.ref, std::nullopt);
    card = app::loadBookingCard(*store, clock, paid.sale.booking.ref);
    CHECK(card.summary.booking.state == BookingState::NoShow);
    CHECK(actions(card) == std::vector<std::string>{"refund", "reprint"});
    REQUIRE(card.history.size() == 2);
    CHECK(card.history[1].action == "booking.no_show");
    CHECK_THROWS_AS(app::loadBookingCard(*store, clock, PublicRef::fromNumber(99)), NotFound);
}

TEMPLATE_TEST_CASE("end of day: a preview first, then boarded → COMPLETED, paid → NO_SHOW, expired phone → EXPIRED",
                   "[desk][boarding]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    FixedClock clock(at("2026-07-14T06:00:00Z"));
    const auto boarded = sell(*store, clock, 2, "10:00", "Marie Dupont");
    const auto absent = sell(*store, clock, 1, "10:30", "Hans Meier");
    clock.set(at("2026-07-14T06:01:00Z"));   // after the first: one departure's bookings list by creation
    const auto phone = sell(*store, clock, 1, "10:00", "", false);
    const auto later = sell(*store, clock, 1, "12:00", "Zoë Weiß");
    clock.set(at("2026-07-14T07:55:00Z"));
    app::boardByScan(*store, clock, boarded.sale.booking.ref.str(), std::nullopt, std::nullopt);

    clock.set(at("2026-07-14T09:00:00Z"));   // 11:00 local: 10:00, 10:30 and 11:00 have left; 12:00 has not
    const auto preview = app::endOfDay(*store, clock, bastilleDay(), false, std::nullopt);
    CHECK(preview.completed == 1);
    CHECK(preview.noShows == 1);
    CHECK(preview.expired == 1);
    CHECK(preview.departures == 2);
    REQUIRE(preview.lines.size() == 3);
    CHECK(preview.lines[0] == boarded.sale.booking.ref.str() + " 2A Marie Dupont 10:00 Lauch → COMPLETED");
    CHECK(stateOf(*store, absent.sale.booking.ref) == BookingState::Confirmed);   // the preview changed nothing

    const auto applied = app::endOfDay(*store, clock, bastilleDay(), true, std::nullopt);
    CHECK(applied.lines == preview.lines);
    CHECK(stateOf(*store, boarded.sale.booking.ref) == BookingState::Completed);
    CHECK(stateOf(*store, absent.sale.booking.ref) == BookingState::NoShow);
    CHECK(stateOf(*store, phone.sale.booking.ref) == BookingState::Expired);
    CHECK(stateOf(*store, later.sale.booking.ref) == BookingState::Confirmed);
    // Nothing left to do the second time.
    CHECK(app::endOfDay(*store, clock, bastilleDay(), true, std::nullopt).lines.empty());
}

TEMPLATE_TEST_CASE("resending a confirmation queues it in the customer's language; without an e-mail it is refused",
                   "[desk][card]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    const FixedClock clock(at("2026-07-14T06:00:00Z"));
    app::DeskSaleRequest r;
    r.sale.date = bastilleDay();
    r.sale.time = parseWallTime("10:30", "time");
    r.sale.party = {2, 1, 0};
    r.sale.customer = Customer{Uuid::generate(), "Hans Meier", "hans@example.de", "", "de"};
    r.sale.channel = Channel::Phone;
    const auto held = app::sellAtDesk(*store, clock, r);

    const auto n = app::resendConfirmation(*store, clock, held.sale.booking.ref, std::nullopt);
    CHECK(n.recipient == "hans@example.de");
    CHECK(n.language == "de");
    CHECK(n.kind == "booking.confirmation");
    CHECK(n.subject == "Ihre Bootsfahrt am Dienstag, 14. Juli 2026 (Buchung " + held.sale.booking.ref.str() + ")");
    CHECK(n.body.find("um 10:30 Uhr an Bord des Bootes „Lauch“: 2 Erwachsene, 1 Kind(er).") != std::string::npos);
    CHECK(n.body.find("Bitte zahlen Sie die restlichen 31,00\u00A0€ vor der Abfahrt am Schalter.") != std::string::npos);
    std::vector<Notification> queued;
    store->read([&](StoreReader& rd) { queued = rd.notificationsToSend(); });
    REQUIRE(queued.size() == 1);
    CHECK(queued[0].body == n.body);

    const auto anonymous = sell(*store, clock, 1, "11:00");
    CHECK_THROWS_AS(app::resendConfirmation(*store, clock, anonymous.sale.booking.ref, std::nullopt), ConflictError);
}
