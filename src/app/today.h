// The Today dashboard: what the desk manager must know about a day, one line per fact, each saying
// how serious it is and where it is fixed. The Today panel and `narcisse-cli today` both show it.
#pragma once

#include "domain/store.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace narcisse::app {

// Where a line is fixed; the UI navigates there, the CLI only prints the line.
struct TodayTarget {
    enum class Place { Planning, Booking, Boat, Employee, NotificationLog };
    Place place = Place::Planning;
    domain::LocalDate date{};                        // Planning and Booking: the day (else zero)
    std::optional<domain::Instant> departure;        // Planning: that departure, when one is meant
    std::optional<domain::PublicRef> booking;        // Booking
    std::optional<domain::Uuid> id;                  // the booking, boat, employee or notification

    bool operator==(const TodayTarget&) const = default;
};

enum class TodayKind {
    DayTotal,          // the day's seats over every departure
    Departure,         // one departure: seats held and free, or closed
    NoBoatman,         // a boat carries bookings and nobody rows it
    TwoBoats,          // a boatman is on two boats at once
    Closure,           // a closure touching the day, with its reason
    PendingExpiring,   // a phone booking that will release its seats within the hour
    Unpaid,            // a seat-holding booking of the day with money to collect
    Maintenance,       // a boat's maintenance due within a week, or overdue
    Licence,           // a skipper licence expiring within 30 days, or expired
    FailedMessage,     // a message to a customer that could not be sent
    WaitingMessages,   // messages to customers not sent yet (one line for all of them)
};

// The dashboard's sections, in the order they are shown.
enum class TodaySection { Departures, Crew, Closures, Pending, Unpaid, Maintenance, Licences, Messages };
TodaySection sectionOf(TodayKind kind);
const std::vector<TodaySection>& allTodaySections();
std::string_view sectionTitle(TodaySection section);   // "Departures", … (English; the UI has its own)

enum class Severity { Info, Warning, Problem };
std::string_view toString(Severity s);                 // info, warning, problem

struct TodayLine {
    TodayKind kind;
    Severity severity = Severity::Info;
    std::string text;        // one sentence, e.g. "SN-7K3M9QPX, Marie Dupont, 2A: expires in 20 minutes"
    TodayTarget target;
    bool past = false;       // a departure that has already left: still shown, but no longer urgent
};

struct TodaySummary {
    domain::LocalDate date{};
    bool isToday = false;                  // `date` is the business's today at `now`
    std::string timeZone;
    std::vector<TodayLine> lines;          // by section, then as each section orders them
    int waitingMessages = 0;               // customer messages not sent yet
    domain::Instant loadedAt;

    std::vector<const TodayLine*> linesOf(TodaySection section) const;
    int count(Severity severity) const;
};

// How far ahead the dashboard looks.
inline constexpr int kPendingHorizonMinutes = 60;
inline constexpr int kMaintenanceHorizonDays = 7;
inline constexpr int kLicenceHorizonDays = 30;

// The dashboard of `date` at `now`. The planning part comes from loadDayPlanning; the rest (fleet,
// staff, notifications, the coming week's phone bookings) from one more read transaction.
TodaySummary loadToday(domain::Store& store, domain::LocalDate date, domain::Instant now);

}  // namespace narcisse::app
