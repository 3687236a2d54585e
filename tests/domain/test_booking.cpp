// Bookings: the party, the states of DESIGN.md §4 and which of them hold seats.
#include "domain/booking.h"
#include "domain/errors.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

#include <set>
#include <utility>

using namespace narcisse::domain;
using namespace narcisse::domain::test;
using S = BookingState;

namespace {
const std::vector<S> kAllStates = {S::Pending,   S::Confirmed, S::Cancelled, S::Expired,
                                   S::Embarqued, S::Completed, S::NoShow};

// The transitions DESIGN.md §4 allows; every other pair is refused.
const std::set<std::pair<S, S>> kAllowed = {
    {S::Pending, S::Confirmed},   {S::Pending, S::Cancelled},   {S::Pending, S::Expired},
    {S::Confirmed, S::Embarqued}, {S::Confirmed, S::Cancelled}, {S::Confirmed, S::NoShow},
    {S::Embarqued, S::Completed},
};

// A 10:00 (local) ride on 14 July, booked on the web on 10 July with 30 minutes to pay.
Booking booking(S state) {
    Booking b;
    b.id = Uuid::generate();
    b.ref = PublicRef::fromNumber(1);
    b.boatId = Uuid::generate();
    b.departureStart = utc("2026-07-14T08:00:00Z");
    b.departureEnd = utc("2026-07-14T08:45:00Z");
    b.party = {2, 1, 0};
    b.channel = Channel::Web;
    b.state = state;
    b.createdAt = utc("2026-07-10T10:00:00Z");
    if (state == S::Pending) b.expiresAt = utc("2026-07-10T10:30:00Z");
    b.total = Money::cents(3100);
    return b;
}
}  // namespace

TEST_CASE("Booking states and channels keep the seed platform's stored values", "[domain][booking]") {
    const std::vector<std::string> stored = {"PENDING",   "CONFIRMED", "CANCELLED", "EXPIRED",
                                             "EMBARQUED", "COMPLETED", "NO_SHOW"};
    for (std::size_t i = 0; i < kAllStates.size(); ++i) {
        CHECK(toString(kAllStates[i]) == stored[i]);
        CHECK(parseBookingState(stored[i]) == kAllStates[i]);
    }
    CHECK_FALSE(parseBookingState("BOARDED"));
    CHECK_FALSE(parseBookingState(""));
    CHECK(toString(Channel::Web) == "WEB");
    CHECK(toString(Channel::Desk) == "DESK");
    CHECK(toString(Channel::Phone) == "PHONE");
    for (auto c : {Channel::Web, Channel::Desk, Channel::Phone}) CHECK(parseChannel(toString(c)) == c);
    CHECK_FALSE(parseChannel("EMAIL"));
}

TEST_CASE("Every allowed transition succeeds and every other one is refused", "[domain][booking]") {
    // After the payment delay and after the departure, so the time-bound transitions are allowed.
    const Instant later = utc("2026-07-14T09:00:00Z");
    int allowed = 0;
    int refused = 0;
    for (S from : kAllStates) {
        for (S to : kAllStates) {
            INFO(toString(from) << " -> " << toString(to));
            Booking b = booking(from);
            if (kAllowed.count({from, to})) {
                CHECK_FALSE(transitionRefusal(b, to, later));
                CHECK_NOTHROW(transition(b, to, later));
                CHECK(b.state == to);
                ++allowed;
            } else {
                const auto why = transitionRefusal(b, to, later);
                REQUIRE(why);
                const std::string article = from == S::Expired || from == S::Embarqued ? "an " : "a ";
                const std::string prefix = article + std::string(toString(from)) + " booking cannot become " +
                                           std::string(toString(to)) + ": ";
                CHECK(why->rfind(prefix, 0) == 0);
                CHECK(why->size() > prefix.size());
                CHECK(errorMessage<ConflictError>([&] { transition(b, to, later); }) == *why);
                CHECK(b.state == from);  // a refusal changes nothing
                ++refused;
            }
        }
    }
    CHECK(allowed == 7);
    CHECK(refused == 42);
}

TEST_CASE("A pending booking expires only once its payment delay has run out", "[domain][booking]") {
    Booking b = booking(S::Pending);  // expires at 10:30Z on 10 July
    CHECK(*transitionRefusal(b, S::Expired, utc("2026-07-10T10:29:59Z")) ==
          "a PENDING booking cannot become EXPIRED: its payment delay has not run out yet");
    CHECK_THROWS_AS(transition(b, S::Expired, utc("2026-07-10T10:29:59Z")), ConflictError);
    CHECK(b.state == S::Pending);
    CHECK_NOTHROW(transition(b, S::Expired, utc("2026-07-10T10:30:00Z")));
    CHECK(b.state == S::Expired);
    CHECK_FALSE(b.expiresAt);

    Booking noDelay = booking(S::Pending);
    noDelay.expiresAt.reset();  // a desk booking held without a delay never expires by itself
    CHECK(transitionRefusal(noDelay, S::Expired, utc("2027-01-01T00:00:00Z")));
}

