#include "app/today.h"

#include "app/planning.h"
#include "app/settings.h"

#include <algorithm>
#include <unordered_map>

namespace narcisse::app {

using namespace narcisse::domain;

namespace {

// A failed message stays on the dashboard until it is retried; the store has no query for FAILED
// ones, so the newest messages are searched (far more than a season ever fails).
constexpr int kNotificationDepth = 2000;

// Phone bookings for the coming days expire too, not only the shown day's: the week ahead is read
// (a read the week planning does every time, so cheap). The store has no query by expiry.
constexpr int kPendingLookaheadDays = 7;

int daysBetween(LocalDate from, LocalDate to) {
    return static_cast<int>((date::sys_days{to} - date::sys_days{from}).count());
}

LocalDate plusDays(LocalDate d, int days) { return LocalDate{date::sys_days{d} + date::days{days}}; }

std::string inDays(int n) { return n == 1 ? "in 1 day" : "in " + std::to_string(n) + " days"; }

std::string seatsText(const DepartureAvailability& d) {
    return std::to_string(d.seatsHeld) + " of " + std::to_string(d.seatsTotal) + " seats held";
}

TodayTarget planningAt(LocalDate date, std::optional<Instant> departure = std::nullopt) {
    TodayTarget t;
    t.place = TodayTarget::Place::Planning;
    t.date = date;
    t.departure = departure;
    return t;
}

// With its departure, so the booking can be shown where it sits on the planning.
TodayTarget bookingTarget(const Booking& b, const BusinessZone& zone) {
    TodayTarget t;
    t.place = TodayTarget::Place::Booking;
    t.date = zone.localDate(b.departureStart);
    t.departure = b.departureStart;
    t.booking = b.ref;
    t.id = b.id;
    return t;
}

TodayTarget placeTarget(TodayTarget::Place place, const Uuid& id) {
    TodayTarget t;
    t.place = place;
    t.id = id;
    return t;
}

// "SN-7K3M9QPX, Marie Dupont, 2A 1C": who a booking line is about.
std::string whoOf(const Booking& b) {
    std::string s = b.ref.str();
    if (!b.customerName.empty()) s += ", " + b.customerName;
    return s + ", " + b.party.summary();
}

void addDepartures(const DayPlanning& p, bool isToday, Instant now, std::vector<TodayLine>& out) {
    int held = 0, total = 0, free = 0;
    for (const auto& d : p.departures) {
        held += d.seatsHeld;
        total += d.seatsTotal;
        free += d.seatsFree;
    }
    const int n = static_cast<int>(p.departures.size());
    out.push_back({TodayKind::DayTotal, Severity::Info,
                   n == 0 ? std::string("No departure on this day")
                          : std::to_string(n) + (n == 1 ? " departure: " : " departures: ") + std::to_string(held) +
                                " of " + std::to_string(total) + " seats held, " + std::to_string(free) + " free",
                   planningAt(p.date)});

    std::vector<const DepartureAvailability*> order;
    for (const auto& d : p.departures) order.push_back(&d);
    // On the day itself the desk cares about what is still to leave: those first, the rest after.
    if (isToday)
        std::stable_partition(order.begin(), order.end(),
                              [now](const DepartureAvailability* d) { return d->departure.start > now; });
    for (const auto* d : order) {
        std::string text = hhmm(d->departure.localStart) + ": ";
        if (d->closedReason)
            text += "closed (" + *d->closedReason + ")";
        else if (d->departure.start <= now)
            text += "left with " + seatsText(*d);
        else
            text += seatsText(*d) + ", " + std::to_string(d->seatsFree) + " free";
        out.push_back({TodayKind::Departure, Severity::Info, std::move(text), planningAt(p.date, d->departure.start),
                       d->departure.start <= now});
    }
}

void addCrew(const DayPlanning& p, std::vector<TodayLine>& out) {
    std::vector<Uuid> onTwoBoats;   // a boatman on two boats is warned once per boat: one line for him
    for (const auto& w : p.crewWarnings) {
        if (w.kind == CrewWarning::Kind::TwoBoats && w.employeeId) {
            if (std::find(onTwoBoats.begin(), onTwoBoats.end(), *w.employeeId) != onTwoBoats.end()) continue;
            onTwoBoats.push_back(*w.employeeId);
        }
        TodayTarget t = planningAt(p.date);
        t.id = w.boatId;   // the crew is assigned on the planning, on the boat's row
        out.push_back({w.kind == CrewWarning::Kind::NoBoatman ? TodayKind::NoBoatman : TodayKind::TwoBoats,
                       Severity::Problem, w.message, t});
    }
}

void addClosures(const DayPlanning& p, const BusinessZone& zone, std::vector<TodayLine>& out) {
    const Instant dayStart = zone.startOfDay(p.date);
    const Instant dayEnd = zone.startOfDay(nextDay(p.date));
    for (const auto& b : p.blocks) {
        if (b.end <= dayStart || b.start >= dayEnd) continue;
        std::string scope = "Every boat";
        if (b.boatId) {
            const auto boat = std::find_if(p.boats.begin(), p.boats.end(), [&](const Boat& x) { return x.id == *b.boatId; });
            scope = boat == p.boats.end() ? std::string("A retired boat") : boat->name;
        }
        std::vector<Minutes> closedStarts;
        for (const auto& d : p.departures)
            if (b.start <= d.departure.start && d.departure.start < b.end) closedStarts.push_back(d.departure.localStart);
        std::string when;
        if (b.start <= dayStart && b.end >= dayEnd) {
            when = "all day";
        } else if (b.startsOnly && closedStarts.size() == 1) {
            when = "for the " + hhmm(closedStarts.front()) + " departure";
        } else if (b.startsOnly && !closedStarts.empty()) {
            when = "for the departures from " + hhmm(closedStarts.front()) + " to " + hhmm(closedStarts.back());
        } else if (b.start <= dayStart) {
            when = "until " + zone.format(b.end);
        } else if (b.end >= dayEnd) {
            when = "from " + zone.format(b.start) + " to the end of the day";
        } else {
            when = "from " + zone.format(b.start) + " to " + zone.format(b.end);
        }
        out.push_back({TodayKind::Closure, Severity::Warning,
                       scope + " closed " + when + (b.reason.empty() ? "" : ": " + b.reason),
                       planningAt(p.date, b.start > dayStart ? std::optional<Instant>(b.start) : std::nullopt)});
    }
}

void addPending(const std::vector<Booking>& coming, LocalDate date, const BusinessZone& zone, Instant now,
                std::vector<TodayLine>& out) {
    std::vector<const Booking*> expiring;
    for (const auto& b : coming)
        if (b.state == BookingState::Pending && b.channel == Channel::Phone && b.expiresAt && now < *b.expiresAt &&
            *b.expiresAt <= now + Minutes{kPendingHorizonMinutes})
            expiring.push_back(&b);
    std::stable_sort(expiring.begin(), expiring.end(), [](const Booking* a, const Booking* b) { return *a->expiresAt < *b->expiresAt; });
    for (const auto* b : expiring) {
        // Rounded up: "expires in 1 minute" until the very last second, never "in 0 minutes".
        const auto left = std::chrono::ceil<Minutes>(*b->expiresAt - now).count();
        const LocalDate day = zone.localDate(b->departureStart);
        const std::string departure = (day == date ? "" : isoDate(day) + " ") + zone.format(b->departureStart);
        out.push_back({TodayKind::PendingExpiring, Severity::Warning,
                       whoOf(*b) + ", " + departure + ": expires in " + std::to_string(left) +
                           (left == 1 ? " minute" : " minutes"),
                       bookingTarget(*b, zone)});
    }
}

void addUnpaid(const DayPlanning& p, const BusinessZone& zone, Instant now, std::vector<TodayLine>& out) {
    for (std::size_t i = 0; i < p.bookings.size(); ++i) {
        const Booking& b = p.bookings[i];
        const Money owed = p.toCollect(i);
        if (!b.holdsSeats(now) || owed.cents() == 0) continue;
        const auto boat = std::find_if(p.boats.begin(), p.boats.end(), [&](const Boat& x) { return x.id == b.boatId; });
        const bool left = b.departureStart <= now;
        out.push_back({TodayKind::Unpaid, left ? Severity::Problem : Severity::Warning,
                       whoOf(b) + ", " + zone.format(b.departureStart) +
                           (boat == p.boats.end() ? std::string() : " on " + boat->name) + ": " + owed.display() +
                           (left ? " still to collect, the boat has left" : " to collect"),
                       bookingTarget(b, zone)});
    }
}

void addMaintenance(const std::vector<Boat>& boats, const std::vector<MaintenanceRecord>& records, LocalDate date,
                    std::vector<TodayLine>& out) {
    for (const auto& boat : boats) {
        if (boat.status == BoatStatus::Retired) continue;
        std::vector<MaintenanceRecord> own;
        for (const auto& r : records)
            if (r.boatId == boat.id) own.push_back(r);
        const MaintenanceStatus s = maintenanceStatus(own);
        if (!s.nextDue) continue;
        const int days = daysBetween(date, *s.nextDue);
        if (days > kMaintenanceHorizonDays) continue;
        std::string text = boat.name + ": " + s.nextTitle;
        if (days < 0)
            text += " overdue since " + isoDate(*s.nextDue) + " (" + std::to_string(-days) + (days == -1 ? " day)" : " days)");
        else if (days == 0)
            text += " due today";
        else
            text += " due on " + isoDate(*s.nextDue) + " (" + inDays(days) + ")";
        out.push_back({TodayKind::Maintenance, days < 0 ? Severity::Problem : Severity::Warning, std::move(text),
                       placeTarget(TodayTarget::Place::Boat, boat.id)});
    }
}

void addLicences(const std::vector<Employee>& employees, LocalDate date, std::vector<TodayLine>& out) {
    for (const auto& e : employees) {
        if (!e.active || !e.licenceExpiry) continue;
        const int days = daysBetween(date, *e.licenceExpiry);
        if (days > kLicenceHorizonDays) continue;
        std::string text = e.name + ": skipper licence ";
        if (days < 0)
            text += "expired on " + isoDate(*e.licenceExpiry);
        else if (days == 0)
            text += "expires today";
        else
            text += "expires on " + isoDate(*e.licenceExpiry) + " (" + inDays(days) + ")";
        // Expired: the crew assignment refuses them; expiring: still time to renew.
        out.push_back({TodayKind::Licence, days < 0 ? Severity::Problem : Severity::Warning, std::move(text),
                       placeTarget(TodayTarget::Place::Employee, e.id)});
    }
}

// Messages still waiting are customers not told yet either: one line for them all.
void addWaitingMessages(int waiting, std::vector<TodayLine>& out) {
    if (waiting == 0) return;
    out.push_back({TodayKind::WaitingMessages, Severity::Warning,
                   std::to_string(waiting) + (waiting == 1 ? " message waiting to be sent" : " messages waiting to be sent"),
                   TodayTarget{TodayTarget::Place::NotificationLog, {}, std::nullopt, std::nullopt, std::nullopt}});
}

void addFailedMessages(const std::vector<Notification>& notifications, std::vector<TodayLine>& out) {
    for (const auto& n : notifications) {
        if (n.status != NotificationStatus::Failed) continue;
        out.push_back({TodayKind::FailedMessage, Severity::Problem,
                       "Message to " + n.recipient + " failed" + (n.error.empty() ? "" : ": " + n.error),
                       placeTarget(TodayTarget::Place::NotificationLog, n.id)});
    }
}

}  // namespace

TodaySection sectionOf(TodayKind kind) {
    switch (kind) {
    case TodayKind::DayTotal:
    case TodayKind::Departure: return TodaySection::Departures;
    case TodayKind::NoBoatman:
    case TodayKind::TwoBoats: return TodaySection::Crew;
    case TodayKind::Closure: return TodaySection::Closures;
    case TodayKind::PendingExpiring: return TodaySection::Pending;
    case TodayKind::Unpaid: return TodaySection::Unpaid;
    case TodayKind::Maintenance: return TodaySection::Maintenance;
    case TodayKind::Licence: return TodaySection::Licences;
    case TodayKind::FailedMessage:
    case TodayKind::WaitingMessages: return TodaySection::Messages;
    }
    return TodaySection::Departures;
}

const std::vector<TodaySection>& allTodaySections() {
    static const std::vector<TodaySection> all{TodaySection::Departures, TodaySection::Crew,       TodaySection::Closures,
                                               TodaySection::Pending,    TodaySection::Unpaid,     TodaySection::Maintenance,
                                               TodaySection::Licences,   TodaySection::Messages};
    return all;
}

std::string_view sectionTitle(TodaySection section) {
    switch (section) {
    case TodaySection::Departures: return "Departures";
    case TodaySection::Crew: return "Crew";
    case TodaySection::Closures: return "Closures";
    case TodaySection::Pending: return "Phone bookings about to expire";
    case TodaySection::Unpaid: return "To collect";
    case TodaySection::Maintenance: return "Maintenance";
    case TodaySection::Licences: return "Skipper licences";
    case TodaySection::Messages: return "Customer messages";   // those that failed, those still waiting
    }
    return "";
}

std::string_view toString(Severity s) {
    switch (s) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Problem: return "problem";
    }
    return "";
}

