#include "app/cash_drawer.h"

#include "app/accounting.h"
#include "app/fiscal_log.h"
#include "app/settings.h"
#include "domain/errors.h"

#include <algorithm>
#include <cstdio>

namespace narcisse::app {

using namespace narcisse::domain;

namespace {

std::string businessName(StoreReader& r) { return r.setting(setting_keys::kBusinessName).value_or("Sweet Narcisse"); }

std::string monthText(int year, unsigned month) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u", year, month);
    return text;
}

std::optional<Closing> latestClosing(StoreReader& r) {
    const auto tip = r.chainTip(Chain::Closing);
    if (!tip) return std::nullopt;
    return Closing::fromRecord(*tip);
}

// The running totals go on from the latest daily closing: a monthly or annual closing takes its
// totals from its last part, so a day closed after that part (and before the aggregate) would be
// dropped from the totals if they went on from the aggregate.
std::optional<Closing> latestDailyClosing(StoreReader& r) {
    const auto tip = r.chainTip(Chain::Closing);
    if (!tip) return std::nullopt;
    constexpr int kPage = 32;   // aggregates are rare: one page back almost always finds a day
    for (std::int64_t to = tip->seq; to >= 1; to -= kPage) {
        const std::int64_t from = std::max<std::int64_t>(1, to - kPage + 1);
        auto records = r.chainRecords(Chain::Closing, from, static_cast<int>(to - from + 1));
        for (auto it = records.rbegin(); it != records.rend(); ++it) {
            Closing c = Closing::fromRecord(*it);
            if (c.period == ClosingPeriod::Day) return c;
        }
    }
    return std::nullopt;
}

std::optional<Closing> storedClosing(StoreReader& r, ClosingPeriod period, LocalDate day) {
    const auto records = r.chainRecordsOfEntity(Chain::Closing, closingKey(period, day));
    if (records.empty()) return std::nullopt;
    Closing c = Closing::fromRecord(records.front());
    c.number = records.front().seq;
    c.hash = records.front().hash;
    return c;
}

// The day whose Z counts a session's cash: the day it opened, or the next one when that day's Z was
// already done when it opened.
LocalDate registerDayOf(StoreReader& r, const BusinessZone& zone, const CashSession& session) {
    LocalDate day = zone.localDate(session.openedAt);
    for (int i = 0; i < 7; ++i) {
        const auto done = storedClosing(r, ClosingPeriod::Day, day);
        if (!done || done->closedAt > session.openedAt) break;
        day = nextDay(day);
    }
    return day;
}

void refuseIfClosed(StoreReader& r, ClosingPeriod period, LocalDate day, const std::string& what) {
    if (const auto done = storedClosing(r, period, day))
        throw ConflictError(what + " is already closed: closing #" + std::to_string(done->number));
}

// Everything the Z of `date` is computed from, with an empty count.
DailyClosingInput dailyInput(StoreReader& r, const BusinessZone& zone, LocalDate date) {
    DailyClosingInput in;
    in.date = date;
    const Instant from = zone.startOfDay(date);
    const Instant to = zone.startOfDay(nextDay(date));
    for (const auto& record : r.chainRecordsBetween(Chain::Receipt, from, to)) {
        Receipt receipt = Receipt::fromRecord(record);
        receipt.number = record.seq;
        receipt.hash = record.hash;
        in.receipts.push_back(std::move(receipt));
    }
    // A session opened after that day (closing a forgotten day late) belongs to a later closing.
    if (auto session = r.openCashSession(deskId(r)); session && session->openedAt < to) {
        in.movements = r.cashMovements(session->id);
        in.session = std::move(session);
    }
    in.previous = latestDailyClosing(r);
    return in;
}

// Seals the closing in its chain, under its period's key, and returns it numbered.
Closing sealClosing(StoreWriter& w, Closing closing, LocalDate anyDay) {
    const ChainRecord record =
        seal(w, Chain::Closing, closing.closedAt, closingKey(closing.period, anyDay), closing.canonical());
    closing.number = record.seq;
    closing.hash = record.hash;
    return closing;
}

void fillHeader(StoreReader& r, Closing& closing, const Operator& op, Instant now) {
    closing.closedAt = now;
    closing.desk = deskId(r);
    closing.operatorName = op.name;
    closing.businessName = businessName(r);
}

std::string closingDetails(const Closing& c) {
    return std::string(toString(c.period)) + " " + isoDate(c.from) + (c.from == c.to ? "" : " – " + isoDate(c.to)) +
           ": closing #" + std::to_string(c.number) + ", period total " + c.periodTotal.plain() + " " +
           c.periodTotal.currency();
}

}  // namespace

