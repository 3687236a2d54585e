#include "data/sqlite_store_accounting.h"

namespace narcisse::data {

using namespace narcisse::domain;

namespace {

// Instants are stored as fixed-width ISO text (isoUtc), so text order is time order and a range on
// it is a range scan of the *_created / *_at indexes (005_journal.sql). The movements' rowid (seq,
// the order written) follows `at` in their index: ties come out in the order written.
constexpr const char* kPaymentsBetween = R"(
    SELECT id, booking_id, method, currency, amount_cents, status, provider_ref, created_at
    FROM payments WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id)";
constexpr const char* kRefundsBetween = R"(
    SELECT id, payment_id, booking_id, currency, amount_cents, status, reason, created_at, method, employee_id
    FROM refunds WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id)";
constexpr const char* kCashMovementsBetween = R"(
    SELECT id, session_id, at, amount_cents, currency, reason, bank_deposit, employee_id
    FROM cash_movements WHERE at >= ? AND at < ? ORDER BY at, seq)";
constexpr const char* kVoucherMovementsBetween = R"(
    SELECT id, voucher_id, at, kind, amount_cents, currency, booking_id, new_expiry, employee_id, note
    FROM voucher_movements WHERE at >= ? AND at < ? ORDER BY at, seq)";

// Every entry line, in the export's order: date, journal code, number, then line. Columns 0–7 are
// the entry (its id first), 8–12 the line.
constexpr const char* kJournalLines = R"(
    SELECT e.id, e.journal, e.number, e.entry_date, e.piece_ref, e.piece_date, e.label, e.source,
           l.account, l.account_label, l.debit_cents, l.credit_cents, l.label
    FROM journal_entries e JOIN journal_lines l ON l.entry = e.id
    WHERE e.entry_date >= ? AND e.entry_date <= ?
    ORDER BY e.entry_date, e.journal, e.number, e.id, l.line_no)";
constexpr const char* kLastJournalNumbers = R"(
    SELECT journal, max(number) FROM journal_entries WHERE entry_date >= ? AND entry_date <= ? GROUP BY journal)";
constexpr const char* kFrozenPeriods = R"(SELECT period FROM journal_periods ORDER BY period)";
// DO NOTHING keeps the transaction usable after a refused month, as PostgreSQL's is.
constexpr const char* kInsertPeriod =
    R"(INSERT INTO journal_periods (period, frozen_at) VALUES (?, ?) ON CONFLICT DO NOTHING)";
// BEGIN IMMEDIATE holds the database's single write lock: the ids after the highest are ours.
constexpr const char* kLastEntryId = R"(SELECT COALESCE(max(id), 0) FROM journal_entries)";
constexpr const char* kInsertEntry = R"(
    INSERT INTO journal_entries (id, period, journal, number, entry_date, piece_ref, piece_date, label, source)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))";
constexpr const char* kInsertLine = R"(
    INSERT INTO journal_lines (entry, line_no, account, account_label, debit_cents, credit_cents, label)
    VALUES (?, ?, ?, ?, ?, ?, ?))";

void entryOf(SQLite::Statement& s, JournalEntry& e) {
    e.journal = enumOf<Journal>(s.getColumn(1), parseJournalCode);
    e.number = s.getColumn(2).getInt64();
    e.date = parseDate(s.getColumn(3).getString(), "entry_date");
    e.pieceRef = s.getColumn(4).getString();
    e.pieceDate = parseDate(s.getColumn(5).getString(), "piece_date");
    e.label = s.getColumn(6).getString();
    e.source = s.getColumn(7).getString();
}

JournalLine lineOf(SQLite::Statement& s) {
    JournalLine l;
    l.account = s.getColumn(8).getString();
    l.accountLabel = s.getColumn(9).getString();
    l.debit = Money::cents(s.getColumn(10).getInt64());
    l.credit = Money::cents(s.getColumn(11).getInt64());
    l.label = s.getColumn(12).getString();
    return l;
}

}  // namespace

// ---- What was recorded over a period

std::vector<Payment> SqliteAccounting::paymentsBetween(Instant from, Instant to) {
    auto& s = statement(kPaymentsBetween);
    s.bind(1, isoUtc(from));
    s.bind(2, isoUtc(to));
    std::vector<Payment> out;
    while (s.executeStep()) out.push_back(paymentOf(s));
    return out;
}

std::vector<Refund> SqliteAccounting::refundsBetween(Instant from, Instant to) {
    auto& s = statement(kRefundsBetween);
    s.bind(1, isoUtc(from));
    s.bind(2, isoUtc(to));
    std::vector<Refund> out;
    while (s.executeStep()) out.push_back(refundOf(s));
    return out;
}

