-- The desk (issue 4): hash-chained fiscal records (receipts, closings, the event journal and the
-- seals of payments and refunds), receipt reprints, gift vouchers and their movements, the cash
-- drawer's sessions and movements; refunds say how the money went back and who gave it.
-- Everything financial here is append-only: the database refuses the rest (DESIGN.md §4).

-- Each chain numbers its records 1, 2, 3… without gap; a seq taken twice is refused by the key.
CREATE TABLE chain_records (
    chain     TEXT NOT NULL CHECK (chain IN ('receipt', 'payment', 'refund', 'closing', 'event')),
    seq       INTEGER NOT NULL CHECK (seq >= 1),
    at        TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    content   TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL,
    PRIMARY KEY (chain, seq)
) WITHOUT ROWID;
CREATE INDEX chain_records_at ON chain_records(chain, at);
CREATE INDEX chain_records_entity ON chain_records(chain, entity_id);

CREATE TABLE receipt_reprints (
    id             TEXT PRIMARY KEY,
    receipt_number INTEGER NOT NULL,
    at             TEXT NOT NULL,
    employee_id    TEXT REFERENCES employees(id)
);
CREATE INDEX receipt_reprints_number ON receipt_reprints(receipt_number);

CREATE TABLE vouchers (
    id             TEXT PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL CHECK (kind IN ('AMOUNT', 'RIDE')),
    value_cents    INTEGER NOT NULL,
    currency       TEXT NOT NULL DEFAULT 'EUR',
    adults         INTEGER NOT NULL DEFAULT 0,
    children       INTEGER NOT NULL DEFAULT 0,
    babies         INTEGER NOT NULL DEFAULT 0,
    buyer_name     TEXT NOT NULL DEFAULT '',
    recipient_name TEXT NOT NULL DEFAULT '',
    message        TEXT NOT NULL DEFAULT '',
    expires_on     TEXT NOT NULL,
    sold_at        TEXT NOT NULL,
    paid_with      TEXT CHECK (paid_with IN ('CASH', 'CARD', 'VOUCHER', 'STRIPE', 'PAYPAL')),
    vat            TEXT NOT NULL CHECK (vat IN ('SINGLE', 'MULTI')),
    vat_bp         INTEGER NOT NULL,
    employee_id    TEXT REFERENCES employees(id)
);
CREATE INDEX vouchers_sold ON vouchers(sold_at);

CREATE TABLE voucher_movements (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,   -- the order written, whatever the clocks
    id           TEXT NOT NULL UNIQUE,
    voucher_id   TEXT NOT NULL REFERENCES vouchers(id),
    at           TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('REDEEM', 'CREDIT', 'EXTEND')),
    amount_cents INTEGER NOT NULL,
    currency     TEXT NOT NULL DEFAULT 'EUR',
    booking_id   TEXT REFERENCES bookings(id),
    new_expiry   TEXT,
    employee_id  TEXT REFERENCES employees(id),
    note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX voucher_movements_voucher ON voucher_movements(voucher_id, at);

CREATE TABLE cash_sessions (
    id                  TEXT PRIMARY KEY,
    desk                TEXT NOT NULL,
    opened_at           TEXT NOT NULL,
    opened_by           TEXT REFERENCES employees(id),
    opening_float_cents INTEGER NOT NULL,
    currency            TEXT NOT NULL DEFAULT 'EUR',
    opening_count       TEXT NOT NULL DEFAULT '',   -- "50x2,20x5,0.50x3"
    closed_at           TEXT,
    closing_number      INTEGER
);
-- One open session per desk.
CREATE UNIQUE INDEX cash_sessions_one_open ON cash_sessions(desk) WHERE closed_at IS NULL;