CashSession openCashSession(Store& store, const Clock& clock, const CashCount& count, std::optional<Uuid> employeeId) {
    CashSession session;
    store.write([&](StoreWriter& w) {
        const Operator op = requireOperator(w, employeeId, Action::ManageCash);
        const Instant now = clock.now();
        const std::string desk = deskId(w);
        const BusinessZone zone(loadBusinessSettings(w).timeZone);
        if (const auto open = w.openCashSession(desk))
            throw ConflictError("the cash drawer of " + desk + " is already open, since " +
                                zone.format(open->openedAt, "%Y-%m-%d %H:%M"));
        session.id = Uuid::generate();
        session.desk = desk;
        session.openedAt = now;
        session.openedBy = op.id;
        session.openingCount = count;
        session.openingFloat = count.total();
        w.saveCashSession(session);
        const std::string details = desk + " opened with a float of " + session.openingFloat.plain() + " " +
                                    session.openingFloat.currency() + " (" + count.str() + ")";
        recordEvent(w, EventKind::CashSessionOpened, now, op.id, details);
        w.appendAudit({Uuid::generate(), now, op.id, "cash.open", "cash_session", session.id.str(), details});
    });
    return session;
}

CashMovement recordCashMovement(Store& store, const Clock& clock, CashDirection direction, Money amount,
                                const std::string& reason, bool bankDeposit, std::optional<Uuid> employeeId) {
    if (amount <= Money::zero())
        throw ValidationError("amount", "must be more than 0.00 € (choose pay in or pay out for the direction), got " +
                                            amount.display());
    if (bankDeposit && direction == CashDirection::In)
        throw ValidationError("direction", "a bank deposit takes cash out of the drawer: choose pay out");
    CashMovement movement;
    movement.id = Uuid::generate();
    movement.amount = direction == CashDirection::In ? amount : -amount;
    movement.reason = reason;
    movement.bankDeposit = bankDeposit;
    movement.validate();
    store.write([&](StoreWriter& w) {
        const Operator op = requireOperator(w, employeeId, Action::ManageCash);
        const Instant now = clock.now();
        const std::string desk = deskId(w);
        const CashSession session =
            lockOpenDrawer(w, direction == CashDirection::In ? "paying cash in" : "taking cash out");
        if (direction == CashDirection::Out) {
            const Money held = cashHeld(w, session);
            if (amount > held)
                throw ValidationError("amount", amount.display() + " is more than the drawer holds: " + held.display() +
                                                    " expected");
        }
        movement.sessionId = session.id;
        movement.at = now;
        movement.employeeId = op.id;
        w.insertCashMovement(movement);
        const std::string details = desk + (direction == CashDirection::In ? " in " : " out ") + amount.plain() + " " +
                                    amount.currency() + (bankDeposit ? " (bank deposit)" : "") + ": " + reason;
        recordEvent(w, EventKind::CashMovement, now, op.id, details);
        w.appendAudit({Uuid::generate(), now, op.id, "cash.movement", "cash_session", session.id.str(), details});
    });
    return movement;
}

CashSession lockOpenDrawer(StoreWriter& w, const std::string& forWhat) {
    const std::string desk = deskId(w);
    auto session = w.openCashSession(desk);
    if (!session)
        throw ConflictError("the cash drawer of " + desk + " is closed: open it with its counted float (Desk ▸ Open the drawer…) before " + forWhat);
    w.lockRow(LockedRow::CashSession, session->id);
    // Read again under the lock: a closing may have closed it meanwhile.
    session = w.openCashSession(desk);
    if (!session)
        throw ConflictError("the cash drawer of " + desk + " was just closed by its daily closing: open it again before " + forWhat);
    return *session;
}

