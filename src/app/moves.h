// Moving a booking to another boat and/or departure: one transaction that locks both departures,
// re-reads the seats, applies domain::moveRefusal and records the move and its audit entry — or
// changes nothing. The window, the CLI and the undo history all go through it.
#pragma once

#include "domain/store.h"

#include <optional>
#include <string>

namespace narcisse::app {

struct MoveRequest {
    // Which booking: by id (the planning knows it) or by its public reference (the CLI).
    std::optional<domain::Uuid> bookingId;
    std::optional<domain::PublicRef> ref;
    domain::LocalDate date;                   // local date of the target departure
    domain::Minutes time{0};                  // local wall time of the target departure
    // The target boat, by name (people) or id (undo, which must not depend on a renamed boat).
    // Neither: the boat that fits the party best (domain::bestBoat).
    std::optional<std::string> boatName;
    std::optional<domain::Uuid> boatId;
    std::optional<domain::Uuid> employeeId;   // who moves it (audit; permission when known)
};

struct MoveResult {
    domain::Booking before;
    domain::Booking after;
    std::string fromBoat;
    std::string toBoat;
    std::string fromText;    // "Ill 2026-07-14 10:00"
    std::string toText;      // "Lauch 2026-07-14 11:00"
    // Local dates and wall times of both departures (what undo asks for to go back).
    domain::LocalDate fromDate, toDate;
    domain::Minutes fromTime{0}, toTime{0};
};

// Throws ValidationError (bad date), NotFound (no such booking), PermissionDenied, ConflictError
// (no such departure or boat, closed, past, the booking's state) or CapacityError (not enough
// seats), each with domain::moveRefusal's sentence or one as plain.
MoveResult moveBooking(domain::Store& store, const domain::Clock& clock, const MoveRequest& request);

}  // namespace narcisse::app
