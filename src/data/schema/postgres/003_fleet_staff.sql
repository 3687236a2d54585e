-- Fleet and staff (issue 5): boats' registration and notes, the maintenance log, employees'
-- contact, sign-in and skipper licence, days off.

ALTER TABLE boats ADD COLUMN registration text NOT NULL DEFAULT '';
ALTER TABLE boats ADD COLUMN notes text NOT NULL DEFAULT '';

ALTER TABLE employees ADD COLUMN phone text NOT NULL DEFAULT '';
ALTER TABLE employees ADD COLUMN can_sign_in boolean NOT NULL DEFAULT true;
ALTER TABLE employees ADD COLUMN licence_number text NOT NULL DEFAULT '';
ALTER TABLE employees ADD COLUMN licence_expiry date;
ALTER TABLE employees ADD COLUMN notes text NOT NULL DEFAULT '';

CREATE TABLE maintenance_records (
    id               uuid PRIMARY KEY,
    boat_id          uuid NOT NULL REFERENCES boats(id),
    kind             text NOT NULL CHECK (kind IN ('INSPECTION', 'MAINTENANCE', 'REPAIR', 'INCIDENT')),
    title            text NOT NULL,
    description      text NOT NULL DEFAULT '',
    priority         text NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH')),
    planned_on       date,
    done_on          date,
    currency         text NOT NULL DEFAULT 'EUR',
    cost_cents       bigint,
    done_by          text NOT NULL DEFAULT '',
    recur_every_days integer NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL
);
CREATE INDEX maintenance_records_boat ON maintenance_records(boat_id);

CREATE TABLE days_off (
    id          uuid PRIMARY KEY,
    employee_id uuid NOT NULL REFERENCES employees(id),
    first_day   date NOT NULL,
    last_day    date NOT NULL,
    reason      text NOT NULL DEFAULT ''
);
CREATE INDEX days_off_range ON days_off(first_day, last_day);
