-- Fleet and staff (issue 5): boats' registration and notes, the maintenance log, employees'
-- contact, sign-in and skipper licence, days off.

ALTER TABLE boats ADD COLUMN registration TEXT NOT NULL DEFAULT '';
ALTER TABLE boats ADD COLUMN notes TEXT NOT NULL DEFAULT '';

ALTER TABLE employees ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE employees ADD COLUMN can_sign_in INTEGER NOT NULL DEFAULT 1;
ALTER TABLE employees ADD COLUMN licence_number TEXT NOT NULL DEFAULT '';
ALTER TABLE employees ADD COLUMN licence_expiry TEXT;
ALTER TABLE employees ADD COLUMN notes TEXT NOT NULL DEFAULT '';

CREATE TABLE maintenance_records (
    id               TEXT PRIMARY KEY,
    boat_id          TEXT NOT NULL REFERENCES boats(id),
    kind             TEXT NOT NULL CHECK (kind IN ('INSPECTION', 'MAINTENANCE', 'REPAIR', 'INCIDENT')),
    title            TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    priority         TEXT NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH')),
    planned_on       TEXT,
    done_on          TEXT,
    currency         TEXT NOT NULL DEFAULT 'EUR',
    cost_cents       INTEGER,
    done_by          TEXT NOT NULL DEFAULT '',
    recur_every_days INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL
);
CREATE INDEX maintenance_records_boat ON maintenance_records(boat_id);

CREATE TABLE days_off (
    id          TEXT PRIMARY KEY,
    employee_id TEXT NOT NULL REFERENCES employees(id),
    first_day   TEXT NOT NULL,
    last_day    TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX days_off_range ON days_off(first_day, last_day);
