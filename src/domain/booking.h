// Bookings: a party on a boat for one departure, and the states it goes through (DESIGN.md §4).
#pragma once

#include "domain/money.h"
#include "domain/public_ref.h"
#include "domain/time.h"
#include "domain/uuid.h"

#include <optional>
#include <string>
#include <string_view>

namespace narcisse::domain {

enum class BookingState { Pending, Confirmed, Cancelled, Expired, Embarqued, Completed, NoShow };
std::string_view toString(BookingState s);               // the stored values: PENDING, …, NO_SHOW
std::optional<BookingState> parseBookingState(std::string_view s);

enum class Channel { Web, Desk, Phone };
std::string_view toString(Channel c);                    // WEB, DESK, PHONE
std::optional<Channel> parseChannel(std::string_view s);

struct Party {
    int adults = 0;
    int children = 0;
    int babies = 0;

    int people() const { return adults + children + babies; }
    int seats(bool babiesTakeSeat) const { return adults + children + (babiesTakeSeat ? babies : 0); }
    std::string summary() const;      // "3A 1C 1B" (zero counts left out)
    void validate() const;            // counts 0–50, at least one adult or child
    bool operator==(const Party&) const = default;
};

struct Booking {
    Uuid id;
    PublicRef ref = PublicRef::fromNumber(0);
    Uuid boatId;
    Instant departureStart;
    Instant departureEnd;
    Party party;
    std::string language = "fr";
    Channel channel = Channel::Desk;
    BookingState state = BookingState::Pending;
    std::optional<Instant> expiresAt;   // PENDING only: seats are released after it
    Money total;
    std::optional<Uuid> customerId;
    std::string customerName;           // read with the booking, stored on the customer
    std::string notes;
    Instant createdAt;

    // PENDING (not expired), CONFIRMED and EMBARQUED bookings hold their seats. So do COMPLETED and
    // NO_SHOW ones: their departure has left with those seats sold, and a past departure's planning
    // must show them taken, not free.
    bool holdsSeats(Instant now) const;
};

// Why `from` may not become `to` at `now` for this booking, or nothing when it may.
std::optional<std::string> transitionRefusal(const Booking& b, BookingState to, Instant now);
// Applies the transition or throws ConflictError naming the state and the reason.
void transition(Booking& b, BookingState to, Instant now);

}  // namespace narcisse::domain
