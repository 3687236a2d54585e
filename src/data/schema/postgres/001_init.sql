-- Sweet Narcisse back-office, shared (PostgreSQL) schema v1: the same tables as sqlite/001_init.sql.
-- Ids are client-generated uuids, instants timestamptz (UTC), dates date, money bigint cents.

CREATE TABLE settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE boats (
    id         uuid PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    capacity   integer NOT NULL CHECK (capacity BETWEEN 1 AND 50),
    status     text NOT NULL CHECK (status IN ('IN_SERVICE', 'MAINTENANCE', 'RETIRED')),
    colour     text NOT NULL,
    sort_order integer NOT NULL DEFAULT 0
);

CREATE TABLE employees (
    id            uuid PRIMARY KEY,
    login         text NOT NULL UNIQUE,
    name          text NOT NULL,
    role          text NOT NULL CHECK (role IN ('admin', 'manager', 'accountant', 'staff')),
    active        boolean NOT NULL DEFAULT true,
    password_hash text NOT NULL DEFAULT '',
    email         text NOT NULL DEFAULT ''
);

CREATE TABLE customers (
    id       uuid PRIMARY KEY,
    name     text NOT NULL,
    email    text NOT NULL DEFAULT '',
    phone    text NOT NULL DEFAULT '',
    language text NOT NULL DEFAULT 'fr'
);

CREATE TABLE timetable_rules (
    id              uuid PRIMARY KEY,
    valid_from      date NOT NULL,
    valid_to        date NOT NULL,
    weekdays        smallint NOT NULL,   -- bit 0 = Monday … bit 6 = Sunday
    first_departure integer NOT NULL,    -- minutes after local midnight
    last_departure  integer NOT NULL,
    interval_min    integer NOT NULL,
    duration_min    integer NOT NULL
);

CREATE TABLE price_lists (
    id          uuid PRIMARY KEY,
    valid_from  date NOT NULL,
    currency    text NOT NULL DEFAULT 'EUR',
    adult_cents bigint NOT NULL,
    child_cents bigint NOT NULL,
    baby_cents  bigint NOT NULL,
    vat_bp      integer NOT NULL
);

CREATE TABLE blocks (
    id       uuid PRIMARY KEY,
    start_at timestamptz NOT NULL,
    end_at   timestamptz NOT NULL,
    boat_id  uuid REFERENCES boats(id),
    reason   text NOT NULL,
    starts_only boolean NOT NULL DEFAULT false   -- true: closes the departures starting in the range only
);
CREATE INDEX blocks_time ON blocks(start_at, end_at);

CREATE TABLE bookings (
    id              uuid PRIMARY KEY,
    ref             text NOT NULL UNIQUE,
    boat_id         uuid NOT NULL REFERENCES boats(id),
    departure_start timestamptz NOT NULL,
    departure_end   timestamptz NOT NULL,
    adults          integer NOT NULL,
    children        integer NOT NULL,
    babies          integer NOT NULL,
    language        text NOT NULL,
    channel         text NOT NULL CHECK (channel IN ('WEB', 'DESK', 'PHONE')),
    state           text NOT NULL CHECK (state IN ('PENDING', 'CONFIRMED', 'CANCELLED', 'EXPIRED',
                                                   'EMBARQUED', 'COMPLETED', 'NO_SHOW')),
    expires_at      timestamptz,
    currency        text NOT NULL DEFAULT 'EUR',
    total_cents     bigint NOT NULL,
    customer_id     uuid REFERENCES customers(id),
    notes           text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL
);
CREATE INDEX bookings_departure ON bookings(departure_start, boat_id);

CREATE TABLE payments (
    id           uuid PRIMARY KEY,
    booking_id   uuid NOT NULL REFERENCES bookings(id),
    method       text NOT NULL CHECK (method IN ('CASH', 'CARD', 'VOUCHER', 'STRIPE', 'PAYPAL')),
    currency     text NOT NULL DEFAULT 'EUR',
    amount_cents bigint NOT NULL,
    status       text NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    provider_ref text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL
);
CREATE INDEX payments_booking ON payments(booking_id);

CREATE TABLE refunds (
    id           uuid PRIMARY KEY,
    payment_id   uuid NOT NULL REFERENCES payments(id),
    booking_id   uuid NOT NULL REFERENCES bookings(id),
    currency     text NOT NULL DEFAULT 'EUR',
    amount_cents bigint NOT NULL,
    status       text NOT NULL CHECK (status IN ('OWED', 'DONE')),
    reason       text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL
);
CREATE INDEX refunds_booking ON refunds(booking_id);

CREATE TABLE audit_log (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          uuid NOT NULL UNIQUE,
    at          timestamptz NOT NULL,
    employee_id uuid REFERENCES employees(id),
    action      text NOT NULL,
    entity      text NOT NULL,
    entity_id   text NOT NULL,
    details     text NOT NULL DEFAULT ''
);

-- Money and the audit trail are append-only (DESIGN.md §4): the database itself refuses the rest,
-- whoever connects (the website too). The SQLSTATE is an integrity violation, like SQLite's
-- RAISE(ABORT) in a trigger, so both stores report it the same way.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION refuse_change('payments are never edited; record a counter-entry');
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
    FOR EACH ROW EXECUTE FUNCTION refuse_change('payments are never deleted; record a refund');
CREATE TRIGGER payments_no_truncate BEFORE TRUNCATE ON payments
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('payments are never deleted; record a refund');

CREATE TRIGGER refunds_no_delete BEFORE DELETE ON refunds
    FOR EACH ROW EXECUTE FUNCTION refuse_change('refunds are never deleted');
CREATE TRIGGER refunds_no_truncate BEFORE TRUNCATE ON refunds
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('refunds are never deleted');
-- An owed refund is paid out later (OWED → DONE); nothing else about a refund changes in place.
CREATE TRIGGER refunds_only_settle BEFORE UPDATE ON refunds
    FOR EACH ROW WHEN (NOT (OLD.status = 'OWED' AND NEW.status = 'DONE'
                            AND (NEW.id, NEW.payment_id, NEW.booking_id, NEW.currency, NEW.amount_cents,
                                 NEW.reason, NEW.created_at)
                                IS NOT DISTINCT FROM
                                (OLD.id, OLD.payment_id, OLD.booking_id, OLD.currency, OLD.amount_cents,
                                 OLD.reason, OLD.created_at)))
    EXECUTE FUNCTION refuse_change('refunds are never edited; only an owed refund may be marked done');

CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change('the audit log is append-only');
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('the audit log is append-only');
