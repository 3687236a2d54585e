#include "app/closures.h"

#include "app/settings.h"
#include "domain/errors.h"

#include <algorithm>
#include <map>
#include <set>

namespace narcisse::app {

using namespace narcisse::domain;

namespace {

// A ride lasts well under this: bookings that started this long before a closure cannot be on the
// water during it.
constexpr auto kLongestRide = std::chrono::hours{12};

std::vector<Boat> activeBoats(StoreReader& r) {
    auto boats = r.boats();
    std::erase_if(boats, [](const Boat& b) { return b.status == BoatStatus::Retired; });
    return boats;
}

std::string boatNameOf(const std::vector<Boat>& boats, const Uuid& id) {
    const auto it = std::find_if(boats.begin(), boats.end(), [&](const Boat& b) { return b.id == id; });
    return it == boats.end() ? id.str() : it->name;
}

Block blockOf(const ClosureScope& scope, const std::string& reason, const std::vector<Boat>& boats,
              const BusinessZone& zone) {
    if (!scope.date.ok()) throw ValidationError("date", "is not a date");
    if (scope.from.has_value() != scope.to.has_value())
        throw ValidationError(scope.from ? "to" : "from", "give both the start and the end of the closure, or neither");
    std::optional<Uuid> boatId;
    if (scope.boatName) {
        const auto it = std::find_if(boats.begin(), boats.end(), [&](const Boat& b) { return b.name == *scope.boatName; });
        if (it == boats.end()) throw ConflictError("there is no boat named \"" + *scope.boatName + "\"");
        boatId = it->id;
    }
    if (scope.lastDate) {
        if (!scope.lastDate->ok()) throw ValidationError("to", "is not a date");
        if (scope.from) throw ValidationError("from", "a closure over several days closes them whole");
        if (*scope.lastDate < scope.date) throw ValidationError("to", "must not be before the first day");
        Block block = Block::wholeDay(scope.date, zone, reason, boatId);
        block.end = zone.startOfDay(nextDay(*scope.lastDate));
        return block;
    }
    if (!scope.from) return Block::wholeDay(scope.date, zone, reason, boatId);
    Block block = Block::timeRange(scope.date, *scope.from, *scope.to, zone, reason, boatId);
    block.startsOnly = scope.departuresOnly;
    return block;
}

// Seat-holding bookings on a departure the block takes their boat out of, still to leave.
std::vector<Booking> strandedBy(StoreReader& r, const Block& block, Instant now) {
    auto bookings = r.bookingsDeparting(block.start - kLongestRide, block.end);
    std::erase_if(bookings, [&](const Booking& b) {
        return !b.holdsSeats(now) || b.departureStart <= now || !block.covers(b.boatId, b.departureStart, b.departureEnd);
    });
    return bookings;
}

// Succeeded payments of a booking less what was already refunded on each.
std::vector<std::pair<Payment, Money>> refundable(StoreReader& r, const Uuid& bookingId) {
    const auto refunds = r.refundsOfBooking(bookingId);
    std::vector<std::pair<Payment, Money>> out;
    for (const auto& p : r.paymentsOfBooking(bookingId)) {
        if (p.status != PaymentStatus::Succeeded) continue;
        Money left = p.amount;
        for (const auto& f : refunds)
            if (f.paymentId == p.id) left -= f.amount;
        if (left.cents() > 0) out.emplace_back(p, left);
    }
    return out;
}

// Departures where a stranded party may go: the closure's day and the next, with the closure applied.
struct Candidates {
    std::vector<Departure> departures;
    std::vector<Block> blocks;
    std::vector<Booking> bookings;

