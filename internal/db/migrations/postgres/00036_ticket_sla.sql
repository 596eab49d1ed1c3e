-- Service-level targets: per tenant and priority, within how many calendar hours staff
-- answer a ticket publicly for the first time and resolve it (NULL: no target). A
-- ticket keeps the due times its targets gave it when it was opened, reprioritised or
-- reopened (first_response_due_at, resolution_due_at), when they were met
-- (first_responded_at, resolved_at; closed_at moves again from resolved to closed) and
-- when its resolution clock last started (resolution_start_at, NULL: at creation).
-- sla_due_at is the next of its due times while it is open and NULL otherwise, so the
-- partial index holds only open tickets with a target: the queue's "overdue" filter
-- and "due soonest" order and the dashboard's count read it and never the rest of a
-- million tickets. Tickets opened before this migration have no due times.
-- +goose Up
CREATE TABLE ticket_sla_targets (
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    priority INTEGER NOT NULL,
    first_response_hours INTEGER,
    resolution_hours INTEGER,
    PRIMARY KEY (tenant_id, priority)
);
ALTER TABLE tickets ADD COLUMN first_response_due_at BIGINT;
ALTER TABLE tickets ADD COLUMN first_responded_at BIGINT;
ALTER TABLE tickets ADD COLUMN resolution_due_at BIGINT;
ALTER TABLE tickets ADD COLUMN resolution_start_at BIGINT;
ALTER TABLE tickets ADD COLUMN resolved_at BIGINT;
ALTER TABLE tickets ADD COLUMN sla_due_at BIGINT;
CREATE INDEX tickets_due ON tickets (tenant_id, sla_due_at, id, status_id) WHERE sla_due_at IS NOT NULL;

-- +goose Down
DROP INDEX tickets_due;
ALTER TABLE tickets DROP COLUMN sla_due_at;
ALTER TABLE tickets DROP COLUMN resolved_at;
ALTER TABLE tickets DROP COLUMN resolution_start_at;
ALTER TABLE tickets DROP COLUMN resolution_due_at;
ALTER TABLE tickets DROP COLUMN first_responded_at;
ALTER TABLE tickets DROP COLUMN first_response_due_at;
DROP TABLE ticket_sla_targets;