Money cashHeld(StoreReader& r, const CashSession& session) {
    // The Z's arithmetic over the session's life rather than one day.
    DailyClosingInput in;
    in.date = LocalDate{date::year{2000}, date::January, date::day{1}};   // not shown
    const Instant end = session.openedAt + std::chrono::hours(24 * 366 * 10);
    for (const auto& record : r.chainRecordsBetween(Chain::Receipt, session.openedAt, end))
        in.receipts.push_back(Receipt::fromRecord(record));
    in.movements = r.cashMovements(session.id);
    in.session = session;
    in.comment = "preview";   // not stored: the difference rule waits for the count
    return computeDailyClosing(in).expectedCash;
}

DeskDrawer deskDrawer(Store& store, const Clock& clock) {
    DeskDrawer drawer;
    store.read([&](StoreReader& r) {
        const BusinessZone zone(loadBusinessSettings(r).timeZone);
        const LocalDate today = zone.localDate(clock.now());
        drawer.registerDay = today;
        if (const auto done = storedClosing(r, ClosingPeriod::Day, today)) drawer.dayClosing = done->number;
        drawer.session = r.openCashSession(deskId(r));
        if (drawer.session) {
            drawer.state = DeskDrawer::State::Open;
            drawer.registerDay = registerDayOf(r, zone, *drawer.session);
            drawer.expectedCash = cashHeld(r, *drawer.session);
        } else if (drawer.dayClosing) {
            drawer.state = DeskDrawer::State::DayClosed;
        }
    });
    return drawer;
}

DrawerStatus drawerStatus(Store& store, const Clock& clock, LocalDate date) {
    (void)clock;
    if (!date.ok()) throw ValidationError("date", "is not a date");
    DrawerStatus status;
    store.read([&](StoreReader& r) {
        const BusinessZone zone(loadBusinessSettings(r).timeZone);
        DailyClosingInput in = dailyInput(r, zone, date);
        // Not stored: a comment keeps the difference rule (the count is still to come) from refusing it.
        in.comment = "preview";
        status.preview = computeDailyClosing(in);
        status.preview.comment.clear();
        status.preview.desk = deskId(r);
        status.preview.businessName = businessName(r);
        if (in.session) status.preview.openedAt = in.session->openedAt;
        status.session = in.session;
        status.movements = in.movements;
        status.alreadyClosed = storedClosing(r, ClosingPeriod::Day, date).has_value();
    });
    return status;
}

Closing closeDay(Store& store, const Clock& clock, const CloseDayRequest& request) {
    if (!request.date.ok()) throw ValidationError("date", "is not a date");
    Closing closing;
    store.write([&](StoreWriter& w) {
        const Operator op = requireOperator(w, request.employeeId, Action::CloseDay);
        const Instant now = clock.now();
        const BusinessZone zone(loadBusinessSettings(w).timeZone);
        const LocalDate today = zone.localDate(now);
        if (request.date > today)
            throw ConflictError(isoDate(request.date) + " has not come yet: a day is closed on the day or after it");
        w.lockChain(Chain::Closing);   // one closing at a time: the check below stays true until it lands
        refuseIfClosed(w, ClosingPeriod::Day, request.date, isoDate(request.date));
        // A sale, refund or movement of cash in progress lands before the count is compared, or after
        // the session is closed (and then refuses).
        if (const auto open = w.openCashSession(deskId(w))) w.lockRow(LockedRow::CashSession, open->id);

        DailyClosingInput in = dailyInput(w, zone, request.date);
        in.counted = request.counted;
        in.comment = request.comment;
        closing = computeDailyClosing(in);
        fillHeader(w, closing, op, now);
        if (in.session) closing.openedAt = in.session->openedAt;
        closing = sealClosing(w, closing, request.date);

        if (in.session) {
            CashSession session = *in.session;
            session.closedAt = now;
            session.closingNumber = closing.number;
            w.saveCashSession(session);
        }
        const std::string details = closingDetails(closing);
        recordEvent(w, EventKind::Closing, now, op.id, details);
        w.appendAudit({Uuid::generate(), now, op.id, "closing.day", "closing", closingKey(ClosingPeriod::Day, request.date),
                       details});
    });
    return closing;
}

