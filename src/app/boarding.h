// Finding a booking (scan or typed text), its card, boarding by scan with feedback a busy desk cannot
// miss, no-shows, and the end-of-day sweep of past departures.
#pragma once

#include "domain/store.h"

#include <optional>
#include <string>
#include <vector>

namespace narcisse::app {

struct BookingSummary {
    domain::Booking booking;
    std::string boatName;
    std::string departure;                   // "2026-07-14 10:00" local
    domain::Money due;                       // still to collect
};

// Results as you type: a scanned or typed reference (exact match first), a name, phone or e-mail.
// Fewer than 2 characters give nothing.
std::vector<BookingSummary> findBookings(domain::Store& store, const domain::Clock& clock, const std::string& text,
                                         int limit = 30);

enum class BookingAction { Board, NoShow, Cancel, Refund, Move, Collect, ResendConfirmation, Reprint };
std::string_view toString(BookingAction a);  // "board", …

struct BookingCard {
    BookingSummary summary;
    std::optional<domain::Customer> customer;
    std::vector<domain::Payment> payments;
    std::vector<domain::Refund> refunds;
    std::vector<domain::AuditEntry> history;            // oldest first
    std::vector<std::int64_t> receipts;                 // receipt numbers
    std::vector<BookingAction> actions;                 // what its state allows now
};
// Throws NotFound ("no booking SN-…").
BookingCard loadBookingCard(domain::Store& store, const domain::Clock& clock, const domain::PublicRef& ref);

enum class ScanOutcome { Boarded, AlreadyBoarded, WrongDeparture, Cancelled, Unpaid, NotBoardable, Unknown };
std::string_view toString(ScanOutcome o);    // "boarded", "already boarded", …

struct ScanResult {
    ScanOutcome outcome = ScanOutcome::Unknown;
    std::string message;                     // the sentence the desk shows, reason included
    std::optional<BookingSummary> booking;
    domain::Money due;                       // Unpaid: the amount to collect
};

// Boards the booking the scanner read (or the reference typed), if today's departure and paid:
// CONFIRMED → EMBARQUED, audited. `departure`: the departure being boarded (another one is refused
// as "wrong departure"); empty: any of today's. Never throws for a bad or unknown reference: it is
// an outcome with its message.
ScanResult boardByScan(domain::Store& store, const domain::Clock& clock, const std::string& scanned,
                       std::optional<domain::Instant> departure, std::optional<domain::Uuid> employeeId);

// Queues the booking's confirmation e-mail again, in its language (sent by the notification outbox
// like every customer message). Throws ConflictError when the customer has no e-mail address or the
// booking is no longer PENDING or CONFIRMED.
domain::Notification resendConfirmation(domain::Store& store, const domain::Clock& clock, const domain::PublicRef& ref,
                                        std::optional<domain::Uuid> employeeId);

// CONFIRMED → NO_SHOW once its departure has left. Throws ConflictError with the reason.
domain::Booking markNoShow(domain::Store& store, const domain::Clock& clock, const domain::PublicRef& ref,
                           std::optional<domain::Uuid> employeeId);

// End of day for the departures of `date` that have left by now: CONFIRMED → NO_SHOW,
// EMBARQUED → COMPLETED, PENDING past expiry → EXPIRED. `apply` false: only the summary (preview).
struct EndOfDaySummary {
    int noShows = 0;
    int completed = 0;
    int expired = 0;
    int departures = 0;                      // departures that have left with bookings
    std::vector<std::string> lines;          // "SN-… 2A Dupont 10:00 → NO_SHOW"
};
EndOfDaySummary endOfDay(domain::Store& store, const domain::Clock& clock, domain::LocalDate date, bool apply,
                         std::optional<domain::Uuid> employeeId);

}  // namespace narcisse::app