    std::vector<DepartureAvailability> availabilities(const std::vector<Boat>& boats, Instant now,
                                                      const BusinessSettings& settings) const {
        std::vector<DepartureAvailability> out;
        out.reserve(departures.size());
        for (const auto& d : departures) out.push_back(availability(d, boats, blocks, bookings, now, settings));
        return out;
    }
};

Candidates candidatesAround(StoreReader& r, LocalDate date, const Block& block, const BusinessZone& zone) {
    Candidates c;
    const LocalDate next = nextDay(date);
    const auto rules = r.timetableRules();
    const auto exceptions = r.timetableExceptions(date, next);
    for (LocalDate d : {date, next}) {
        auto day = departuresOn(rules, exceptions, d, zone);
        c.departures.insert(c.departures.end(), day.departures.begin(), day.departures.end());
    }
    const Instant from = zone.startOfDay(date);
    const Instant to = zone.startOfDay(nextDay(next));
    c.blocks = r.blocksOverlapping(from - kLongestRide, to);
    c.blocks.push_back(block);
    c.bookings = r.bookingsDeparting(from, to);
    return c;
}

// Puts `moved` where a first proposal takes it, in one day's candidates.
void takeSeat(Candidates& c, const Booking& moved) {
    auto seat = std::find_if(c.bookings.begin(), c.bookings.end(), [&](const Booking& x) { return x.id == moved.id; });
    if (seat == c.bookings.end())
        c.bookings.push_back(moved);
    else
        *seat = moved;
}

std::string departureText(Instant start, const BusinessZone& zone) {
    return isoDate(zone.localDate(start)) + " " + hhmm(zone.localMinutes(start));
}

std::string money(const Money& m) { return m.plain() + " " + m.currency(); }

}  // namespace

std::string ClosureScope::describe() const {
    std::string s = isoDate(date);
    if (from && to && departuresOnly && *to - *from == Minutes{1})
        s += " departure " + hhmm(*from);
    else if (from && to)
        s += " " + hhmm(*from) + "–" + hhmm(*to) + (departuresOnly ? " (departures)" : "");
    else if (lastDate && *lastDate != date)
        s += "–" + isoDate(*lastDate);
    if (boatName) s += " on " + *boatName;
    return s;
}

std::string describeClosure(const Block& block, const std::vector<Boat>& boats, const BusinessZone& zone) {
    const LocalDate day = zone.localDate(block.start);
    std::string s = block.reason + " " + isoDate(day);
    const bool wholeDay = block.start == zone.startOfDay(day) && block.end == zone.startOfDay(nextDay(day));
    const LocalDate lastDay = zone.localDate(block.end - std::chrono::seconds{1});
    const bool wholeDays = block.start == zone.startOfDay(day) && block.end == zone.startOfDay(nextDay(lastDay));
    if (!wholeDay && wholeDays) {
        s += "–" + isoDate(lastDay);   // several whole days: a boat out of service
    } else if (block.startsOnly && block.end - block.start == Minutes{1}) {
        s += " departure " + hhmm(zone.localMinutes(block.start));
    } else if (!wholeDay) {
        const bool sameDay = zone.localDate(block.end) == day || block.end == zone.startOfDay(nextDay(day));
        const std::string end = block.end == zone.startOfDay(nextDay(day)) ? "24:00" : hhmm(zone.localMinutes(block.end));
        s += " " + hhmm(zone.localMinutes(block.start)) + "–" + (sameDay ? "" : isoDate(zone.localDate(block.end)) + " ") + end;
    }
    if (block.boatId) s += " on " + boatNameOf(boats, *block.boatId);
    return s;
}

ClosurePreview previewClosure(Store& store, const ClosureScope& scope, const std::string& reason, Instant now) {
    ClosurePreview preview;
    store.read([&](StoreReader& r) {
        const BusinessSettings settings = loadBusinessSettings(r);
        const BusinessZone zone(settings.timeZone);
        const auto boats = activeBoats(r);
        preview.block = blockOf(scope, reason, boats, zone);
        // Proposals come from the stranded booking's own day and the next; over several days each
        // day's candidates are read once, and a seat taken by a first proposal is seen by all of them.
        const LocalDate lastDate = scope.lastDate.value_or(scope.date);
        std::map<LocalDate, Candidates> candidatesOf;
        std::vector<Booking> taken;
        auto candidatesFor = [&](LocalDate day) -> Candidates& {
            day = std::clamp(day, scope.date, lastDate);
            auto it = candidatesOf.find(day);
            if (it == candidatesOf.end()) {
                it = candidatesOf.emplace(day, candidatesAround(r, day, preview.block, zone)).first;
                for (const auto& t : taken) takeSeat(it->second, t);
            }
            return it->second;
        };
        for (const auto& b : strandedBy(r, preview.block, now)) {
            AffectedBooking a;
            a.booking = b;
            a.boatName = boatNameOf(boats, b.boatId);
            if (b.customerId) a.customer = r.customer(*b.customerId);
            a.paid = Money::zero(b.total.currency());
            for (const auto& [payment, left] : refundable(r, b.id)) a.paid += left;
            Candidates& candidates = candidatesFor(zone.localDate(b.departureStart));
            a.proposals = nearestDepartures(b, candidates.availabilities(boats, now, settings), zone, now, settings);
            // The first proposal is what "move all" takes: the next parties see those seats taken.
            if (!a.proposals.empty()) {
                Booking moved = b;
                moved.boatId = a.proposals.front().boatId;
                moved.departureStart = a.proposals.front().departure.start;
                moved.departureEnd = a.proposals.front().departure.end;
                taken.push_back(moved);
                for (auto& entry : candidatesOf) takeSeat(entry.second, moved);
            }
            preview.affected.push_back(std::move(a));
        }
    });
    return preview;
}

ClosureResult applyClosure(Store& store, const Clock& clock, const ClosureRequest& request) {
    ClosureResult result;
    store.write([&](StoreWriter& w) {
        const Instant now = clock.now();
        const BusinessSettings settings = loadBusinessSettings(w);
        const BusinessZone zone(settings.timeZone);
        const auto boats = activeBoats(w);
        const Block block = blockOf(request.scope, request.reason, boats, zone);
        const std::string businessName = w.setting(setting_keys::kBusinessName).value_or("Sweet Narcisse");

        // Lock every departure the closure touches and every target, in one order (no deadlock
        // between two closures), before reading a seat: no sale or move can slip in meanwhile.
        const auto rules = w.timetableRules();
        std::map<LocalDate, std::vector<Departure>> timetable;
        auto departuresOf = [&](LocalDate d) -> const std::vector<Departure>& {
            auto it = timetable.find(d);
            if (it == timetable.end())
                it = timetable.emplace(d, departuresOn(rules, w.timetableExceptions(d, d), d, zone).departures).first;
            return it->second;
        };
        std::set<Instant> locks;
        for (LocalDate day = request.scope.date; day <= request.scope.lastDate.value_or(request.scope.date);
             day = nextDay(day))
            for (const auto& d : departuresOf(day))
                if (d.start < block.end && block.start < d.end) locks.insert(d.start);
        for (const auto& d : request.decisions)
            if (d.kind == BookingDecision::Kind::Move) locks.insert(d.departureStart);
        for (Instant t : locks) w.lockDeparture(t);

        const auto stranded = strandedBy(w, block, now);
        std::map<Uuid, const BookingDecision*> decisions;
        for (const auto& d : request.decisions) decisions[d.bookingId] = &d;
        std::string changed;
        for (const auto& b : stranded)
            if (!decisions.count(b.id)) changed += (changed.empty() ? "" : ", ") + b.ref.str() + " has no decision";
        for (const auto& d : request.decisions)
            if (std::none_of(stranded.begin(), stranded.end(), [&](const Booking& b) { return b.id == d.bookingId; }))
                changed += (changed.empty() ? "" : ", ") + std::string("a decided booking is no longer affected");
        if (!changed.empty())
            throw ConflictError("the planning changed since the closure was prepared (" + changed +
                                "): look at the affected bookings again");

        w.insertBlock(block);
        result.block = block;
        result.refundOwed = Money::zero();
        std::string details;
        for (Booking b : stranded) {
            const BookingDecision& decision = *decisions.at(b.id);
            BookingOutcome outcome{b.id, b.ref, b.customerName, b.departureStart, std::nullopt, Money::zero(), std::nullopt};
            if (decision.kind == BookingDecision::Kind::Move) {
                const auto& day = departuresOf(zone.localDate(decision.departureStart));
                const auto dep = std::find_if(day.begin(), day.end(),
                                              [&](const Departure& d) { return d.start == decision.departureStart; });
                const std::string target = departureText(decision.departureStart, zone);
                if (dep == day.end())
                    throw ConflictError(b.ref.str() + " cannot move: there is no departure at " + target);
                const auto avail = availability(*dep, boats, w.blocksOverlapping(dep->start, dep->end),
                                                w.bookingsDeparting(dep->start, dep->start + std::chrono::seconds{1}),
                                                now, settings);
                if (auto why = moveRefusal(b, avail, decision.boatId, now, settings))
                    throw ConflictError(b.ref.str() + " cannot move to " + target + " on " +
                                        boatNameOf(boats, decision.boatId) + ": " + *why);
                w.moveBooking(b.id, decision.boatId, dep->start, dep->end);
                outcome.movedTo = NewPlace{dep->start, boatNameOf(boats, decision.boatId)};
                ++result.moved;
                details += "; " + b.ref.str() + " → " + target + " " + outcome.movedTo->boatName;
            } else {
                transition(b, BookingState::Cancelled, now);
                w.updateBookingState(b.id, BookingState::Cancelled);
                for (const auto& [payment, left] : refundable(w, b.id)) {
                    w.insertRefund({Uuid::generate(), payment.id, b.id, left, RefundStatus::Owed,
                                    "closure: " + block.reason, now});
                    outcome.refundOwed += left;
                }
                result.refundOwed += outcome.refundOwed;
                ++result.cancelled;
                details += "; " + b.ref.str() + " cancelled" +
                           (outcome.refundOwed.cents() > 0 ? ", refund owed " + money(outcome.refundOwed) : "");
            }
            if (request.notify && b.customerId) {
                const auto customer = w.customer(*b.customerId);
                if (customer && !customer->email.empty()) {
                    const auto message = closureMessage({b.language, b.customerName, b.ref, b.departureStart,
                                                         block.reason, outcome.movedTo, outcome.refundOwed,
                                                         businessName},
                                                        zone);
                    Notification n;
                    n.id = Uuid::generate();
                    n.bookingId = b.id;
                    n.recipient = customer->email;
                    n.language = message.language;
                    n.kind = outcome.movedTo ? "closure.moved" : "closure.cancelled";
                    n.subject = message.subject;
                    n.body = message.body;
                    n.createdAt = now;
                    w.insertNotification(n);
                    outcome.notifiedTo = customer->email;
                    ++result.notified;
                }
            }
            result.outcomes.push_back(std::move(outcome));
        }
        result.summary = describeClosure(block, boats, zone) + ": " + std::to_string(result.moved) + " moved, " +
                         std::to_string(result.cancelled) + " cancelled" +
                         (result.refundOwed.cents() > 0 ? " (refund owed " + money(result.refundOwed) + ")" : "") +
                         ", " + std::to_string(result.notified) + " notified" + details;
        w.appendAudit({Uuid::generate(), now, request.employeeId, "closure.apply", "block", block.id.str(),
                       result.summary});
    });
    return result;
}

std::vector<Block> findClosures(Store& store, const ClosureScope& scope) {
    std::vector<Block> found;
    store.read([&](StoreReader& r) {
        const BusinessZone zone(loadBusinessSettings(r).timeZone);
        const auto boats = activeBoats(r);
        // The scope as a block says which instants and boat the user means.
        const Block wanted = blockOf(scope, "reopen", boats, zone);
        for (const auto& b : r.blocksOverlapping(wanted.start, wanted.end)) {
            if (scope.boatName && b.boatId != wanted.boatId) continue;
            if ((scope.from || scope.lastDate) && (b.start != wanted.start || b.end != wanted.end)) continue;
            found.push_back(b);
        }
    });
    return found;
}

std::string reopenClosure(Store& store, const Clock& clock, const Uuid& blockId, std::optional<Uuid> employeeId) {
    std::string text;
    store.write([&](StoreWriter& w) {
        const auto block = w.blockById(blockId);
        if (!block) throw NotFound("no closure with id " + blockId.str());
        const BusinessZone zone(loadBusinessSettings(w).timeZone);
        text = describeClosure(*block, w.boats(), zone) + " reopened";
        w.deleteBlock(blockId);
        w.appendAudit({Uuid::generate(), clock.now(), employeeId, "closure.reopen", "block", blockId.str(), text});
    });
    return text;
}

}  // namespace narcisse::app
