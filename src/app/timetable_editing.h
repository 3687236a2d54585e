// Timetable editing use cases: seasons (rules) and one-off changes on a date. None of them strands
// a booking silently: a change that would take away a departure holding seats is refused with the
// list of those bookings, so they are moved or cancelled first.
#pragma once

#include "domain/errors.h"
#include "domain/store.h"

#include <optional>
#include <string>
#include <vector>

namespace narcisse::app {

// A seat-holding booking on a departure that a timetable change would take away.
struct StrandedBooking {
    domain::Uuid bookingId;
    domain::PublicRef ref = domain::PublicRef::fromNumber(0);
    domain::LocalDate date;
    domain::Minutes time{0};          // local wall time of its departure
    std::string boatName;
    domain::Party party;
    std::string customerName;

    std::string describe() const;     // "SN-… on 2026-07-14 11:30, Ill, 2A 1C"
};

class StrandedBookings : public domain::ConflictError {
public:
    explicit StrandedBookings(std::vector<StrandedBooking> bookings);
    const std::vector<StrandedBooking>& bookings() const { return m_bookings; }

private:
    std::vector<StrandedBooking> m_bookings;
};

// Every use case below is one write transaction and one audit entry. `actingEmployeeId` is who makes
// the change: named in the audit log and checked for the edit_timetable permission.

// Inserts or updates (by id) a season. Throws ValidationError naming the field, StrandedBookings.
domain::TimetableRule saveTimetableRule(domain::Store& store, const domain::Clock& clock,
                                        const domain::TimetableRule& rule, std::optional<domain::Uuid> actingEmployeeId);
// Throws NotFound, StrandedBookings.
void deleteTimetableRule(domain::Store& store, const domain::Clock& clock, const domain::Uuid& ruleId,
                         std::optional<domain::Uuid> actingEmployeeId);

struct ExtraDeparture {
    domain::LocalDate date;
    domain::Minutes time{0};
    domain::Minutes rideDuration{45};
    std::string note;
};
// Throws ValidationError (bad or nonexistent time, past date), ConflictError (already a departure).
domain::TimetableException addExtraDeparture(domain::Store& store, const domain::Clock& clock,
                                             const ExtraDeparture& extra, std::optional<domain::Uuid> actingEmployeeId);

// Cancels the departure at `time` on `date` (an extra one is removed instead). Throws ConflictError
// (no such departure, already left), StrandedBookings.
void cancelDeparture(domain::Store& store, const domain::Clock& clock, domain::LocalDate date, domain::Minutes time,
                     const std::string& note, std::optional<domain::Uuid> actingEmployeeId);

// Undoes a one-off change: a cancelled departure comes back, an extra one goes. Throws NotFound,
// StrandedBookings.
void removeTimetableException(domain::Store& store, const domain::Clock& clock, const domain::Uuid& exceptionId,
                              std::optional<domain::Uuid> actingEmployeeId);

// What the timetable editor shows: every season, and the departures and changes of one date.
struct TimetableOverview {
    std::vector<domain::TimetableRule> rules;
    domain::LocalDate date;
    std::vector<domain::TimetableException> exceptions;   // of `date`
    domain::DayTimetable departures;                      // of `date`, changes applied
};
TimetableOverview loadTimetable(domain::Store& store, domain::LocalDate date);

// "Mon–Fri", "every day", "Mon, Wed, Sat": for the audit log and the CLI.
std::string weekdaysText(std::uint8_t weekdays);

}  // namespace narcisse::app
