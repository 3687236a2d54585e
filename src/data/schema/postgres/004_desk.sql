-- The desk (issue 4): the same tables as sqlite/004_desk.sql — hash-chained fiscal records, receipt
-- reprints, gift vouchers and their movements, the cash drawer's sessions and movements; refunds say
-- how the money went back and who gave it. Append-only, refused by the database itself.

-- Each chain numbers its records 1, 2, 3… without gap; a seq taken twice is refused by the key.
-- Writers serialise per chain with an advisory lock (PgStore: pg_advisory_xact_lock(21326, 16 + chain)).
CREATE TABLE chain_records (
    chain     text NOT NULL CHECK (chain IN ('receipt', 'payment', 'refund', 'closing', 'event')),
    seq       bigint NOT NULL CHECK (seq >= 1),
    at        timestamptz NOT NULL,
    entity_id text NOT NULL,
    content   text NOT NULL,
    prev_hash text NOT NULL,
    hash      text NOT NULL,
    PRIMARY KEY (chain, seq)
);
CREATE INDEX chain_records_at ON chain_records(chain, at);
CREATE INDEX chain_records_entity ON chain_records(chain, entity_id);

CREATE TABLE receipt_reprints (
    id             uuid PRIMARY KEY,
    receipt_number bigint NOT NULL,
    at             timestamptz NOT NULL,
    employee_id    uuid REFERENCES employees(id)
);
CREATE INDEX receipt_reprints_number ON receipt_reprints(receipt_number);

CREATE TABLE vouchers (
    id             uuid PRIMARY KEY,
    code           text NOT NULL UNIQUE,
    kind           text NOT NULL CHECK (kind IN ('AMOUNT', 'RIDE')),
    value_cents    bigint NOT NULL,
    currency       text NOT NULL DEFAULT 'EUR',
    adults         integer NOT NULL DEFAULT 0,
    children       integer NOT NULL DEFAULT 0,
    babies         integer NOT NULL DEFAULT 0,
    buyer_name     text NOT NULL DEFAULT '',
    recipient_name text NOT NULL DEFAULT '',
    message        text NOT NULL DEFAULT '',
    expires_on     date NOT NULL,
    sold_at        timestamptz NOT NULL,
    paid_with      text CHECK (paid_with IN ('CASH', 'CARD', 'VOUCHER', 'STRIPE', 'PAYPAL')),
    vat            text NOT NULL CHECK (vat IN ('SINGLE', 'MULTI')),
    vat_bp         integer NOT NULL,
    employee_id    uuid REFERENCES employees(id)
);
CREATE INDEX vouchers_sold ON vouchers(sold_at);

CREATE TABLE voucher_movements (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- the order written, whatever the clocks
    id           uuid NOT NULL UNIQUE,
    voucher_id   uuid NOT NULL REFERENCES vouchers(id),
    at           timestamptz NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('REDEEM', 'CREDIT', 'EXTEND')),
    amount_cents bigint NOT NULL,
    currency     text NOT NULL DEFAULT 'EUR',
    booking_id   uuid REFERENCES bookings(id),
    new_expiry   date,
    employee_id  uuid REFERENCES employees(id),
    note         text NOT NULL DEFAULT ''
);
CREATE INDEX voucher_movements_voucher ON voucher_movements(voucher_id, at);

CREATE TABLE cash_sessions (
    id                  uuid PRIMARY KEY,
    desk                text NOT NULL,
    opened_at           timestamptz NOT NULL,
    opened_by           uuid REFERENCES employees(id),
    opening_float_cents bigint NOT NULL,
    currency            text NOT NULL DEFAULT 'EUR',
    opening_count       text NOT NULL DEFAULT '',   -- "50x2,20x5,0.50x3"
    closed_at           timestamptz,
    closing_number      bigint
);
-- One open session per desk.
CREATE UNIQUE INDEX cash_sessions_one_open ON cash_sessions(desk) WHERE closed_at IS NULL;

CREATE TABLE cash_movements (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- the order written, whatever the clocks
    id           uuid NOT NULL UNIQUE,
    session_id   uuid NOT NULL REFERENCES cash_sessions(id),
    at           timestamptz NOT NULL,
    amount_cents bigint NOT NULL,
    currency     text NOT NULL DEFAULT 'EUR',
    reason       text NOT NULL,
    bank_deposit boolean NOT NULL DEFAULT false,
    employee_id  uuid REFERENCES employees(id)
);
CREATE INDEX cash_movements_session ON cash_movements(session_id, at);

