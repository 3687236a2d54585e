// Moving bookings on both engines: one transaction and one audit entry per move; a refused move
// changes nothing; undo and redo re-check the seats; and on PostgreSQL, moves racing sales into the
// last seats never overbook a boat.
#include "app/moves.h"
#include "app/planning.h"
#include "app/planning_history.h"
#include "app/sales.h"
#include "app/store_factory.h"
#include "domain/errors.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>

#include <latch>
#include <map>
#include <thread>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

// 08:00 in Colmar: every departure of the world (10:00 … 12:00 every 30 minutes) is ahead.
const Instant kMorning = at("2026-07-14T06:00:00Z");

Booking sell(Store& store, const Clock& clock, int adults, const char* time, const char* boat = nullptr) {
    app::SaleRequest r;
    r.date = bastilleDay();
    r.time = parseWallTime(time, "time");
    r.party = {adults, 0, 0};
    r.payment = PaymentMethod::Card;
    if (boat) r.boatName = boat;
    return app::sellRide(store, clock, r).booking;
}

app::MoveRequest moveTo(const Booking& b, const char* time, const char* boat = nullptr) {
    app::MoveRequest r;
    r.bookingId = b.id;
    r.date = bastilleDay();
    r.time = parseWallTime(time, "time");
    if (boat) r.boatName = boat;
    return r;
}

template <typename F>
std::string refusal(F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(accepted)";
}

// Which kind of refusal: a lack of seats is told apart from every other conflict.
template <typename F>
std::string kind(F&& f) {
    try {
        f();
    } catch (const CapacityError&) {
        return "capacity";
    } catch (const ConflictError&) {
        return "conflict";
    }
    return "accepted";
}

Booking reread(Store& store, const Booking& b) {
    std::optional<Booking> found;
    store.read([&](StoreReader& r) { found = r.bookingById(b.id); });
    REQUIRE(found);
    return *found;
}

std::vector<AuditEntry> moves(Store& store) {
    std::vector<AuditEntry> all, out;
    store.read([&](StoreReader& r) { all = r.latestAudit(1000); });
    for (const auto& e : all)
        if (e.action == "booking.move") out.push_back(e);
    return out;
}

}  // namespace

TEMPLATE_TEST_CASE("a move lands in one transaction with one audit entry saying who, from and to", "[moves]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const FixedClock clock(kMorning);
    const Employee claire{Uuid::generate(), "claire", "Claire Martin", Role::Manager, true, "", ""};
    store->write([&](StoreWriter& tx) { tx.saveEmployee(claire); });

    const Booking b = sell(*store, clock, 2, "10:00");
    REQUIRE(b.boatId == w.lauch.id);   // 10 seats fit 2 more tightly than 12

    auto request = moveTo(b, "11:00", "Ill");
    request.employeeId = claire.id;
    const auto moved = app::moveBooking(*store, clock, request);
    CHECK(moved.fromBoat == "Lauch");
    CHECK(moved.toBoat == "Ill");
    CHECK(moved.fromText == "Lauch 2026-07-14 10:00");
    CHECK(moved.toText == "Ill 2026-07-14 11:00");
    CHECK(moved.before.boatId == w.lauch.id);
    CHECK(moved.after.boatId == w.ill.id);
    CHECK(moved.after.departureStart == at("2026-07-14T09:00:00Z"));
    CHECK(moved.after.departureEnd == at("2026-07-14T09:45:00Z"));

    const Booking stored = reread(*store, b);
    CHECK(stored.boatId == w.ill.id);
    CHECK(stored.departureStart == at("2026-07-14T09:00:00Z"));
    CHECK(stored.departureEnd == at("2026-07-14T09:45:00Z"));
    CHECK(stored.state == BookingState::Confirmed);   // state, party and money stay
    CHECK(stored.party == b.party);
    CHECK(stored.total == b.total);

    auto audit = moves(*store);
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].details == b.ref.str() + " 2A from Lauch 2026-07-14 10:00 to Ill 2026-07-14 11:00 by Claire Martin");
    CHECK(audit[0].employeeId == claire.id);
    CHECK(audit[0].at == kMorning);
    CHECK(audit[0].entity == "booking");
    CHECK(audit[0].entityId == b.id.str());

    SECTION("by reference, to the best-fitting boat") {
        app::MoveRequest byRef;
        byRef.ref = b.ref;
        byRef.date = bastilleDay();
        byRef.time = Minutes{10 * 60 + 30};
        const auto again = app::moveBooking(*store, clock, byRef);
        CHECK(again.toText == "Lauch 2026-07-14 10:30");
        audit = moves(*store);
        REQUIRE(audit.size() == 2);
        CHECK(audit[0].details == b.ref.str() + " 2A from Ill 2026-07-14 11:00 to Lauch 2026-07-14 10:30");
        CHECK_FALSE(audit[0].employeeId);
    }
    SECTION("within one departure, to the other boat: its own seats do not count against it") {
        sell(*store, clock, 10, "11:00", "Lauch");   // Ill holds 2 (ours), Lauch is full
        CHECK(refusal([&] { app::moveBooking(*store, clock, moveTo(b, "11:00", "Lauch")); }) ==
              "Lauch has 0 free seats, the party needs 2");
        CHECK(refusal([&] { app::moveBooking(*store, clock, moveTo(b, "11:00")); }) ==
              "no boat has room for " + b.ref.str() + " at 2026-07-14 11:00: the party needs 2, the emptiest boat has 0 free");
        sell(*store, clock, 10, "11:30", "Ill");
        app::moveBooking(*store, clock, moveTo(b, "11:30"));   // Ill has 2 left, Lauch 10: Ill fits best
        CHECK(reread(*store, b).boatId == w.ill.id);
        // Now on Ill at 11:30 with 12/12 held: moving to Lauch of the same departure frees Ill.
        app::moveBooking(*store, clock, moveTo(b, "11:30"));
        CHECK(reread(*store, b).boatId == w.lauch.id);
    }
}