Closing closeMonth(Store& store, const Clock& clock, int year, unsigned month, std::optional<Uuid> employeeId) {
    if (month < 1 || month > 12) throw ValidationError("month", "must be 1 to 12");
    const LocalDate first{date::year{year}, date::month{month}, date::day{1}};
    const LocalDate last{date::year_month_day_last{date::year{year}, date::month_day_last{date::month{month}}}};
    if (!first.ok()) throw ValidationError("year", "is not a calendar year");
    const std::string name = monthText(year, month);
    Closing closing;
    store.write([&](StoreWriter& w) {
        const Operator op = requireOperator(w, employeeId, Action::CloseDay);
        const Instant now = clock.now();
        const LocalDate today = BusinessZone(loadBusinessSettings(w).timeZone).localDate(now);
        if (today <= last)
            throw ConflictError(name + " has not ended: it can be closed from " + isoDate(nextDay(last)));
        w.lockChain(Chain::Closing);
        refuseIfClosed(w, ClosingPeriod::Month, first, name);
        std::vector<Closing> parts;
        for (LocalDate d = first; d <= last; d = nextDay(d))
            if (auto daily = storedClosing(w, ClosingPeriod::Day, d)) parts.push_back(std::move(*daily));
        if (parts.empty()) throw ConflictError("no daily closing in " + name + " to build from");
        closing = aggregateClosings(ClosingPeriod::Month, first, last, parts, latestClosing(w));
        fillHeader(w, closing, op, now);
        closing = sealClosing(w, closing, first);
        // A closed month's journal is frozen with it, in the same transaction: both land or neither.
        freezeMonth(w, year, month, now);
        const std::string details = closingDetails(closing);
        recordEvent(w, EventKind::Closing, now, op.id, details);
        w.appendAudit(
            {Uuid::generate(), now, op.id, "closing.month", "closing", closingKey(ClosingPeriod::Month, first), details});
    });
    return closing;
}

Closing closeYear(Store& store, const Clock& clock, int year, std::optional<Uuid> employeeId) {
    const LocalDate first{date::year{year}, date::January, date::day{1}};
    const LocalDate last{date::year{year}, date::December, date::day{31}};
    if (!first.ok()) throw ValidationError("year", "is not a calendar year");
    const std::string name = std::to_string(year);
    Closing closing;
    store.write([&](StoreWriter& w) {
        const Operator op = requireOperator(w, employeeId, Action::CloseDay);
        const Instant now = clock.now();
        const LocalDate today = BusinessZone(loadBusinessSettings(w).timeZone).localDate(now);
        if (today <= last)
            throw ConflictError(name + " has not ended: it can be closed from " + isoDate(nextDay(last)));
        w.lockChain(Chain::Closing);
        refuseIfClosed(w, ClosingPeriod::Year, first, name);
        std::vector<Closing> parts;
        for (unsigned m = 1; m <= 12; ++m)
            if (auto monthly = storedClosing(w, ClosingPeriod::Month, LocalDate{date::year{year}, date::month{m}, date::day{1}}))
                parts.push_back(std::move(*monthly));
        if (parts.empty()) throw ConflictError("no monthly closing in " + name + " to build from");
        closing = aggregateClosings(ClosingPeriod::Year, first, last, parts, latestClosing(w));
        fillHeader(w, closing, op, now);
        closing = sealClosing(w, closing, first);
        const std::string details = closingDetails(closing);
        recordEvent(w, EventKind::Closing, now, op.id, details);
        w.appendAudit(
            {Uuid::generate(), now, op.id, "closing.year", "closing", closingKey(ClosingPeriod::Year, first), details});
    });
    return closing;
}

std::vector<Closing> closings(Store& store, int limit) {
    std::vector<Closing> result;
    if (limit <= 0) return result;
    store.read([&](StoreReader& r) {
        const auto tip = r.chainTip(Chain::Closing);
        if (!tip) return;
        const std::int64_t from = std::max<std::int64_t>(1, tip->seq - limit + 1);
        auto records = r.chainRecords(Chain::Closing, from, limit);
        std::reverse(records.begin(), records.end());
        for (const auto& record : records) {
            Closing c = Closing::fromRecord(record);
            c.number = record.seq;
            c.hash = record.hash;
            result.push_back(std::move(c));
        }
    });
    return result;
}

std::optional<Closing> closingOf(Store& store, ClosingPeriod period, LocalDate day) {
    std::optional<Closing> result;
    store.read([&](StoreReader& r) { result = storedClosing(r, period, day); });
    return result;
}

}  // namespace narcisse::app