-- How an owed or done refund went back (NULL: owed, the provider's work) and who gave it.
ALTER TABLE refunds ADD COLUMN method text CHECK (method IN ('CASH', 'CARD', 'VOUCHER', 'STRIPE', 'PAYPAL'));
ALTER TABLE refunds ADD COLUMN employee_id uuid REFERENCES employees(id);

-- A booking's history (auditOfEntity) and the desk's search by customer.
CREATE INDEX audit_log_entity ON audit_log(entity_id, seq);
CREATE INDEX bookings_customer ON bookings(customer_id);
-- The search by reference prefix is a range on ref: byte order (C) makes that range exact whatever the
-- database's collation, and lets the unique index serve it. References are ASCII, so equality is unchanged.
ALTER TABLE bookings ALTER COLUMN ref TYPE text COLLATE "C";

CREATE TRIGGER chain_records_no_update BEFORE UPDATE ON chain_records
    FOR EACH ROW EXECUTE FUNCTION refuse_change('chain records are never edited; they are sealed');
CREATE TRIGGER chain_records_no_delete BEFORE DELETE ON chain_records
    FOR EACH ROW EXECUTE FUNCTION refuse_change('chain records are never deleted');
CREATE TRIGGER chain_records_no_truncate BEFORE TRUNCATE ON chain_records
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('chain records are never deleted');

CREATE TRIGGER receipt_reprints_no_update BEFORE UPDATE ON receipt_reprints
    FOR EACH ROW EXECUTE FUNCTION refuse_change('receipt reprints are never edited');
CREATE TRIGGER receipt_reprints_no_delete BEFORE DELETE ON receipt_reprints
    FOR EACH ROW EXECUTE FUNCTION refuse_change('receipt reprints are never deleted');
CREATE TRIGGER receipt_reprints_no_truncate BEFORE TRUNCATE ON receipt_reprints
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('receipt reprints are never deleted');

CREATE TRIGGER vouchers_no_update BEFORE UPDATE ON vouchers
    FOR EACH ROW EXECUTE FUNCTION refuse_change('vouchers are never edited; record a movement');
CREATE TRIGGER vouchers_no_delete BEFORE DELETE ON vouchers
    FOR EACH ROW EXECUTE FUNCTION refuse_change('vouchers are never deleted; record a movement');
CREATE TRIGGER vouchers_no_truncate BEFORE TRUNCATE ON vouchers
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('vouchers are never deleted; record a movement');

CREATE TRIGGER voucher_movements_no_update BEFORE UPDATE ON voucher_movements
    FOR EACH ROW EXECUTE FUNCTION refuse_change('voucher movements are never edited; record a counter-movement');
CREATE TRIGGER voucher_movements_no_delete BEFORE DELETE ON voucher_movements
    FOR EACH ROW EXECUTE FUNCTION refuse_change('voucher movements are never deleted; record a counter-movement');
CREATE TRIGGER voucher_movements_no_truncate BEFORE TRUNCATE ON voucher_movements
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('voucher movements are never deleted; record a counter-movement');

CREATE TRIGGER cash_movements_no_update BEFORE UPDATE ON cash_movements
    FOR EACH ROW EXECUTE FUNCTION refuse_change('cash movements are never edited; record a counter-movement');
CREATE TRIGGER cash_movements_no_delete BEFORE DELETE ON cash_movements
    FOR EACH ROW EXECUTE FUNCTION refuse_change('cash movements are never deleted; record a counter-movement');
CREATE TRIGGER cash_movements_no_truncate BEFORE TRUNCATE ON cash_movements
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('cash movements are never deleted; record a counter-movement');

-- A session is closed once by its daily closing (closed_at and closing_number set from NULL);
-- nothing else about it changes.
CREATE TRIGGER cash_sessions_only_close BEFORE UPDATE ON cash_sessions
    FOR EACH ROW WHEN (NOT (OLD.closed_at IS NULL AND OLD.closing_number IS NULL
                            AND NEW.closed_at IS NOT NULL AND NEW.closing_number IS NOT NULL
                            AND (NEW.id, NEW.desk, NEW.opened_at, NEW.opened_by, NEW.opening_float_cents,
                                 NEW.currency, NEW.opening_count)
                                IS NOT DISTINCT FROM
                                (OLD.id, OLD.desk, OLD.opened_at, OLD.opened_by, OLD.opening_float_cents,
                                 OLD.currency, OLD.opening_count)))
    EXECUTE FUNCTION refuse_change('a cash session is only ever closed, once; nothing else about it changes');
CREATE TRIGGER cash_sessions_no_delete BEFORE DELETE ON cash_sessions
    FOR EACH ROW EXECUTE FUNCTION refuse_change('cash sessions are never deleted');
CREATE TRIGGER cash_sessions_no_truncate BEFORE TRUNCATE ON cash_sessions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('cash sessions are never deleted');