TEMPLATE_TEST_CASE("a refused move says why and changes nothing", "[moves]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    FixedClock clock(kMorning);
    const Booking b = sell(*store, clock, 2, "10:00");
    sell(*store, clock, 9, "11:00", "Lauch");
    sell(*store, clock, 12, "11:00", "Ill");
    const std::string ref = b.ref.str();

    auto unchanged = [&] {
        const Booking now = reread(*store, b);
        CHECK(now.boatId == b.boatId);
        CHECK(now.departureStart == b.departureStart);
        CHECK(moves(*store).empty());
    };

    SECTION("not enough seats: a CapacityError") {
        CHECK(kind([&] { app::moveBooking(*store, clock, moveTo(b, "11:00", "Lauch")); }) == "capacity");
        CHECK(refusal([&] { app::moveBooking(*store, clock, moveTo(b, "11:00", "Lauch")); }) ==
              "Lauch has 1 free seat, the party needs 2");
        CHECK(kind([&] { app::moveBooking(*store, clock, moveTo(b, "11:00")); }) == "capacity");
    }
    SECTION("no such departure, no such boat") {
        CHECK(refusal([&] { app::moveBooking(*store, clock, moveTo(b, "10:10")); }) ==
              "there is no departure at 2026-07-14 10:10");
        CHECK(refusal([&] { app::moveBooking(*store, clock, moveTo(b, "10:30", "Rhin")); }) ==
              "there is no boat named \"Rhin\"");
    }
    SECTION("a closed boat, a closed departure") {
        const BusinessZone zone;
        store->write([&](StoreWriter& tx) {
            tx.insertBlock(Block::timeRange(bastilleDay(), Minutes{11 * 60 + 30}, Minutes{11 * 60 + 45}, zone,
                                            "Écluse en travaux", w.lauch.id));
            tx.insertBlock(Block::timeRange(bastilleDay(), Minutes{12 * 60}, Minutes{12 * 60 + 15}, zone, "Orage"));
        });
        CHECK(refusal([&] { app::moveBooking(*store, clock, moveTo(b, "11:30", "Lauch")); }) ==
              "Lauch is closed then: Écluse en travaux");
        CHECK(kind([&] { app::moveBooking(*store, clock, moveTo(b, "11:30", "Lauch")); }) == "conflict");
        CHECK(refusal([&] { app::moveBooking(*store, clock, moveTo(b, "12:00")); }) ==
              "the departure at 2026-07-14 12:00 is closed: Orage");
        CHECK(refusal([&] { app::moveBooking(*store, clock, moveTo(b, "12:00", "Ill")); }) == "Ill is closed then: Orage");
    }
    SECTION("a past target, a booking whose departure has left") {
        clock.set(at("2026-07-14T08:40:00Z"));   // 10:40: the 10:00 has left, 10:30 too
        CHECK(refusal([&] { app::moveBooking(*store, clock, moveTo(b, "12:00")); }) == ref + "'s departure has already left");
        clock.set(at("2026-07-14T07:50:00Z"));   // 09:50
        const Booking later = sell(*store, clock, 2, "12:00");
        clock.set(at("2026-07-14T08:40:00Z"));
        CHECK(refusal([&] { app::moveBooking(*store, clock, moveTo(later, "10:30")); }) ==
              "the target departure has already left");
        CHECK(reread(*store, later).departureStart == at("2026-07-14T10:00:00Z"));
    }
    SECTION("a cancelled booking, an unknown reference") {
        store->write([&](StoreWriter& tx) { tx.updateBookingState(b.id, BookingState::Cancelled); });
        CHECK(refusal([&] { app::moveBooking(*store, clock, moveTo(b, "10:30")); }) ==
              ref + " is CANCELLED: only pending or confirmed bookings move");
        app::MoveRequest unknown = moveTo(b, "10:30");
        unknown.bookingId.reset();
        unknown.ref = PublicRef::fromNumber(77);
        CHECK_THROWS_AS(app::moveBooking(*store, clock, unknown), NotFound);
    }
    SECTION("an employee whose role may not move bookings") {
        const Employee paul{Uuid::generate(), "paul", "Paul Compta", Role::Accountant, true, "", ""};
        store->write([&](StoreWriter& tx) { tx.saveEmployee(paul); });
        auto request = moveTo(b, "10:30");
        request.employeeId = paul.id;
        CHECK_THROWS_AS(app::moveBooking(*store, clock, request), PermissionDenied);
    }
    unchanged();
}

