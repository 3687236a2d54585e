#include "data/pg_store_accounting.h"

#include <tuple>

namespace narcisse::data {

using namespace narcisse::domain;

namespace {

// Ranges on the creation time are range scans of the *_created / *_at indexes (005_journal.sql);
// the movements' ties come out in the order written (seq).
constexpr Sql kPaymentsBetween{"select_payments_between", R"(
    SELECT id, booking_id, method, currency, amount_cents, status, provider_ref,
           extract(epoch FROM created_at)::bigint AS created_at
    FROM payments WHERE created_at >= to_timestamp($1) AND created_at < to_timestamp($2)
    ORDER BY payments.created_at, id)"};
constexpr Sql kRefundsBetween{"select_refunds_between", R"(
    SELECT id, payment_id, booking_id, currency, amount_cents, status, reason,
           extract(epoch FROM created_at)::bigint, method, employee_id
    FROM refunds WHERE created_at >= to_timestamp($1) AND created_at < to_timestamp($2)
    ORDER BY created_at, id)"};
constexpr Sql kCashMovementsBetween{"select_cash_movements_between", R"(
    SELECT id, session_id, extract(epoch FROM at)::bigint, amount_cents, currency, reason, bank_deposit, employee_id
    FROM cash_movements WHERE at >= to_timestamp($1) AND at < to_timestamp($2) ORDER BY at, seq)"};
constexpr Sql kVoucherMovementsBetween{"select_voucher_movements_between", R"(
    SELECT id, voucher_id, extract(epoch FROM at)::bigint, kind, amount_cents, currency, booking_id,
           to_char(new_expiry, 'YYYY-MM-DD') AS new_expiry, employee_id, note
    FROM voucher_movements WHERE at >= to_timestamp($1) AND at < to_timestamp($2) ORDER BY at, seq)"};

// Every entry line, in the export's order: date, journal code, number, then line. Columns 0–7 are
// the entry (its id first), 8–12 the line. `%` stands for the bounds: parameters when prepared,
// quoted literals in a cursor's DECLARE (which takes no parameters).
constexpr const char* kJournalLinesHead = R"(
    SELECT e.id, e.journal, e.number, to_char(e.entry_date, 'YYYY-MM-DD') AS entry_date, e.piece_ref,
           to_char(e.piece_date, 'YYYY-MM-DD') AS piece_date, e.label, e.source,
           l.account, l.account_label, l.debit_cents, l.credit_cents, l.label
    FROM journal_entries e JOIN journal_lines l ON l.entry = e.id
    WHERE e.entry_date >= )";
constexpr const char* kJournalLinesTail = R"(
    ORDER BY e.entry_date, e.journal, e.number, e.id, l.line_no)";

std::string journalLinesSql(const std::string& from, const std::string& to) {
    return std::string(kJournalLinesHead) + from + "::date AND e.entry_date <= " + to + "::date" + kJournalLinesTail;
}

const Sql& journalLinesStatement() {
    static const std::string text = journalLinesSql("$1", "$2");
    static const Sql sql{"select_journal_lines", text.c_str()};
    return sql;
}

constexpr Sql kLastJournalNumbers{"select_last_journal_numbers", R"(
    SELECT journal, max(number) FROM journal_entries WHERE entry_date >= $1::date AND entry_date <= $2::date
    GROUP BY journal)"};
constexpr Sql kFrozenPeriods{"select_frozen_periods", R"(SELECT period FROM journal_periods ORDER BY period COLLATE "C")"};
// A month frozen concurrently waits on the key, then finds it taken: no row back.
constexpr Sql kInsertPeriod{"insert_journal_period", R"(
    INSERT INTO journal_periods (period, frozen_at) VALUES ($1, to_timestamp($2))
    ON CONFLICT DO NOTHING RETURNING period)"};
constexpr Sql kReserveEntryIds{"reserve_journal_entry_ids", R"(
    SELECT nextval(pg_get_serial_sequence('journal_entries', 'id')) FROM generate_series(1, $1))"};

void entryOf(const pqxx::row& row, JournalEntry& e) {
    e.journal = enumOf<Journal>(row[1], parseJournalCode);
    e.number = row[2].as<std::int64_t>();
    e.date = dateOf(row[3]);
    e.pieceRef = row[4].as<std::string>();
    e.pieceDate = dateOf(row[5]);
    e.label = row[6].as<std::string>();
    e.source = row[7].as<std::string>();
}

JournalLine lineOf(const pqxx::row& row) {
    JournalLine l;
    l.account = row[8].as<std::string>();
    l.accountLabel = row[9].as<std::string>();
    l.debit = Money::cents(row[10].as<std::int64_t>());
    l.credit = Money::cents(row[11].as<std::int64_t>());
    l.label = row[12].as<std::string>();
    return l;
}

}  // namespace

// ---- What was recorded over a period

std::vector<Payment> PgAccounting::paymentsBetween(Instant from, Instant to) {
    std::vector<Payment> out;
    for (const auto& row : exec(kPaymentsBetween, epochOf(from), epochOf(to))) out.push_back(paymentOf(row));
    return out;
}

std::vector<Refund> PgAccounting::refundsBetween(Instant from, Instant to) {
    std::vector<Refund> out;
    for (const auto& row : exec(kRefundsBetween, epochOf(from), epochOf(to))) out.push_back(refundOf(row));
    return out;
}

