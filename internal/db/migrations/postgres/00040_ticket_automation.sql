-- Helpdesk automation (Settings → Helpdesk): per tenant, after how many days a resolved
-- ticket is closed, a ticket waiting for the customer brings a reminder, and a reminded
-- one is resolved (0: never). A tenant without a row automates nothing.
--
-- A ticket keeps the step the sweep takes next (auto_step: 'close' while resolved,
-- 'remind' while waiting for the customer, 'resolve' once reminded) and since when
-- (auto_since: it entered the status, staff last answered publicly, or the reminder
-- went out); every status change sets both anew and a billed or merged ticket has
-- none (ticket/auto.go). The due moment is auto_since plus the tenant's days, so a
-- change of the settings applies to every ticket at once; the partial index holds only
-- tickets with a step, and the sweep reads the few that are due in its order, never
-- the rest of a million tickets. Tickets resolved or waiting before this migration
-- count from when they got there (closed_at) or were last changed (BENCHMARKS.md: the
-- backfill at a million tickets).
-- +goose Up
CREATE TABLE ticket_automation (
    tenant_id BIGINT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    close_days INTEGER NOT NULL DEFAULT 0,
    remind_days INTEGER NOT NULL DEFAULT 0,
    resolve_days INTEGER NOT NULL DEFAULT 0
);
ALTER TABLE tickets ADD COLUMN auto_step TEXT;
ALTER TABLE tickets ADD COLUMN auto_since BIGINT;
CREATE INDEX tickets_auto ON tickets (tenant_id, auto_step, auto_since, id) WHERE auto_since IS NOT NULL;
-- The backfill changes nothing a ticket list shows, so the list-version trigger (00017)
-- stays out of it: its deferred bump per row cost 37 s for 73,000 tickets at commit.
ALTER TABLE tickets DISABLE TRIGGER tickets_list_version;
UPDATE tickets SET auto_step = 'close', auto_since = COALESCE(closed_at, updated_at)
WHERE NOT billed AND merged_into IS NULL AND status_id IN (SELECT id FROM ticket_statuses WHERE kind = 'resolved');
UPDATE tickets SET auto_step = 'remind', auto_since = updated_at
WHERE NOT billed AND merged_into IS NULL AND status_id IN (SELECT id FROM ticket_statuses WHERE kind = 'waiting' AND portal_visible);
ALTER TABLE tickets ENABLE TRIGGER tickets_list_version;

-- +goose Down
DROP INDEX tickets_auto;
ALTER TABLE tickets DROP COLUMN auto_since;
ALTER TABLE tickets DROP COLUMN auto_step;
DROP TABLE ticket_automation;