TEMPLATE_TEST_CASE("undo puts a booking back only if its seats are still free; redo goes again", "[moves]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const FixedClock clock(kMorning);
    const Booking b = sell(*store, clock, 2, "10:00");   // on Lauch
    app::PlanningHistory history;
    CHECK_FALSE(history.State().canUndo);

    const auto done = history.Do(std::make_unique<app::MoveCommand>(moveTo(b, "11:00", "Ill")), *store, clock);
    CHECK(done.message == "Moved " + b.ref.str() + " 2A from Lauch 2026-07-14 10:00 to Ill 2026-07-14 11:00");
    CHECK(done.bookingId == b.id);
    CHECK(history.State().canUndo);
    CHECK(history.State().undoLabel == "move " + b.ref.str());

    // Meanwhile the desk sells Lauch's 10:00 to the last seat: the undo is refused, nothing moves.
    const Booking filler = sell(*store, clock, 10, "10:00", "Lauch");
    CHECK(refusal([&] { history.Undo(*store, clock); }) == "Lauch has 0 free seats, the party needs 2");
    CHECK_THROWS_AS(history.Undo(*store, clock), CapacityError);
    CHECK(reread(*store, b).boatId == w.ill.id);
    CHECK(history.State().canUndo);
    CHECK_FALSE(history.State().canRedo);
    CHECK(moves(*store).size() == 1);

    // The filler cancels: the undo now passes, back to the very boat and departure.
    store->write([&](StoreWriter& tx) { tx.updateBookingState(filler.id, BookingState::Cancelled); });
    const auto undone = history.Undo(*store, clock);
    CHECK(undone.message == "Moved " + b.ref.str() + " 2A from Ill 2026-07-14 11:00 to Lauch 2026-07-14 10:00");
    Booking now = reread(*store, b);
    CHECK(now.boatId == w.lauch.id);
    CHECK(now.departureStart == at("2026-07-14T08:00:00Z"));
    CHECK_FALSE(history.State().canUndo);
    CHECK(history.State().canRedo);
    CHECK(refusal([&] { history.Undo(*store, clock); }) == "there is nothing to undo");

    const auto redone = history.Redo(*store, clock);
    CHECK(redone.message == done.message);
    now = reread(*store, b);
    CHECK(now.boatId == w.ill.id);
    CHECK(now.departureStart == at("2026-07-14T09:00:00Z"));
    CHECK(history.State().canUndo);
    CHECK_FALSE(history.State().canRedo);

    const auto audit = moves(*store);
    REQUIRE(audit.size() == 3);   // do, undo, redo: each its own transaction and entry
    CHECK(audit[1].details == b.ref.str() + " 2A from Ill 2026-07-14 11:00 to Lauch 2026-07-14 10:00");

    // A refused command never joins the history.
    sell(*store, clock, 12, "12:00", "Ill");
    sell(*store, clock, 10, "12:00", "Lauch");
    CHECK_THROWS_AS(history.Do(std::make_unique<app::MoveCommand>(moveTo(b, "12:00")), *store, clock), CapacityError);
    history.Undo(*store, clock);
    CHECK_FALSE(history.State().canUndo);
}

