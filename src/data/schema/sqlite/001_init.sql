-- Sweet Narcisse back-office, embedded schema v1.
-- Instants are UTC text "YYYY-MM-DDTHH:MM:SSZ"; dates "YYYY-MM-DD"; money in integer cents.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE boats (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    capacity   INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 50),
    status     TEXT NOT NULL CHECK (status IN ('IN_SERVICE', 'MAINTENANCE', 'RETIRED')),
    colour     TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE employees (
    id            TEXT PRIMARY KEY,
    login         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'accountant', 'staff')),
    active        INTEGER NOT NULL DEFAULT 1,
    password_hash TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT ''
);

CREATE TABLE customers (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    email    TEXT NOT NULL DEFAULT '',
    phone    TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'fr'
) WITHOUT ROWID;

CREATE TABLE timetable_rules (
    id              TEXT PRIMARY KEY,
    valid_from      TEXT NOT NULL,
    valid_to        TEXT NOT NULL,
    weekdays        INTEGER NOT NULL,
    first_departure INTEGER NOT NULL,   -- minutes after local midnight
    last_departure  INTEGER NOT NULL,
    interval_min    INTEGER NOT NULL,
    duration_min    INTEGER NOT NULL
);

CREATE TABLE price_lists (
    id          TEXT PRIMARY KEY,
    valid_from  TEXT NOT NULL,
    currency    TEXT NOT NULL DEFAULT 'EUR',
    adult_cents INTEGER NOT NULL,
    child_cents INTEGER NOT NULL,
    baby_cents  INTEGER NOT NULL,
    vat_bp      INTEGER NOT NULL
);

CREATE TABLE blocks (
    id       TEXT PRIMARY KEY,
    start_at TEXT NOT NULL,
    end_at   TEXT NOT NULL,
    boat_id  TEXT REFERENCES boats(id),
    reason   TEXT NOT NULL,
    starts_only INTEGER NOT NULL DEFAULT 0   -- 1: closes the departures starting in the range only
);
CREATE INDEX blocks_time ON blocks(start_at, end_at);

-- Clustered by departure (WITHOUT ROWID, primary key led by the departure): a day's bookings sit
-- on neighbouring pages, so the planning of one day reads a few pages, not one per booking.
-- The key's columns come first and in key order: SQLite 3.40's integrity check misreads NOT NULL
-- columns placed between them in a WITHOUT ROWID table.
CREATE TABLE bookings (
    departure_start TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    id              TEXT NOT NULL UNIQUE,
    ref             TEXT NOT NULL UNIQUE,
    boat_id         TEXT NOT NULL REFERENCES boats(id),
    departure_end   TEXT NOT NULL,
    adults          INTEGER NOT NULL,
    children        INTEGER NOT NULL,
    babies          INTEGER NOT NULL,
    language        TEXT NOT NULL,
    channel         TEXT NOT NULL CHECK (channel IN ('WEB', 'DESK', 'PHONE')),
    state           TEXT NOT NULL CHECK (state IN ('PENDING', 'CONFIRMED', 'CANCELLED', 'EXPIRED',
                                                   'EMBARQUED', 'COMPLETED', 'NO_SHOW')),
    expires_at      TEXT,
    currency        TEXT NOT NULL DEFAULT 'EUR',
    total_cents     INTEGER NOT NULL,
    customer_id     TEXT REFERENCES customers(id),
    notes           TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (departure_start, created_at, id)
) WITHOUT ROWID;

-- Clustered by booking (key columns first, as for bookings): a planning reads what each of its
-- bookings paid with one seek per booking, not an index seek plus a table seek.
CREATE TABLE payments (
    booking_id   TEXT NOT NULL REFERENCES bookings(id),
    created_at   TEXT NOT NULL,
    id           TEXT NOT NULL UNIQUE,
    method       TEXT NOT NULL CHECK (method IN ('CASH', 'CARD', 'VOUCHER', 'STRIPE', 'PAYPAL')),
    currency     TEXT NOT NULL DEFAULT 'EUR',
    amount_cents INTEGER NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    provider_ref TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (booking_id, created_at, id)
) WITHOUT ROWID;

CREATE TABLE refunds (
    id           TEXT PRIMARY KEY,
    payment_id   TEXT NOT NULL REFERENCES payments(id),
    booking_id   TEXT NOT NULL REFERENCES bookings(id),
    currency     TEXT NOT NULL DEFAULT 'EUR',
    amount_cents INTEGER NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('OWED', 'DONE')),
    reason       TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);
CREATE INDEX refunds_booking ON refunds(booking_id);

CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    at          TEXT NOT NULL,
    employee_id TEXT REFERENCES employees(id),
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    details     TEXT NOT NULL DEFAULT ''
);

-- Money and the audit trail are append-only (DESIGN.md §4): the database refuses the rest.
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'payments are never deleted; record a refund'); END;
CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments
BEGIN SELECT RAISE(ABORT, 'payments are never edited; record a counter-entry'); END;
CREATE TRIGGER refunds_no_delete BEFORE DELETE ON refunds
BEGIN SELECT RAISE(ABORT, 'refunds are never deleted'); END;
-- An owed refund is paid out later (OWED → DONE); nothing else about a refund changes in place.
CREATE TRIGGER refunds_only_settle BEFORE UPDATE ON refunds
WHEN NOT (OLD.status = 'OWED' AND NEW.status = 'DONE'
          AND NEW.id IS OLD.id AND NEW.payment_id IS OLD.payment_id AND NEW.booking_id IS OLD.booking_id
          AND NEW.currency IS OLD.currency AND NEW.amount_cents IS OLD.amount_cents
          AND NEW.reason IS OLD.reason AND NEW.created_at IS OLD.created_at)
BEGIN SELECT RAISE(ABORT, 'refunds are never edited; only an owed refund may be marked done'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