TEST_CASE("A confirmed booking is a no-show only once its departure has left", "[domain][booking]") {
    Booking b = booking(S::Confirmed);  // departs at 08:00Z
    CHECK(*transitionRefusal(b, S::NoShow, utc("2026-07-14T07:59:59Z")) ==
          "a CONFIRMED booking cannot become NO_SHOW: its departure has not left yet");
    CHECK_THROWS_AS(transition(b, S::NoShow, utc("2026-07-14T07:59:59Z")), ConflictError);
    CHECK(b.state == S::Confirmed);
    CHECK_NOTHROW(transition(b, S::NoShow, utc("2026-07-14T08:00:00Z")));
    CHECK(b.state == S::NoShow);
}

TEST_CASE("Paying a pending booking stops its expiry", "[domain][booking]") {
    Booking b = booking(S::Pending);
    transition(b, S::Confirmed, utc("2026-07-10T10:10:00Z"));
    CHECK(b.state == S::Confirmed);
    CHECK_FALSE(b.expiresAt);
    CHECK(b.holdsSeats(utc("2026-07-10T11:00:00Z")));  // well after the old delay
}

TEST_CASE("Refusal reasons a user reads", "[domain][booking]") {
    const Instant now = utc("2026-07-14T09:00:00Z");
    CHECK(*transitionRefusal(booking(S::Pending), S::Embarqued, now) ==
          "a PENDING booking cannot become EMBARQUED: it must be paid (CONFIRMED) first");
    CHECK(*transitionRefusal(booking(S::Confirmed), S::Confirmed, now) ==
          "a CONFIRMED booking cannot become CONFIRMED: it is already in that state");
    CHECK(*transitionRefusal(booking(S::Embarqued), S::Cancelled, now) ==
          "an EMBARQUED booking cannot become CANCELLED: the passengers have already boarded");
    CHECK(*transitionRefusal(booking(S::Cancelled), S::Confirmed, now) ==
          "a CANCELLED booking cannot become CONFIRMED: it was cancelled");
    CHECK(*transitionRefusal(booking(S::Expired), S::Confirmed, now) ==
          "an EXPIRED booking cannot become CONFIRMED: it expired before being paid");
}

TEST_CASE("Which bookings hold seats", "[domain][booking]") {
    const Instant beforeExpiry = utc("2026-07-10T10:29:59Z");
    const Instant atExpiry = utc("2026-07-10T10:30:00Z");
    CHECK(booking(S::Pending).holdsSeats(beforeExpiry));
    CHECK_FALSE(booking(S::Pending).holdsSeats(atExpiry));  // expired, even if not yet marked EXPIRED
    Booking open = booking(S::Pending);
    open.expiresAt.reset();
    CHECK(open.holdsSeats(atExpiry));
    CHECK(booking(S::Confirmed).holdsSeats(atExpiry));
    CHECK(booking(S::Embarqued).holdsSeats(atExpiry));
    CHECK_FALSE(booking(S::Cancelled).holdsSeats(beforeExpiry));
    CHECK_FALSE(booking(S::Expired).holdsSeats(beforeExpiry));
    // The departure left with these seats sold: a past planning shows them taken.
    CHECK(booking(S::Completed).holdsSeats(beforeExpiry));
    CHECK(booking(S::NoShow).holdsSeats(beforeExpiry));
}

TEST_CASE("Party summary, people and seats", "[domain][booking]") {
    CHECK(Party{3, 1, 1}.summary() == "3A 1C 1B");
    CHECK(Party{2, 0, 0}.summary() == "2A");
    CHECK(Party{0, 2, 0}.summary() == "2C");
    CHECK(Party{1, 0, 2}.summary() == "1A 2B");
    CHECK(Party{12, 10, 0}.summary() == "12A 10C");
    CHECK(Party{3, 1, 1}.people() == 5);
    CHECK(Party{3, 1, 1}.seats(true) == 5);
    CHECK(Party{3, 1, 1}.seats(false) == 4);
    CHECK(Party{2, 0, 0}.seats(false) == 2);
}

TEST_CASE("Party validation names the field", "[domain][booking]") {
    CHECK_NOTHROW(Party{1, 0, 0}.validate());
    CHECK_NOTHROW(Party{0, 1, 0}.validate());
    CHECK_NOTHROW(Party{50, 50, 50}.validate());
    CHECK(refusedField([] { Party{-1, 2, 0}.validate(); }) == "adults");
    CHECK(refusedField([] { Party{51, 0, 0}.validate(); }) == "adults");
    CHECK(refusedField([] { Party{1, -1, 0}.validate(); }) == "children");
    CHECK(refusedField([] { Party{1, 51, 0}.validate(); }) == "children");
    CHECK(refusedField([] { Party{1, 0, -1}.validate(); }) == "babies");
    CHECK(refusedField([] { Party{1, 0, 51}.validate(); }) == "babies");
    CHECK(refusedField([] { Party{0, 0, 0}.validate(); }) == "adults");
    CHECK(errorMessage<ValidationError>([] { Party{0, 0, 2}.validate(); }) ==
          "adults: a party needs at least one adult or child");
}
