-- Accounting (issue 6): the journal entries of each month, frozen once generated (reference/
-- ACCOUNTING-FR.md): a frozen month is never regenerated, its entries never edited nor deleted.
-- Money in cents, dates as 'YYYY-MM-DD'. The database refuses any change (DESIGN.md §4).

-- One row per frozen month ("2026-07"); a month frozen twice is refused by the key.
CREATE TABLE journal_periods (
    period    TEXT PRIMARY KEY CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    frozen_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE journal_entries (
    id         INTEGER PRIMARY KEY,
    period     TEXT NOT NULL REFERENCES journal_periods(period),
    journal    TEXT NOT NULL CHECK (journal IN ('VT', 'CA', 'BQ', 'OD')),
    number     INTEGER NOT NULL CHECK (number >= 1),
    entry_date TEXT NOT NULL,
    piece_ref  TEXT NOT NULL DEFAULT '',
    piece_date TEXT NOT NULL,
    label      TEXT NOT NULL DEFAULT '',
    source     TEXT NOT NULL DEFAULT '',
    UNIQUE (period, journal, number)
);
-- journalEntries, forEachJournalLine and lastJournalNumbers: a range of dates, in the export's order.
CREATE INDEX journal_entries_date ON journal_entries(entry_date, journal, number);

-- Clustered by entry: an entry's lines are read with one seek.
CREATE TABLE journal_lines (
    entry         INTEGER NOT NULL REFERENCES journal_entries(id),
    line_no       INTEGER NOT NULL CHECK (line_no >= 1),
    account       TEXT NOT NULL,
    account_label TEXT NOT NULL DEFAULT '',
    debit_cents   INTEGER NOT NULL CHECK (debit_cents >= 0),
    credit_cents  INTEGER NOT NULL CHECK (credit_cents >= 0),
    label         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (entry, line_no)
) WITHOUT ROWID;

-- The accounting reads what was recorded over a period: ranges on the creation time (the rowid,
-- i.e. seq, follows in each index entry of the movements: their order written).
CREATE INDEX payments_created ON payments(created_at, id);
CREATE INDEX refunds_created ON refunds(created_at, id);
CREATE INDEX cash_movements_at ON cash_movements(at);
CREATE INDEX voucher_movements_at ON voucher_movements(at);

CREATE TRIGGER journal_periods_no_update BEFORE UPDATE ON journal_periods
BEGIN SELECT RAISE(ABORT, 'frozen journal periods are never edited'); END;
CREATE TRIGGER journal_periods_no_delete BEFORE DELETE ON journal_periods
BEGIN SELECT RAISE(ABORT, 'frozen journal periods are never deleted'); END;
CREATE TRIGGER journal_entries_no_update BEFORE UPDATE ON journal_entries
BEGIN SELECT RAISE(ABORT, 'journal entries are never edited; they are frozen'); END;
CREATE TRIGGER journal_entries_no_delete BEFORE DELETE ON journal_entries
BEGIN SELECT RAISE(ABORT, 'journal entries are never deleted; they are frozen'); END;
CREATE TRIGGER journal_lines_no_update BEFORE UPDATE ON journal_lines
BEGIN SELECT RAISE(ABORT, 'journal lines are never edited; they are frozen'); END;
CREATE TRIGGER journal_lines_no_delete BEFORE DELETE ON journal_lines
BEGIN SELECT RAISE(ABORT, 'journal lines are never deleted; they are frozen'); END;