TEST_CASE("moves racing sales into the last seats never overbook a boat", "[pg][moves]") {
    PgEngine engine;
    FixedClock clock(kMorning);
    World w;
    std::vector<Booking> atTen, atEleven;
    {
        auto store = engine.open();
        w = seedWorld(*store);
        // 16 of 22 seats held at 10:00, 12 of 22 at 11:00, in parties of 2.
        for (int i = 0; i < 8; ++i) atTen.push_back(sell(*store, clock, 2, "10:00"));
        for (int i = 0; i < 6; ++i) atEleven.push_back(sell(*store, clock, 2, "11:00"));
    }
    constexpr int kMovers = 4, kSellers = 4, kSalesPerSeller = 8;
    struct Attempt {
        bool move = false;
        Uuid booking;
        Instant target;
        bool committed = false;
        int seats = 0;
        std::string refusal;   // what() of a ConflictError (CapacityError included)
        std::string error;     // anything else: a failure of the test
    };
    std::vector<std::vector<Attempt>> attempts(kMovers + kSellers);
    std::latch ready(kMovers + kSellers);
    {
        std::vector<std::jthread> threads;
        for (int t = 0; t < kMovers + kSellers; ++t) {
            threads.emplace_back([&, t] {
                auto& mine = attempts[static_cast<std::size_t>(t)];
                std::unique_ptr<Store> store;
                try {
                    store = app::openStore(engine.location());
                } catch (const std::exception& e) {
                    mine.push_back({false, {}, {}, false, 0, {}, std::string("open: ") + e.what()});
                }
                ready.arrive_and_wait();
                if (!store) return;
                auto attempt = [&](Attempt a, auto&& work) {
                    try {
                        work();
                        a.committed = true;
                    } catch (const ConflictError& e) {
                        a.refusal = e.what();
                    } catch (const std::exception& e) {
                        a.error = e.what();
                    }
                    mine.push_back(std::move(a));
                };
                if (t < kMovers) {
                    // Movers 0 and 1 take the 10:00 parties to 11:00, movers 2 and 3 the other way:
                    // crossing moves lock both departures, in the same order.
                    const bool forward = t < 2;
                    const auto& from = forward ? atTen : atEleven;
                    for (std::size_t i = static_cast<std::size_t>(t % 2); i < from.size(); i += 2) {
                        Attempt a{true, from[i].id, forward ? at("2026-07-14T09:00:00Z") : at("2026-07-14T08:00:00Z"),
                                  false, 2, {}, {}};
                        attempt(a, [&] { app::moveBooking(*store, clock, moveTo(from[i], forward ? "11:00" : "10:00")); });
                    }
                } else {
                    for (int i = 0; i < kSalesPerSeller; ++i) {
                        const int seats = 1 + (t + i) % 3;
                        const char* time = (t + i) % 2 ? "10:00" : "11:00";
                        Attempt a{false, {}, {}, false, seats, {}, {}};
                        attempt(a, [&] {
                            app::SaleRequest r;
                            r.date = bastilleDay();
                            r.time = parseWallTime(time, "time");
                            r.party = {seats, 0, 0};
                            r.payment = PaymentMethod::Cash;
                            app::sellRide(*store, clock, r);
                        });
                    }
                }
            });
        }
    }

    int committedMoves = 0, refusedMoves = 0, sold = 0, refusedSales = 0;
    std::vector<std::string> errors;
    std::map<Uuid, const Attempt*> moveOf;
    for (const auto& thread : attempts)
        for (const auto& a : thread) {
            if (!a.error.empty()) errors.push_back(a.error);
            if (!a.committed && a.error.empty()) CHECK_FALSE(a.refusal.empty());   // a refusal always says why
            if (a.move) {
                moveOf[a.booking] = &a;
                (a.committed ? committedMoves : refusedMoves)++;
            } else {
                (a.committed ? sold : refusedSales)++;
            }
        }
    CAPTURE(errors);
    CHECK(errors.empty());
    CHECK(committedMoves + refusedMoves == 14);
    CHECK(sold + refusedSales == kSellers * kSalesPerSeller);
    CHECK(refusedSales + refusedMoves > 0);   // the demand really exceeded the seats

    auto store = engine.open();
    const auto day = app::loadDayPlanning(*store, bastilleDay(), clock.now());
    for (std::size_t d = 0; d < 2; ++d) {
        const auto& departure = day.departures[d];
        for (const auto& load : departure.boats) {
            INFO(hhmm(departure.departure.localStart) << " " << load.boat.name);
            CHECK(load.held <= load.boat.capacity);
        }
    }
    // Each party is where its own attempt left it: moved when committed, in place when refused.
    for (const auto& b : day.bookings) {
        const auto it = moveOf.find(b.id);
        if (it == moveOf.end()) continue;
        const Attempt& a = *it->second;
        CHECK((b.departureStart == a.target) == a.committed);
    }
    CHECK(day.bookings.size() == 14 + static_cast<std::size_t>(sold));
    CHECK(moves(*store).size() == static_cast<std::size_t>(committedMoves));
}
