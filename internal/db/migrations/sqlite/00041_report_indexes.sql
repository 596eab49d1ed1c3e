-- Helpdesk reports (internal/report) count a period's tickets without reading or
-- sorting them row by row: SQLite walks an index range per group and counts its
-- entries (see report/query.go). Tickets opened in a period: tickets_opened (the chart,
-- the first-response figures and the CSV export in (created_at, id) order, all from
-- the index); tickets_report_groups (channel, priority, status and category: one range
-- per combination); tickets_company_opened and tickets_assignee_opened (per company,
-- per staff member). Tickets resolved in a period: tickets_resolved. Medians walk
-- tickets_response_time and tickets_resolution_time, ordered by the duration itself.
-- Public replies per staff member: ticket_messages_staff, which holds only those.
-- Columns the condition already fixes (internal, first_responded_at) are in the index
-- so that SQLite answers from it alone, without reading the rows to check them.
-- PostgreSQL hashes the groups instead and needs one covering index (its 00041).
-- +goose Up
CREATE INDEX tickets_opened ON tickets (tenant_id, created_at, id, status_id, first_response_due_at, first_responded_at, resolved_at);
CREATE INDEX tickets_report_groups ON tickets (tenant_id, via, priority, status_id, category_id, created_at);
CREATE INDEX tickets_company_opened ON tickets (tenant_id, company_id, created_at);
CREATE INDEX tickets_assignee_opened ON tickets (tenant_id, assignee_id, created_at) WHERE assignee_id IS NOT NULL;
CREATE INDEX tickets_resolved ON tickets (tenant_id, resolved_at, resolution_due_at, created_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX tickets_response_time ON tickets (tenant_id, (first_responded_at - created_at), created_at, first_responded_at) WHERE first_responded_at IS NOT NULL;
CREATE INDEX tickets_resolution_time ON tickets (tenant_id, (resolved_at - created_at), resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX ticket_messages_staff ON ticket_messages (tenant_id, staff_id, created_at, internal) WHERE staff_id IS NOT NULL AND NOT internal;

-- +goose Down
DROP INDEX ticket_messages_staff;
DROP INDEX tickets_resolution_time;
DROP INDEX tickets_response_time;
DROP INDEX tickets_resolved;
DROP INDEX tickets_assignee_opened;
DROP INDEX tickets_company_opened;
DROP INDEX tickets_report_groups;
DROP INDEX tickets_opened;