std::vector<const TodayLine*> TodaySummary::linesOf(TodaySection section) const {
    std::vector<const TodayLine*> out;
    for (const auto& l : lines)
        if (sectionOf(l.kind) == section) out.push_back(&l);
    return out;
}

int TodaySummary::count(Severity severity) const {
    return static_cast<int>(std::count_if(lines.begin(), lines.end(), [&](const TodayLine& l) { return l.severity == severity; }));
}

TodaySummary loadToday(Store& store, LocalDate date, Instant now) {
    const DayPlanning p = loadDayPlanning(store, date, now);

    BusinessSettings settings;
    std::vector<Boat> boats;
    std::vector<Employee> employees;
    std::vector<MaintenanceRecord> maintenance;
    std::vector<Notification> notifications;
    std::vector<Booking> coming;
    int waiting = 0;
    store.read([&](StoreReader& r) {
        settings = loadBusinessSettings(r);
        const BusinessZone zone(settings.timeZone);
        boats = r.boats();
        employees = r.employees();
        maintenance = r.maintenanceRecords(std::nullopt);
        notifications = r.latestNotifications(kNotificationDepth);
        waiting = static_cast<int>(r.notificationsToSend().size());
        const LocalDate firstDay = std::min(date, zone.localDate(now));
        coming = r.bookingsDeparting(zone.startOfDay(firstDay), zone.startOfDay(plusDays(firstDay, kPendingLookaheadDays)));
    });
    const BusinessZone zone(settings.timeZone);

    TodaySummary s;
    s.date = date;
    s.isToday = zone.localDate(now) == date;
    s.timeZone = zone.name();
    s.loadedAt = now;
    addDepartures(p, s.isToday, now, s.lines);
    addCrew(p, s.lines);
    addClosures(p, zone, s.lines);
    addPending(coming, date, zone, now, s.lines);
    addUnpaid(p, zone, now, s.lines);
    addMaintenance(boats, maintenance, date, s.lines);
    addLicences(employees, date, s.lines);
    addFailedMessages(notifications, s.lines);
    addWaitingMessages(waiting, s.lines);
    s.waitingMessages = waiting;
    return s;
}

}  // namespace narcisse::app