std::vector<CashMovement> SqliteAccounting::cashMovementsBetween(Instant from, Instant to) {
    auto& s = statement(kCashMovementsBetween);
    s.bind(1, isoUtc(from));
    s.bind(2, isoUtc(to));
    std::vector<CashMovement> out;
    while (s.executeStep()) out.push_back(cashMovementOf(s));
    return out;
}

std::vector<VoucherMovement> SqliteAccounting::voucherMovementsBetween(Instant from, Instant to) {
    auto& s = statement(kVoucherMovementsBetween);
    s.bind(1, isoUtc(from));
    s.bind(2, isoUtc(to));
    std::vector<VoucherMovement> out;
    while (s.executeStep()) out.push_back(voucherMovementOf(s));
    return out;
}

// ---- The frozen journal

std::vector<JournalEntry> SqliteAccounting::journalEntries(LocalDate from, LocalDate to) {
    auto& s = statement(kJournalLines);
    s.bind(1, isoDate(from));
    s.bind(2, isoDate(to));
    std::vector<JournalEntry> out;
    std::int64_t current = 0;
    while (s.executeStep()) {
        const std::int64_t id = s.getColumn(0).getInt64();
        if (out.empty() || id != current) {
            current = id;
            entryOf(s, out.emplace_back());
        }
        out.back().lines.push_back(lineOf(s));
    }
    return out;
}

// One step of one statement per line: SQLite reads the pages as it goes, nothing piles up.
void SqliteAccounting::forEachJournalLine(LocalDate from, LocalDate to,
                                          const std::function<void(const JournalEntry& entry)>& line) {
    auto& s = statement(kJournalLines);
    s.bind(1, isoDate(from));
    s.bind(2, isoDate(to));
    JournalEntry e;
    e.lines.resize(1);
    std::int64_t current = 0;
    bool first = true;
    while (s.executeStep()) {
        const std::int64_t id = s.getColumn(0).getInt64();
        if (first || id != current) {
            first = false;
            current = id;
            entryOf(s, e);
        }
        e.lines[0] = lineOf(s);
        line(e);
    }
}

std::map<Journal, std::int64_t> SqliteAccounting::lastJournalNumbers(LocalDate from, LocalDate to) {
    auto& s = statement(kLastJournalNumbers);
    s.bind(1, isoDate(from));
    s.bind(2, isoDate(to));
    std::map<Journal, std::int64_t> out;
    while (s.executeStep()) out[enumOf<Journal>(s.getColumn(0), parseJournalCode)] = s.getColumn(1).getInt64();
    return out;
}

std::vector<std::string> SqliteAccounting::frozenPeriods() {
    auto& s = statement(kFrozenPeriods);
    std::vector<std::string> out;
    while (s.executeStep()) out.push_back(s.getColumn(0).getString());
    return out;
}

// Two prepared statements run once per entry and once per line, inside the write's transaction.
void SqliteAccounting::freezeJournal(const std::string& period, const std::vector<JournalEntry>& entries,
                                     Instant at) {
    auto& p = statement(kInsertPeriod);
    p.bind(1, period);
    p.bind(2, isoUtc(at));
    if (p.exec() == 0) throw ConflictError("the journal of " + period + " is frozen already");

    auto& last = statement(kLastEntryId);
    last.executeStep();
    std::int64_t id = last.getColumn(0).getInt64();
    last.tryReset();

    // Each taken once from the cache (its key is the whole text), then reset by hand per row.
    auto& es = statement(kInsertEntry);
    auto& ls = statement(kInsertLine);
    for (const auto& e : entries) {
        ++id;
        es.tryReset();
        es.bind(1, id);
        es.bind(2, period);
        es.bind(3, std::string(journalCode(e.journal)));
        es.bind(4, e.number);
        es.bind(5, isoDate(e.date));
        es.bind(6, e.pieceRef);
        es.bind(7, isoDate(e.pieceDate));
        es.bind(8, e.label);
        es.bind(9, e.source);
        es.exec();
        int lineNo = 0;
        for (const auto& l : e.lines) {
            ls.tryReset();
            ls.bind(1, id);
            ls.bind(2, ++lineNo);
            ls.bind(3, l.account);
            ls.bind(4, l.accountLabel);
            ls.bind(5, l.debit.cents());
            ls.bind(6, l.credit.cents());
            ls.bind(7, l.label);
            ls.exec();
        }
    }
}

}  // namespace narcisse::data
