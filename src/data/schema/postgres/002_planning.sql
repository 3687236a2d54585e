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

-- Every statement that changes what a planning shows moves the stamp (sequences are not
-- transactional: a rolled-back change moves it too, which only costs one extra refresh).
CREATE SEQUENCE change_stamp;
CREATE FUNCTION bump_change_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('change_stamp');
    RETURN NULL;
END
$$;
CREATE TRIGGER bookings_changed AFTER INSERT OR UPDATE OR DELETE ON bookings
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_stamp();
CREATE TRIGGER blocks_changed AFTER INSERT OR UPDATE OR DELETE ON blocks
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_stamp();
CREATE TRIGGER boats_changed AFTER INSERT OR UPDATE OR DELETE ON boats
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_stamp();
CREATE TRIGGER customers_changed AFTER INSERT OR UPDATE OR DELETE ON customers
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_stamp();
CREATE TRIGGER timetable_rules_changed AFTER INSERT OR UPDATE OR DELETE ON timetable_rules
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_stamp();
CREATE TRIGGER timetable_exceptions_changed AFTER INSERT OR UPDATE OR DELETE ON timetable_exceptions
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_stamp();
CREATE TRIGGER crew_assignments_changed AFTER INSERT OR UPDATE OR DELETE ON crew_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_stamp();
CREATE TRIGGER settings_changed AFTER INSERT OR UPDATE OR DELETE ON settings
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_stamp();
