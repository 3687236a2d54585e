#include "domain/booking.h"

#include "domain/errors.h"

namespace narcisse::domain {

std::string_view toString(BookingState s) {
    switch (s) {
        case BookingState::Pending: return "PENDING";
        case BookingState::Confirmed: return "CONFIRMED";
        case BookingState::Cancelled: return "CANCELLED";
        case BookingState::Expired: return "EXPIRED";
        case BookingState::Embarqued: return "EMBARQUED";
        case BookingState::Completed: return "COMPLETED";
        case BookingState::NoShow: return "NO_SHOW";
    }
    return "PENDING";
}

std::optional<BookingState> parseBookingState(std::string_view s) {
    for (auto st : {BookingState::Pending, BookingState::Confirmed, BookingState::Cancelled, BookingState::Expired,
                    BookingState::Embarqued, BookingState::Completed, BookingState::NoShow})
        if (toString(st) == s) return st;
    return std::nullopt;
}

std::string_view toString(Channel c) {
    switch (c) {
        case Channel::Web: return "WEB";
        case Channel::Desk: return "DESK";
        case Channel::Phone: return "PHONE";
    }
    return "DESK";
}

std::optional<Channel> parseChannel(std::string_view s) {
    for (auto c : {Channel::Web, Channel::Desk, Channel::Phone})
        if (toString(c) == s) return c;
    return std::nullopt;
}

std::string Party::summary() const {
    std::string out;
    auto add = [&](int n, char letter) {
        if (n == 0) return;
        if (!out.empty()) out += ' ';
        out += std::to_string(n);
        out += letter;
    };
    add(adults, 'A');
    add(children, 'C');
    add(babies, 'B');
    return out;
}

void Party::validate() const {
    if (adults < 0 || adults > 50) throw ValidationError("adults", "must be between 0 and 50");
    if (children < 0 || children > 50) throw ValidationError("children", "must be between 0 and 50");
    if (babies < 0 || babies > 50) throw ValidationError("babies", "must be between 0 and 50");
    if (adults + children == 0) throw ValidationError("adults", "a party needs at least one adult or child");
}

bool Booking::holdsSeats(Instant now) const {
    switch (state) {
        case BookingState::Pending: return !expiresAt || now < *expiresAt;
        case BookingState::Confirmed:
        case BookingState::Embarqued:
        case BookingState::Completed:
        case BookingState::NoShow: return true;
        case BookingState::Cancelled:
        case BookingState::Expired: return false;
    }
    return false;
}

std::optional<std::string> transitionRefusal(const Booking& b, BookingState to, Instant now) {
    using S = BookingState;
    const S from = b.state;
    // The reason is shown to the user as a sentence: "an EXPIRED booking", "a PENDING booking".
    const std::string_view article = from == S::Expired || from == S::Embarqued ? "an " : "a ";
    auto refuse = [&](const std::string& why) {
        return std::optional<std::string>(std::string(article) + std::string(toString(from)) +
                                          " booking cannot become " + std::string(toString(to)) + ": " + why);
    };
    if (from == to) return refuse("it is already in that state");
    switch (from) {
        case S::Pending:
            if (to == S::Confirmed || to == S::Cancelled) return std::nullopt;
            if (to == S::Expired) {
                if (b.expiresAt && now >= *b.expiresAt) return std::nullopt;
                return refuse("its payment delay has not run out yet");
            }
            return refuse("it must be paid (CONFIRMED) first");
        case S::Confirmed:
            if (to == S::Embarqued || to == S::Cancelled) return std::nullopt;
            if (to == S::NoShow) {
                if (now >= b.departureStart) return std::nullopt;
                return refuse("its departure has not left yet");
            }
            return refuse("a paid booking can only be boarded, cancelled or marked no-show");
        case S::Embarqued:
            if (to == S::Completed) return std::nullopt;
            return refuse("the passengers have already boarded");
        case S::Cancelled: return refuse("it was cancelled");
        case S::Expired: return refuse("it expired before being paid");
        case S::Completed: return refuse("the ride is over");
        case S::NoShow: return refuse("the departure left without these passengers");
    }
    return refuse("unknown state");
}

void transition(Booking& b, BookingState to, Instant now) {
    if (auto why = transitionRefusal(b, to, now)) throw ConflictError(*why);
    b.state = to;
    if (to != BookingState::Pending) b.expiresAt.reset();
}

}  // namespace narcisse::domain
