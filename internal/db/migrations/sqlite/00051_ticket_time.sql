-- Time accounting: staff record the time they spent on a ticket (ticket/time_entry.go),
-- to bill it. work_date is the calendar day of the work in the tenant's zone, as
-- YYYY-MM-DD text: it sorts and compares as a date on both engines and never moves
-- with a zone. company_id is the ticket's company (merges stay within one company), so
-- the report sums a period per company from ticket_time_period alone: it holds the
-- columns the sum needs, so a year's entries are read from the index, not the table.
-- The export walks it in (work_date, id) order. staff_id has no foreign key: staff rows
-- are deactivated, never deleted.
-- ticket_time_ticket serves a ticket's entries and totals, and moves them on a merge.
-- The tenant's settings: time is billable by default (on), and contacts see the time
-- spent on their tickets (off).
-- +goose Up
CREATE TABLE ticket_time (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    company_id BIGINT NOT NULL,
    staff_id BIGINT NOT NULL,
    message_id BIGINT,
    work_date TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    billable BOOLEAN NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX ticket_time_ticket ON ticket_time (tenant_id, ticket_id, work_date);
CREATE INDEX ticket_time_period ON ticket_time (tenant_id, work_date, id, company_id, minutes, billable);
ALTER TABLE tenants ADD COLUMN ticket_time_billable BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE tenants ADD COLUMN ticket_time_portal BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE tenants DROP COLUMN ticket_time_portal;
ALTER TABLE tenants DROP COLUMN ticket_time_billable;
DROP TABLE ticket_time;
