-- Planning (issue 3): one-off timetable changes, crews, the customer notification log (outbox),
-- and bookings' placement history lives in the audit log.

CREATE TABLE timetable_exceptions (
    id               TEXT PRIMARY KEY,
    day              TEXT NOT NULL,
    departure_minute INTEGER NOT NULL CHECK (departure_minute BETWEEN 0 AND 1439),
    kind             TEXT NOT NULL CHECK (kind IN ('EXTRA', 'CANCELLED')),
    duration_min     INTEGER NOT NULL,
    note             TEXT NOT NULL DEFAULT '',
    UNIQUE (day, departure_minute)
);

CREATE TABLE crew_assignments (
    id          TEXT PRIMARY KEY,
    day         TEXT NOT NULL,
    boat_id     TEXT NOT NULL REFERENCES boats(id),
    employee_id TEXT NOT NULL REFERENCES employees(id),
    UNIQUE (day, boat_id)
);
CREATE INDEX crew_assignments_employee ON crew_assignments(day, employee_id);

CREATE TABLE notifications (
    id         TEXT PRIMARY KEY,
    booking_id TEXT REFERENCES bookings(id),
    recipient  TEXT NOT NULL,
    language   TEXT NOT NULL,
    kind       TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    error      TEXT NOT NULL DEFAULT '',
    attempts   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    sent_at    TEXT
);
CREATE INDEX notifications_status ON notifications(status, created_at);
CREATE INDEX notifications_created ON notifications(created_at);
