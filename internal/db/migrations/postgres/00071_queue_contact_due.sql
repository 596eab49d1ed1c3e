-- More of the back office's queue at a million tickets (BENCHMARKS.md), after 00068:
-- - the tickets one contact opened, newest or oldest first (the contact's page links
--   there): tickets_contact_number, instead of sorting the contact's tickets (a busy
--   contact's 33,000: 40–140 ms);
-- - due time first for one company, one contact or one staff member (and the
--   unassigned, whose assignee is NULL): the small partial indexes tickets_company_due,
--   tickets_contact_due and tickets_assignee_due hold only tickets with a due time, as
--   tickets_due does, so a small company's few are read at once instead of walking
--   every due ticket of the tenant to find them (20–95 ms);
-- - requests still to decide, oldest or newest first: tickets_pending_number, the few
--   pending requests by number (PostgreSQL walked the whole queue by number for the
--   1,463 pending of a million tickets, skipping 988,000 rows: 0.34–0.44 s).
-- +goose Up
CREATE INDEX tickets_contact_number ON tickets (tenant_id, contact_id, id, status_id);
CREATE INDEX tickets_company_due ON tickets (tenant_id, company_id, sla_due_at, id, status_id) WHERE sla_due_at IS NOT NULL;
CREATE INDEX tickets_contact_due ON tickets (tenant_id, contact_id, sla_due_at, id, status_id) WHERE sla_due_at IS NOT NULL;
CREATE INDEX tickets_pending_number ON tickets (tenant_id, id) WHERE request_state = 'pending';
CREATE INDEX tickets_assignee_due ON tickets (tenant_id, assignee_id, sla_due_at, id, status_id) WHERE sla_due_at IS NOT NULL;

-- +goose Down
DROP INDEX tickets_pending_number;
DROP INDEX tickets_assignee_due;
DROP INDEX tickets_contact_due;
DROP INDEX tickets_company_due;
DROP INDEX tickets_contact_number;
