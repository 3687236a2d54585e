-- Planning (issue 3): one-off timetable changes, crews, the customer notification log (outbox),
-- and a change stamp the desks poll to refresh their planning when another program writes.

CREATE TABLE timetable_exceptions (
    id               uuid PRIMARY KEY,
    day              date NOT NULL,
    departure_minute integer NOT NULL CHECK (departure_minute BETWEEN 0 AND 1439),
    kind             text NOT NULL CHECK (kind IN ('EXTRA', 'CANCELLED')),
    duration_min     integer NOT NULL,
    note             text NOT NULL DEFAULT '',
    UNIQUE (day, departure_minute)
);

CREATE TABLE crew_assignments (
    id          uuid PRIMARY KEY,
    day         date NOT NULL,
    boat_id     uuid NOT NULL REFERENCES boats(id),
    employee_id uuid NOT NULL REFERENCES employees(id),
    UNIQUE (day, boat_id)
);
CREATE INDEX crew_assignments_employee ON crew_assignments(day, employee_id);

CREATE TABLE notifications (
    id         uuid PRIMARY KEY,
    booking_id uuid REFERENCES bookings(id),
    recipient  text NOT NULL,
    language   text NOT NULL,
    kind       text NOT NULL,
    subject    text NOT NULL,
    body       text NOT NULL,
    status     text NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    error      text NOT NULL DEFAULT '',
    attempts   integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    sent_at    timestamptz
);
CREATE INDEX notifications_status ON notifications(status, created_at);
CREATE INDEX notifications_created ON notifications(created_at);

-- The change stamp the desks poll (PgStore::changeStamp): one row, moved by every transaction that
-- changes what a planning shows, inside that transaction. A desk therefore sees the new stamp exactly
-- when it can see the change: a stamp read while the change is under way is still the old one, and a
-- rolled-back change never moves it. (A sequence moves at the statement, before the commit: a desk
-- polling in between refreshed without the change and was never told again.)
CREATE TABLE change_stamp (
    one_row    boolean PRIMARY KEY DEFAULT true CHECK (one_row),
    value      bigint NOT NULL,
    stamped_by xid8              -- the transaction that last moved it: once per transaction is enough
);
INSERT INTO change_stamp (value) VALUES (0);

CREATE FUNCTION bump_change_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE change_stamp SET value = value + 1, stamped_by = pg_current_xact_id()
    WHERE stamped_by IS DISTINCT FROM pg_current_xact_id();
    RETURN NULL;
END
$$;

-- Deferred to the commit, so the row is locked for the transaction's last instant only: desks
-- selling different departures wait on each other for a moment at most and never deadlock (a
-- transaction holding the row waits for nothing else). Constraint triggers are per row; after the
-- first, each is a no-op.
CREATE CONSTRAINT TRIGGER bookings_changed AFTER INSERT OR UPDATE OR DELETE ON bookings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_change_stamp();
CREATE CONSTRAINT TRIGGER blocks_changed AFTER INSERT OR UPDATE OR DELETE ON blocks
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_change_stamp();
CREATE CONSTRAINT TRIGGER boats_changed AFTER INSERT OR UPDATE OR DELETE ON boats
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_change_stamp();
CREATE CONSTRAINT TRIGGER customers_changed AFTER INSERT OR UPDATE OR DELETE ON customers
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_change_stamp();
CREATE CONSTRAINT TRIGGER timetable_rules_changed AFTER INSERT OR UPDATE OR DELETE ON timetable_rules
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_change_stamp();
CREATE CONSTRAINT TRIGGER timetable_exceptions_changed AFTER INSERT OR UPDATE OR DELETE ON timetable_exceptions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_change_stamp();
CREATE CONSTRAINT TRIGGER crew_assignments_changed AFTER INSERT OR UPDATE OR DELETE ON crew_assignments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_change_stamp();
CREATE CONSTRAINT TRIGGER settings_changed AFTER INSERT OR UPDATE OR DELETE ON settings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_change_stamp();