std::vector<CashMovement> PgAccounting::cashMovementsBetween(Instant from, Instant to) {
    std::vector<CashMovement> out;
    for (const auto& row : exec(kCashMovementsBetween, epochOf(from), epochOf(to))) out.push_back(cashMovementOf(row));
    return out;
}

std::vector<VoucherMovement> PgAccounting::voucherMovementsBetween(Instant from, Instant to) {
    std::vector<VoucherMovement> out;
    for (const auto& row : exec(kVoucherMovementsBetween, epochOf(from), epochOf(to))) out.push_back(voucherMovementOf(row));
    return out;
}

// ---- The frozen journal

std::vector<JournalEntry> PgAccounting::journalEntries(LocalDate from, LocalDate to) {
    std::vector<JournalEntry> out;
    std::int64_t current = 0;
    for (const auto& row : exec(journalLinesStatement(), isoDate(from), isoDate(to))) {
        const auto id = row[0].as<std::int64_t>();
        if (out.empty() || id != current) {
            current = id;
            entryOf(row, out.emplace_back());
        }
        out.back().lines.push_back(lineOf(row));
    }
    return out;
}

void PgAccounting::forEachJournalLine(LocalDate from, LocalDate to,
                                      const std::function<void(const JournalEntry& entry)>& line) {
    // COPY (query) TO STDOUT streams the rows as the server produces them — the way psql's \copy
    // reads — instead of a cursor's round trips. libpqxx 6.4's stream_from takes a "table name"
    // that it places after COPY: a parenthesised query is what PostgreSQL accepts there.
    pqxx::stream_from stream(m_tx, "(" + journalLinesSql(m_tx.quote(isoDate(from)), m_tx.quote(isoDate(to))) + ")");
    std::tuple<std::int64_t, std::string, std::int64_t, std::string, std::string, std::string, std::string, std::string,
               std::string, std::string, std::int64_t, std::int64_t, std::string>
        row;
    JournalEntry e;
    e.lines.resize(1);
    std::int64_t current = 0;
    bool first = true;
    while (stream >> row) {
        const auto id = std::get<0>(row);
        if (first || id != current) {
            first = false;
            current = id;
            e.journal = parseJournalCode(std::get<1>(row)).value_or(Journal::Misc);
            e.number = std::get<2>(row);
            e.date = parseDate(std::get<3>(row), "entry_date");
            e.pieceRef = std::move(std::get<4>(row));
            e.pieceDate = parseDate(std::get<5>(row), "piece_date");
            e.label = std::move(std::get<6>(row));
            e.source = std::move(std::get<7>(row));
        }
        JournalLine& l = e.lines[0];
        l.account = std::move(std::get<8>(row));
        l.accountLabel = std::move(std::get<9>(row));
        l.debit = Money::cents(std::get<10>(row));
        l.credit = Money::cents(std::get<11>(row));
        l.label = std::move(std::get<12>(row));
        line(e);
    }
    stream.complete();
}

std::map<Journal, std::int64_t> PgAccounting::lastJournalNumbers(LocalDate from, LocalDate to) {
    std::map<Journal, std::int64_t> out;
    for (const auto& row : exec(kLastJournalNumbers, isoDate(from), isoDate(to)))
        out[enumOf<Journal>(row[0], parseJournalCode)] = row[1].as<std::int64_t>();
    return out;
}

std::vector<std::string> PgAccounting::frozenPeriods() {
    std::vector<std::string> out;
    for (const auto& row : exec(kFrozenPeriods)) out.push_back(row[0].as<std::string>());
    return out;
}

void PgAccounting::freezeJournal(const std::string& period, const std::vector<JournalEntry>& entries, Instant at) {
    if (exec(kInsertPeriod, period, epochOf(at)).empty())
        throw ConflictError("the journal of " + period + " is frozen already");
    if (entries.empty()) return;

    std::vector<std::int64_t> ids;
    ids.reserve(entries.size());
    for (const auto& row : exec(kReserveEntryIds, static_cast<std::int64_t>(entries.size())))
        ids.push_back(row[0].as<std::int64_t>());

    {
        pqxx::stream_to out(m_tx, "journal_entries",
                            std::vector<std::string>{"id", "period", "journal", "number", "entry_date", "piece_ref",
                                                     "piece_date", "label", "source"});
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const auto& e = entries[i];
            out << std::make_tuple(ids[i], period, std::string(journalCode(e.journal)), e.number, isoDate(e.date),
                                   e.pieceRef, isoDate(e.pieceDate), e.label, e.source);
        }
        out.complete();
    }
    {
        pqxx::stream_to out(m_tx, "journal_lines",
                            std::vector<std::string>{"entry", "line_no", "account", "account_label", "debit_cents",
                                                     "credit_cents", "label"});
        for (std::size_t i = 0; i < entries.size(); ++i) {
            int lineNo = 0;
            for (const auto& l : entries[i].lines)
                out << std::make_tuple(ids[i], ++lineNo, l.account, l.accountLabel, l.debit.cents(), l.credit.cents(),
                                       l.label);
        }
        out.complete();
    }
}

}  // namespace narcisse::data
