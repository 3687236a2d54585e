// Closing a departure, a time range, a day or one boat without stranding anyone: preview the
// bookings it strands with the nearest departures that still have room, then apply the closure,
// the moves, the cancellations with their refunds owed and the customers' messages in ONE
// transaction (DESIGN.md §4, §9). Messages are only queued here; notifications.h sends them.
#pragma once

#include "domain/closure_messages.h"
#include "domain/moves.h"
#include "domain/store.h"

#include <optional>
#include <string>
#include <vector>

namespace narcisse::app {

// What to close: a local date, optionally a wall-time range on it, optionally one boat only.
struct ClosureScope {
    domain::LocalDate date;
    std::optional<domain::Minutes> from;    // both or neither: the whole day when empty
    std::optional<domain::Minutes> to;
    std::optional<std::string> boatName;    // empty: every boat
    // from..to picks the departures that start in it ("this departure"), not every ride on the
    // water then (the weather case).
    bool departuresOnly = false;
    // Whole days from `date` through this one (a boat out of service for a week); no from..to then.
    std::optional<domain::LocalDate> lastDate{};   // defaulted: brace-initialised scopes need not name it

    // "2026-07-14 14:00–16:00 on Ill", "2026-07-14" (whole day, every boat), "2026-07-14–2026-07-20 on Ill".
    std::string describe() const;
};

struct AffectedBooking {
    domain::Booking booking;
    std::string boatName;
    std::optional<domain::Customer> customer;              // with the e-mail address, when known
    domain::Money paid;                                    // succeeded payments not yet refunded
    std::vector<domain::DepartureProposal> proposals;      // nearest first; may be empty
};

struct ClosurePreview {
    domain::Block block;                                   // what applyClosure will insert
    std::vector<AffectedBooking> affected;                 // by departure, then booking time
};

// The closure `scope` would create and the seat-holding bookings it strands, each with up to three
// departures with room for its party (same day first), computed with the closure applied. Each
// booking's first proposal counts as taken for the ones after it, so "move everyone to their first
// proposal" fits. Throws ValidationError for a bad scope or reason, ConflictError for an unknown boat.
ClosurePreview previewClosure(domain::Store& store, const ClosureScope& scope, const std::string& reason,
                              domain::Instant now);

struct BookingDecision {
    enum class Kind { Move, Cancel };
    domain::Uuid bookingId;
    Kind kind = Kind::Cancel;
    domain::Instant departureStart{};                      // Move only: the target departure
    domain::Uuid boatId;                                   // Move only: the target boat
};

struct ClosureRequest {
    ClosureScope scope;
    std::string reason;
    std::vector<BookingDecision> decisions;                // one per affected booking, no more, no less
    bool notify = false;                                   // queue a message to each customer with an e-mail
    std::optional<domain::Uuid> employeeId;
};

struct BookingOutcome {
    domain::Uuid bookingId;
    domain::PublicRef ref = domain::PublicRef::fromNumber(0);
    std::string customerName;
    domain::Instant from{};                                // the departure that closed
    std::optional<domain::NewPlace> movedTo;               // empty: cancelled
    domain::Money refundOwed;                              // cancelled only
    std::optional<std::string> notifiedTo;                 // the address a message was queued for
};

struct ClosureResult {
    domain::Block block;
    std::vector<BookingOutcome> outcomes;                  // in the preview's order
    int moved = 0;
    int cancelled = 0;
    int notified = 0;
    domain::Money refundOwed;
    std::string summary;                                   // the audit entry's text
};

// One write transaction: the block, every decision (moves re-checked under the departure locks;
// one that no longer fits aborts everything with its reason), refunds owed for what cancelled
// bookings paid, the queued messages and one audit entry "closure.apply". Throws ConflictError
// when the affected bookings are not exactly those decided on (the planning changed: preview again).
ClosureResult applyClosure(domain::Store& store, const domain::Clock& clock, const ClosureRequest& request);

// The closures `scope` names: on that date (and boat, when given), and when a range is given, those
// with exactly that range. By start.
std::vector<domain::Block> findClosures(domain::Store& store, const ClosureScope& scope);

// Removes the closure and records "closure.reopen". Moves and cancellations stay as they are.
// NotFound for an unknown id. Returns the text of the audit entry.
std::string reopenClosure(domain::Store& store, const domain::Clock& clock, const domain::Uuid& blockId,
                          std::optional<domain::Uuid> employeeId);

// "Orage 2026-07-14 14:00–16:00 on Ill": how a closure is named in the audit and the CLI.
std::string describeClosure(const domain::Block& block, const std::vector<domain::Boat>& boats,
                            const domain::BusinessZone& zone);

}  // namespace narcisse::app
