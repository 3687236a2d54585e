#include "app/timetable_editing.h"

#include "app/settings.h"

#include <algorithm>
#include <array>

namespace narcisse::app {

using namespace narcisse::domain;

namespace {

// Editing the timetable reshapes what can be sold: only roles allowed to edit it may.
void requireTimetableEditor(StoreReader& r, const std::optional<Uuid>& acting) {
    if (!acting) return;
    const auto all = r.employees();
    const auto e = std::find_if(all.begin(), all.end(), [&](const Employee& x) { return x.id == *acting; });
    if (e == all.end()) throw NotFound("the signed-in employee no longer exists");
    requirePermission(e->role, Action::EditTimetable);
}

struct Timetable {
    std::vector<TimetableRule> rules;
    std::vector<TimetableException> exceptions;
};

// The seat-holding bookings that lose their departure when `before` becomes `after`, over the local
// dates [from, to]. Departures that have left are history and never count as stranded.
std::vector<StrandedBooking> strandedBookings(StoreWriter& w, Instant now, const Timetable& before,
                                              const Timetable& after, LocalDate from, LocalDate to) {
    const BusinessSettings settings = loadBusinessSettings(w);
    const BusinessZone zone(settings.timeZone);
    from = std::max(from, zone.localDate(now));
    if (to < from) return {};

    std::vector<Instant> gone;
    for (LocalDate d = from; d <= to; d = nextDay(d)) {
        const auto was = departuresOn(before.rules, before.exceptions, d, zone);
        const auto will = departuresOn(after.rules, after.exceptions, d, zone);
        for (const auto& dep : was.departures) {
            if (dep.start < now) continue;
            const bool kept = std::any_of(will.departures.begin(), will.departures.end(),
                                          [&](const Departure& x) { return x.start == dep.start; });
            if (!kept) gone.push_back(dep.start);
        }
    }
    if (gone.empty()) return {};
    std::sort(gone.begin(), gone.end());
    // A desk selling into one of these departures waits for this transaction, and the bookings read
    // below include every sale committed before it (DESIGN.md §1: the website keeps selling).
    for (const auto& start : gone) w.lockDeparture(start);

    const auto boats = w.boats();
    std::vector<StrandedBooking> out;
    for (const auto& b : w.bookingsDeparting(gone.front(), gone.back() + std::chrono::seconds{1})) {
        if (!b.holdsSeats(now) || !std::binary_search(gone.begin(), gone.end(), b.departureStart)) continue;
        const auto boat = std::find_if(boats.begin(), boats.end(), [&](const Boat& x) { return x.id == b.boatId; });
        out.push_back({b.id, b.ref, zone.localDate(b.departureStart), zone.localMinutes(b.departureStart),
                       boat == boats.end() ? std::string("?") : boat->name, b.party, b.customerName});
    }
    return out;
}

void refuseIfStranding(StoreWriter& w, Instant now, const Timetable& before, const Timetable& after, LocalDate from,
                       LocalDate to) {
    auto stranded = strandedBookings(w, now, before, after, from, to);
    if (!stranded.empty()) throw StrandedBookings(std::move(stranded));
}

std::string ruleText(const TimetableRule& r) {
    return isoDate(r.validFrom) + " to " + isoDate(r.validTo) + ", " + weekdaysText(r.weekdays) + ", " +
           hhmm(r.firstDeparture) + " to " + hhmm(r.lastDeparture) + " every " + std::to_string(r.interval.count()) +
           " min, rides of " + std::to_string(r.rideDuration.count()) + " min";
}

std::string withNote(std::string text, const std::string& note) {
    return note.empty() ? text : text + ": " + note;
}

// Every change of every date: the one-off changes are few (a handful a season).
std::vector<TimetableException> allExceptions(StoreReader& r) {
    return r.timetableExceptions(LocalDate{date::year{1970}, date::January, date::day{1}},
                                 LocalDate{date::year{2199}, date::December, date::day{31}});
}

}  // namespace

std::string StrandedBooking::describe() const {
    std::string text = ref.str() + " on " + isoDate(date) + " " + hhmm(time) + ", " + boatName + ", " + party.summary();
    if (!customerName.empty()) text += ", " + customerName;
    return text;
}

namespace {
std::string strandedMessage(const std::vector<StrandedBooking>& bookings) {
    std::string text = bookings.size() == 1 ? "1 booking is" : std::to_string(bookings.size()) + " bookings are";
    text += " on departures this change removes; move or cancel them first: ";
    for (std::size_t i = 0; i < bookings.size(); ++i) {
        if (i == 5) {
            text += "; and " + std::to_string(bookings.size() - i) + " more";
            break;
        }
        if (i) text += "; ";
        text += bookings[i].describe();
    }
    return text;
}
}  // namespace

StrandedBookings::StrandedBookings(std::vector<StrandedBooking> bookings)
    : ConflictError(strandedMessage(bookings)), m_bookings(std::move(bookings)) {}

std::string weekdaysText(std::uint8_t weekdays) {
    static constexpr std::array<const char*, 7> kNames{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    weekdays &= 0x7F;
    if (weekdays == 0x7F) return "every day";
    std::string text;
    for (int i = 0; i < 7;) {
        if (!((weekdays >> i) & 1)) {
            ++i;
            continue;
        }
        int j = i;
        while (j + 1 < 7 && ((weekdays >> (j + 1)) & 1)) ++j;
        if (!text.empty()) text += ", ";
        text += kNames[static_cast<std::size_t>(i)];
        if (j - i >= 2)
            text += std::string("–") + kNames[static_cast<std::size_t>(j)];
        else if (j == i + 1)
            text += std::string(", ") + kNames[static_cast<std::size_t>(j)];
        i = j + 1;
    }
    return text;
}

TimetableRule saveTimetableRule(Store& store, const Clock& clock, const TimetableRule& rule,
                                std::optional<Uuid> actingEmployeeId) {
    rule.validate();
    store.write([&](StoreWriter& w) {
        requireTimetableEditor(w, actingEmployeeId);
        const Instant now = clock.now();
        Timetable before{w.timetableRules(), {}};
        const auto old = std::find_if(before.rules.begin(), before.rules.end(),
                                      [&](const TimetableRule& r) { return r.id == rule.id; });
        const LocalDate from = old == before.rules.end() ? rule.validFrom : std::min(rule.validFrom, old->validFrom);
        const LocalDate to = old == before.rules.end() ? rule.validTo : std::max(rule.validTo, old->validTo);
        before.exceptions = w.timetableExceptions(from, to);
        Timetable after = before;
        const auto slot = std::find_if(after.rules.begin(), after.rules.end(),
                                       [&](const TimetableRule& r) { return r.id == rule.id; });
        if (slot == after.rules.end())
            after.rules.push_back(rule);
        else
            *slot = rule;
        refuseIfStranding(w, now, before, after, from, to);

        w.saveTimetableRule(rule);
        std::string details = "season " + ruleText(rule);
        if (old != before.rules.end()) details += " (was " + ruleText(*old) + ")";
        w.appendAudit({Uuid::generate(), now, actingEmployeeId, "timetable.save_rule", "timetable_rule", rule.id.str(),
                       details});
    });
    return rule;
}

void deleteTimetableRule(Store& store, const Clock& clock, const Uuid& ruleId, std::optional<Uuid> actingEmployeeId) {
    store.write([&](StoreWriter& w) {
        requireTimetableEditor(w, actingEmployeeId);
        const Instant now = clock.now();
        Timetable before{w.timetableRules(), {}};
        const auto old = std::find_if(before.rules.begin(), before.rules.end(),
                                      [&](const TimetableRule& r) { return r.id == ruleId; });
        if (old == before.rules.end()) throw NotFound("that timetable season no longer exists");
        const TimetableRule removed = *old;
        before.exceptions = w.timetableExceptions(removed.validFrom, removed.validTo);
        Timetable after = before;
        std::erase_if(after.rules, [&](const TimetableRule& r) { return r.id == ruleId; });
        refuseIfStranding(w, now, before, after, removed.validFrom, removed.validTo);

        w.deleteTimetableRule(ruleId);
        w.appendAudit({Uuid::generate(), now, actingEmployeeId, "timetable.delete_rule", "timetable_rule",
                       ruleId.str(), "season " + ruleText(removed)});
    });
}

TimetableException addExtraDeparture(Store& store, const Clock& clock, const ExtraDeparture& extra,
                                     std::optional<Uuid> actingEmployeeId) {
    TimetableException e{Uuid::generate(), extra.date, extra.time, TimetableException::Kind::Extra,
                         extra.rideDuration, extra.note};
    e.validate();
    store.write([&](StoreWriter& w) {
        requireTimetableEditor(w, actingEmployeeId);
        const Instant now = clock.now();
        const BusinessZone zone(loadBusinessSettings(w).timeZone);
        const std::string when = isoDate(extra.date) + " " + hhmm(extra.time);
        const auto resolved = zone.resolve(extra.date, extra.time);
        if (resolved.kind == WallTimeKind::Nonexistent)
            throw ValidationError("time", hhmm(extra.time) + " does not exist on " + isoDate(extra.date) +
                                              " (clocks go forward)");
        if (resolved.instant <= now) throw ValidationError("time", when + " is already past");

        const auto changes = w.timetableExceptions(extra.date, extra.date);
        const auto same = std::find_if(changes.begin(), changes.end(),
                                       [&](const TimetableException& x) { return x.time == extra.time; });
        if (same != changes.end() && same->kind == TimetableException::Kind::Cancelled)
            throw ConflictError("the departure at " + when + " is cancelled: restore it rather than add it");
        const auto day = departuresOn(w.timetableRules(), changes, extra.date, zone);
        if (std::any_of(day.departures.begin(), day.departures.end(),
                        [&](const Departure& d) { return d.start == resolved.instant; }))
            throw ConflictError("there is already a departure at " + when);

        w.saveTimetableException(e);
        w.appendAudit({Uuid::generate(), now, actingEmployeeId, "timetable.add_departure", "timetable_exception",
                       e.id.str(),
                       withNote("extra departure at " + when + ", rides of " +
                                    std::to_string(extra.rideDuration.count()) + " min",
                                extra.note)});
    });
    return e;
}

void cancelDeparture(Store& store, const Clock& clock, LocalDate date, Minutes time, const std::string& note,
                     std::optional<Uuid> actingEmployeeId) {
    if (!date.ok()) throw ValidationError("date", "is not a date");
    if (time < Minutes{0} || time >= Minutes{24 * 60}) throw ValidationError("time", "must be a time of day");
    store.write([&](StoreWriter& w) {
        requireTimetableEditor(w, actingEmployeeId);
        const Instant now = clock.now();
        const BusinessZone zone(loadBusinessSettings(w).timeZone);
        const std::string when = isoDate(date) + " " + hhmm(time);
        Timetable before{w.timetableRules(), w.timetableExceptions(date, date)};
        const auto day = departuresOn(before.rules, before.exceptions, date, zone);
        const auto dep = std::find_if(day.departures.begin(), day.departures.end(),
                                      [&](const Departure& d) { return d.localStart == time; });
        if (dep == day.departures.end()) throw ConflictError("there is no departure at " + when);
        if (dep->start <= now) throw ConflictError("the departure at " + when + " has already left");

        Timetable after = before;
        const auto extra = std::find_if(after.exceptions.begin(), after.exceptions.end(), [&](const TimetableException& x) {
            return x.time == time && x.kind == TimetableException::Kind::Extra;
        });
        // An extra departure is simply taken away: a cancelled row over it would clash with it.
        std::optional<Uuid> extraId;
        TimetableException cancelled{Uuid::generate(), date, time, TimetableException::Kind::Cancelled, Minutes{45}, note};
        if (extra != after.exceptions.end()) {
            extraId = extra->id;
            after.exceptions.erase(extra);
        } else {
            after.exceptions.push_back(cancelled);
        }
        refuseIfStranding(w, now, before, after, date, date);

        if (extraId)
            w.deleteTimetableException(*extraId);
        else
            w.saveTimetableException(cancelled);
        w.appendAudit({Uuid::generate(), now, actingEmployeeId, "timetable.cancel_departure", "timetable_exception",
                       (extraId ? *extraId : cancelled.id).str(),
                       withNote((extraId ? "extra departure at " : "departure at ") + when + " cancelled", note)});
    });
}

void removeTimetableException(Store& store, const Clock& clock, const Uuid& exceptionId,
                              std::optional<Uuid> actingEmployeeId) {
    store.write([&](StoreWriter& w) {
        requireTimetableEditor(w, actingEmployeeId);
        const Instant now = clock.now();
        const auto all = allExceptions(w);
        const auto found = std::find_if(all.begin(), all.end(), [&](const TimetableException& x) { return x.id == exceptionId; });
        if (found == all.end()) throw NotFound("that timetable change no longer exists");
        const TimetableException removed = *found;
        const std::string when = isoDate(removed.date) + " " + hhmm(removed.time);
        if (removed.kind == TimetableException::Kind::Extra) {
            Timetable before{w.timetableRules(), w.timetableExceptions(removed.date, removed.date)};
            Timetable after = before;
            std::erase_if(after.exceptions, [&](const TimetableException& x) { return x.id == exceptionId; });
            refuseIfStranding(w, now, before, after, removed.date, removed.date);
        }
        w.deleteTimetableException(exceptionId);
        w.appendAudit({Uuid::generate(), now, actingEmployeeId, "timetable.remove_change", "timetable_exception",
                       exceptionId.str(),
                       removed.kind == TimetableException::Kind::Extra ? "extra departure at " + when + " removed"
                                                                        : "departure at " + when + " restored"});
    });
}

TimetableOverview loadTimetable(Store& store, LocalDate date) {
    TimetableOverview o;
    o.date = date;
    std::string timeZone;
    store.read([&](StoreReader& r) {
        timeZone = loadBusinessSettings(r).timeZone;
        o.rules = r.timetableRules();
        o.exceptions = r.timetableExceptions(date, date);
    });
    o.departures = departuresOn(o.rules, o.exceptions, date, BusinessZone(timeZone));
    return o;
}

}  // namespace narcisse::app