CREATE TABLE cash_movements (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,   -- the order written, whatever the clocks
    id           TEXT NOT NULL UNIQUE,
    session_id   TEXT NOT NULL REFERENCES cash_sessions(id),
    at           TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    currency     TEXT NOT NULL DEFAULT 'EUR',
    reason       TEXT NOT NULL,
    bank_deposit INTEGER NOT NULL DEFAULT 0,
    employee_id  TEXT REFERENCES employees(id)
);
CREATE INDEX cash_movements_session ON cash_movements(session_id, at);

-- How an owed or done refund went back (NULL: owed, the provider's work) and who gave it.
ALTER TABLE refunds ADD COLUMN method TEXT CHECK (method IN ('CASH', 'CARD', 'VOUCHER', 'STRIPE', 'PAYPAL'));
ALTER TABLE refunds ADD COLUMN employee_id TEXT REFERENCES employees(id);

-- A booking's history (auditOfEntity) and the desk's search by customer.
CREATE INDEX audit_log_entity ON audit_log(entity_id, seq);
CREATE INDEX bookings_customer ON bookings(customer_id);

CREATE TRIGGER chain_records_no_update BEFORE UPDATE ON chain_records
BEGIN SELECT RAISE(ABORT, 'chain records are never edited; they are sealed'); END;
CREATE TRIGGER chain_records_no_delete BEFORE DELETE ON chain_records
BEGIN SELECT RAISE(ABORT, 'chain records are never deleted'); END;
CREATE TRIGGER receipt_reprints_no_update BEFORE UPDATE ON receipt_reprints
BEGIN SELECT RAISE(ABORT, 'receipt reprints are never edited'); END;
CREATE TRIGGER receipt_reprints_no_delete BEFORE DELETE ON receipt_reprints
BEGIN SELECT RAISE(ABORT, 'receipt reprints are never deleted'); END;
CREATE TRIGGER vouchers_no_update BEFORE UPDATE ON vouchers
BEGIN SELECT RAISE(ABORT, 'vouchers are never edited; record a movement'); END;
CREATE TRIGGER vouchers_no_delete BEFORE DELETE ON vouchers
BEGIN SELECT RAISE(ABORT, 'vouchers are never deleted; record a movement'); END;
CREATE TRIGGER voucher_movements_no_update BEFORE UPDATE ON voucher_movements
BEGIN SELECT RAISE(ABORT, 'voucher movements are never edited; record a counter-movement'); END;
CREATE TRIGGER voucher_movements_no_delete BEFORE DELETE ON voucher_movements
BEGIN SELECT RAISE(ABORT, 'voucher movements are never deleted; record a counter-movement'); END;
CREATE TRIGGER cash_movements_no_update BEFORE UPDATE ON cash_movements
BEGIN SELECT RAISE(ABORT, 'cash movements are never edited; record a counter-movement'); END;
CREATE TRIGGER cash_movements_no_delete BEFORE DELETE ON cash_movements
BEGIN SELECT RAISE(ABORT, 'cash movements are never deleted; record a counter-movement'); END;
-- A session is closed once by its daily closing (closed_at and closing_number set from NULL);
-- nothing else about it changes.
CREATE TRIGGER cash_sessions_only_close BEFORE UPDATE ON cash_sessions
WHEN NOT (OLD.closed_at IS NULL AND OLD.closing_number IS NULL
          AND NEW.closed_at IS NOT NULL AND NEW.closing_number IS NOT NULL
          AND NEW.id IS OLD.id AND NEW.desk IS OLD.desk AND NEW.opened_at IS OLD.opened_at
          AND NEW.opened_by IS OLD.opened_by AND NEW.opening_float_cents IS OLD.opening_float_cents
          AND NEW.currency IS OLD.currency AND NEW.opening_count IS OLD.opening_count)
BEGIN SELECT RAISE(ABORT, 'a cash session is only ever closed, once; nothing else about it changes'); END;
CREATE TRIGGER cash_sessions_no_delete BEFORE DELETE ON cash_sessions
BEGIN SELECT RAISE(ABORT, 'cash sessions are never deleted'); END;
