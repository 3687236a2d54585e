#include "app/boarding.h"

#include "app/desk.h"
#include "app/fiscal_log.h"
#include "app/settings.h"
#include "domain/booking_messages.h"
#include "domain/errors.h"

#include <algorithm>

namespace narcisse::app {

using namespace narcisse::domain;

namespace {

std::string boatNameOf(const std::vector<Boat>& boats, const Uuid& id) {
    const auto b = std::find_if(boats.begin(), boats.end(), [&](const Boat& x) { return x.id == id; });
    return b == boats.end() ? std::string() : b->name;
}

BookingSummary summarise(StoreReader& r, const std::vector<Boat>& boats, const BusinessZone& zone, const Booking& b) {
    BookingSummary s;
    s.booking = b;
    s.boatName = boatNameOf(boats, b.boatId);
    s.departure = isoDate(zone.localDate(b.departureStart)) + " " + hhmm(zone.localMinutes(b.departureStart));
    const bool owes = b.state == BookingState::Pending || b.state == BookingState::Confirmed ||
                      b.state == BookingState::Embarqued;
    s.due = owes ? amountDue(r, b) : Money::zero();
    return s;
}

std::string employeeName(StoreReader& r, const std::optional<Uuid>& id) {
    if (!id) return "narcisse-cli";
    const auto staff = r.employees();
    const auto e = std::find_if(staff.begin(), staff.end(), [&](const Employee& x) { return x.id == *id; });
    return e == staff.end() ? std::string("an unknown employee") : e->name;
}

// The latest audit entry of `action` on the booking.
std::optional<AuditEntry> lastEntry(StoreReader& r, const Booking& b, std::string_view action) {
    const auto history = r.auditOfEntity(b.id.str());
    for (auto it = history.rbegin(); it != history.rend(); ++it)
        if (it->action == action) return *it;
    return std::nullopt;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

std::string_view toString(BookingAction a) {
    switch (a) {
        case BookingAction::Board: return "board";
        case BookingAction::NoShow: return "no-show";
        case BookingAction::Cancel: return "cancel";
        case BookingAction::Refund: return "refund";
        case BookingAction::Move: return "move";
        case BookingAction::Collect: return "collect";
        case BookingAction::ResendConfirmation: return "resend confirmation";
        case BookingAction::Reprint: return "reprint";
    }
    return "";
}

std::string_view toString(ScanOutcome o) {
    switch (o) {
        case ScanOutcome::Boarded: return "boarded";
        case ScanOutcome::AlreadyBoarded: return "already boarded";
        case ScanOutcome::WrongDeparture: return "wrong departure";
        case ScanOutcome::Cancelled: return "cancelled";
        case ScanOutcome::Unpaid: return "unpaid";
        case ScanOutcome::NotBoardable: return "not boardable";
        case ScanOutcome::Unknown: return "unknown";
    }
    return "";
}

std::vector<BookingSummary> findBookings(Store& store, const Clock& clock, const std::string& text, int limit) {
    std::vector<BookingSummary> found;
    const std::string query = trimmed(text);
    if (query.size() < 2) return found;
    store.read([&](StoreReader& r) {
        const Instant now = clock.now();
        const BusinessZone zone(loadBusinessSettings(r).timeZone);
        const auto boats = r.boats();
        std::vector<Booking> bookings;
        // A whole reference (scanned or typed) comes first, even if it is far from today.
        if (const auto ref = PublicRef::tryParse(query))
            if (auto exact = r.bookingByRef(*ref)) bookings.push_back(*exact);
        for (auto& b : r.searchBookings(query, now, limit))
            if (std::none_of(bookings.begin(), bookings.end(), [&](const Booking& x) { return x.id == b.id; }))
                bookings.push_back(std::move(b));
        if (static_cast<int>(bookings.size()) > limit) bookings.resize(static_cast<std::size_t>(limit));
        for (const auto& b : bookings) found.push_back(summarise(r, boats, zone, b));
    });
    return found;
}

BookingCard loadBookingCard(Store& store, const Clock& clock, const PublicRef& ref) {
    BookingCard card;
    store.read([&](StoreReader& r) {
        const Instant now = clock.now();
        const BusinessZone zone(loadBusinessSettings(r).timeZone);
        const auto booking = r.bookingByRef(ref);
        if (!booking) throw NotFound("there is no booking " + ref.str());
        card.summary = summarise(r, r.boats(), zone, *booking);
        if (booking->customerId) card.customer = r.customer(*booking->customerId);
        card.payments = r.paymentsOfBooking(booking->id);
        card.refunds = r.refundsOfBooking(booking->id);
        card.history = r.auditOfEntity(booking->id.str());
        for (const auto& rec : r.chainRecordsOfEntity(Chain::Receipt, ref.str())) card.receipts.push_back(rec.seq);

        Money refundable;
        for (const auto& p : card.payments)
            if (p.status == PaymentStatus::Succeeded) refundable += p.amount;
        for (const auto& x : card.refunds) refundable -= x.amount;

        const BookingState s = booking->state;
        const bool left = now >= booking->departureStart;
        const bool today = zone.localDate(now) == zone.localDate(booking->departureStart);
        auto& a = card.actions;
        if (s == BookingState::Confirmed && today && card.summary.due == Money::zero()) a.push_back(BookingAction::Board);
        if (s == BookingState::Confirmed && left) a.push_back(BookingAction::NoShow);
        if ((s == BookingState::Pending || s == BookingState::Confirmed) && !left) a.push_back(BookingAction::Cancel);
        if (refundable > Money::zero()) a.push_back(BookingAction::Refund);
        if ((s == BookingState::Pending || s == BookingState::Confirmed) && !left) a.push_back(BookingAction::Move);
        const bool pendingAlive = s != BookingState::Pending || !booking->expiresAt || now < *booking->expiresAt;
        if (card.summary.due > Money::zero() && pendingAlive) a.push_back(BookingAction::Collect);
        if ((s == BookingState::Pending || s == BookingState::Confirmed) && card.customer && !card.customer->email.empty())
            a.push_back(BookingAction::ResendConfirmation);
        if (!card.receipts.empty()) a.push_back(BookingAction::Reprint);
    });
    return card;
}

ScanResult boardByScan(Store& store, const Clock& clock, const std::string& scanned, std::optional<Instant> departure,
                       std::optional<Uuid> employeeId) {
    ScanResult result;
    const std::string text = trimmed(scanned);
    const auto ref = PublicRef::tryParse(text);
    if (!ref) {
        result.outcome = ScanOutcome::Unknown;
        result.message = "\"" + text + "\" is not a booking reference";
        return result;
    }
    store.write([&](StoreWriter& w) {
        const Instant now = clock.now();
        const Operator op = requireOperator(w, employeeId, Action::BoardPassenger);
        const BusinessZone zone(loadBusinessSettings(w).timeZone);
        auto booking = w.bookingByRef(*ref);
        if (!booking) {
            result.outcome = ScanOutcome::Unknown;
            result.message = "No booking " + ref->str();
            return;
        }
        const auto boats = w.boats();
        result.booking = summarise(w, boats, zone, *booking);
        const auto& s = *result.booking;
        const std::string place = s.departure + " on " + s.boatName;
        auto whenBy = [&](const std::optional<AuditEntry>& e) {
            if (!e) return std::string();
            return " on " + isoDate(zone.localDate(e->at)) + " at " + hhmm(zone.localMinutes(e->at)) + " by " +
                   employeeName(w, e->employeeId);
        };
        switch (booking->state) {
            case BookingState::Cancelled: {
                const auto e = lastEntry(w, *booking, "booking.cancel");
                result.outcome = ScanOutcome::Cancelled;
                result.message = "Cancelled: " + ref->str() + " was cancelled" + whenBy(e) +
                                 (e && !e->details.empty() ? " (" + e->details + ")" : "");
                return;
            }
            case BookingState::Embarqued:
            case BookingState::Completed:
                result.outcome = ScanOutcome::AlreadyBoarded;
                result.message = "Already boarded: " + ref->str() + " boarded" + whenBy(lastEntry(w, *booking, "booking.board"));
                return;
            case BookingState::Expired:
                result.outcome = ScanOutcome::NotBoardable;
                result.message = "Expired: " + ref->str() + " was never paid and its seats were released";
                return;
            case BookingState::NoShow:
                result.outcome = ScanOutcome::NotBoardable;
                result.message = "No-show: " + ref->str() + " was for " + place + ", which left without it";
                return;
            case BookingState::Pending:
            case BookingState::Confirmed: break;
        }
        if (zone.localDate(booking->departureStart) != zone.localDate(now)) {
            result.outcome = ScanOutcome::WrongDeparture;
            result.message = "Wrong day: " + ref->str() + " is for " + place + ", not today";
            return;
        }
        if (departure && *departure != booking->departureStart) {
            result.outcome = ScanOutcome::WrongDeparture;
            result.message = "Wrong departure: " + ref->str() + " is for " + hhmm(zone.localMinutes(booking->departureStart)) +
                             " on " + s.boatName + ", not the " + hhmm(zone.localMinutes(*departure)) + " departure";
            return;
        }
        if (booking->state == BookingState::Pending && booking->expiresAt && now >= *booking->expiresAt) {
            result.outcome = ScanOutcome::NotBoardable;
            result.message = "Expired: " + ref->str() + " was not paid in time and its seats were released";
            return;
        }
        if (booking->state == BookingState::Pending || s.due > Money::zero()) {
            result.outcome = ScanOutcome::Unpaid;
            result.due = s.due;
            result.message = "Unpaid: " + s.due.display() + " to collect for " + ref->str();
            return;
        }
        transition(*booking, BookingState::Embarqued, now);
        w.updateBookingState(booking->id, BookingState::Embarqued);
        w.appendAudit({Uuid::generate(), now, op.id, "booking.board", "booking", booking->id.str(),
                       ref->str() + " " + booking->party.summary() + " boarded " + place});
        result.booking->booking = *booking;
        result.outcome = ScanOutcome::Boarded;
        result.message = "Boarded: " + ref->str() + " · " + booking->party.summary() +
                         (booking->customerName.empty() ? "" : " · " + booking->customerName) + " · " +
                         hhmm(zone.localMinutes(booking->departureStart)) + " " + s.boatName;
    });
    return result;
}

Notification resendConfirmation(Store& store, const Clock& clock, const PublicRef& ref, std::optional<Uuid> employeeId) {
    Notification n;
    store.write([&](StoreWriter& w) {
        const Instant now = clock.now();
        const Operator op = requireOperator(w, employeeId, Action::SellRide);
        const auto booking = w.bookingByRef(ref);
        if (!booking) throw NotFound("there is no booking " + ref.str());
        if (booking->state != BookingState::Pending && booking->state != BookingState::Confirmed)
            throw ConflictError(ref.str() + " is " + std::string(toString(booking->state)) + ": there is nothing to confirm");
        const auto customer = booking->customerId ? w.customer(*booking->customerId) : std::nullopt;
        if (!customer || customer->email.empty())
            throw ConflictError(ref.str() + " has no customer e-mail address to send the confirmation to");
        const BusinessZone zone(loadBusinessSettings(w).timeZone);
        ConfirmationFacts facts;
        facts.language = booking->language;
        facts.customerName = customer->name;
        facts.ref = booking->ref;
        facts.departure = booking->departureStart;
        facts.boatName = boatNameOf(w.boats(), booking->boatId);
        facts.adults = booking->party.adults;
        facts.children = booking->party.children;
        facts.babies = booking->party.babies;
        facts.total = booking->total;
        facts.due = amountDue(w, *booking);
        facts.businessName = w.setting(setting_keys::kBusinessName).value_or("Sweet Narcisse");
        const auto message = confirmationMessage(facts, zone);
        n.id = Uuid::generate();
        n.bookingId = booking->id;
        n.recipient = customer->email;
        n.language = message.language;
        n.kind = "booking.confirmation";
        n.subject = message.subject;
        n.body = message.body;
        n.createdAt = now;
        w.insertNotification(n);
        w.appendAudit({Uuid::generate(), now, op.id, "booking.confirmation", "booking", booking->id.str(),
                       ref.str() + " confirmation queued to " + customer->email});
    });
    return n;
}

Booking markNoShow(Store& store, const Clock& clock, const PublicRef& ref, std::optional<Uuid> employeeId) {
    Booking booking;
    store.write([&](StoreWriter& w) {
        const Instant now = clock.now();
        const Operator op = requireOperator(w, employeeId, Action::BoardPassenger);
        auto found = w.bookingByRef(ref);
        if (!found) throw NotFound("there is no booking " + ref.str());
        if (const auto why = transitionRefusal(*found, BookingState::NoShow, now)) throw ConflictError(ref.str() + ": " + *why);
        transition(*found, BookingState::NoShow, now);
        w.updateBookingState(found->id, BookingState::NoShow);
        w.appendAudit({Uuid::generate(), now, op.id, "booking.no_show", "booking", found->id.str(),
                       ref.str() + " marked no-show"});
        booking = *found;
    });
    return booking;
}

EndOfDaySummary endOfDay(Store& store, const Clock& clock, LocalDate date, bool apply, std::optional<Uuid> employeeId) {
    EndOfDaySummary summary;
    auto sweep = [&](StoreReader& r, StoreWriter* w) {
        const Instant now = clock.now();
        const Operator op = requireOperator(r, employeeId, Action::BoardPassenger);
        const BusinessZone zone(loadBusinessSettings(r).timeZone);
        const Instant from = zone.startOfDay(date);
        const Instant dayEnd = zone.startOfDay(date::year_month_day{date::sys_days{date} + date::days{1}});
        const auto boats = r.boats();
        std::vector<Instant> departed;
        for (const auto& b : r.bookingsDeparting(from, std::min(now, dayEnd))) {
            if (std::find(departed.begin(), departed.end(), b.departureStart) == departed.end())
                departed.push_back(b.departureStart);
            std::optional<BookingState> to;
            if (b.state == BookingState::Confirmed) to = BookingState::NoShow;
            else if (b.state == BookingState::Embarqued) to = BookingState::Completed;
            else if (b.state == BookingState::Pending && b.expiresAt && now >= *b.expiresAt) to = BookingState::Expired;
            if (!to) continue;
            if (*to == BookingState::NoShow) ++summary.noShows;
            if (*to == BookingState::Completed) ++summary.completed;
            if (*to == BookingState::Expired) ++summary.expired;
            summary.lines.push_back(b.ref.str() + " " + b.party.summary() +
                                    (b.customerName.empty() ? "" : " " + b.customerName) + " " +
                                    hhmm(zone.localMinutes(b.departureStart)) + " " + boatNameOf(boats, b.boatId) +
                                    " → " + std::string(toString(*to)));
            if (w) {
                w->updateBookingState(b.id, *to);
                w->appendAudit({Uuid::generate(), now, op.id, "booking.end_of_day", "booking", b.id.str(),
                                b.ref.str() + " " + std::string(toString(b.state)) + " → " + std::string(toString(*to))});
            }
        }
        summary.departures = static_cast<int>(departed.size());
    };
    if (apply)
        store.write([&](StoreWriter& w) { sweep(w, &w); });
    else
        store.read([&](StoreReader& r) { sweep(r, nullptr); });
    return summary;
}

}  // namespace narcisse::app
