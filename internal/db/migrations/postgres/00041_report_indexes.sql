-- Helpdesk reports (internal/report) count a period's tickets from indexes. PostgreSQL
-- hashes the groups of a period (channel, priority, status, category, company, staff
-- member) and computes medians in one pass over the period's range, so one covering
-- index of the tickets opened serves them all without touching the table, and the
-- CSV export walks it in (created_at, id) order; tickets_resolved does the same for
-- the tickets resolved in a period. Public replies per staff member: the partial
-- ticket_messages_staff holds only those. SQLite counts differently and has more
-- indexes (its 00041; see report/query.go).
-- +goose Up
CREATE INDEX tickets_opened ON tickets (tenant_id, created_at, id)
    INCLUDE (status_id, via, priority, category_id, company_id, assignee_id, first_response_due_at, first_responded_at, resolved_at);
CREATE INDEX tickets_resolved ON tickets (tenant_id, resolved_at) INCLUDE (resolution_due_at, created_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX ticket_messages_staff ON ticket_messages (tenant_id, staff_id, created_at) WHERE staff_id IS NOT NULL AND NOT internal;

-- +goose Down
DROP INDEX ticket_messages_staff;
DROP INDEX tickets_resolved;
DROP INDEX tickets_opened;
