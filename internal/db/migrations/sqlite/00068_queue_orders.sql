-- The back office's queue in orders and filters that sorted or scanned the tenant's
-- tickets (a million tickets on SQLite: 0.4–6 s each; a page walks one of these in
-- order and stops after 51 rows, under a millisecond; BENCHMARKS.md):
-- - by priority over every company ("all" or "done"): tickets_queue_priority; for one
--   company, tickets_company_queue_priority (tickets_company_priority is the portal's,
--   in the order of portal activity); for the tickets one contact opened (linked from
--   the contact's page), tickets_contact_queue_priority;
-- - newest or oldest first (by number) for one staff member ("Assigned to me"), one
--   company or one priority: tickets_assignee_number, tickets_company_number,
--   tickets_priority_number (the others are in activity order);
-- - requests still to decide, among done or all tickets: the few pending requests of
--   tickets_pending instead of a scan for them.
-- Each order has one index that serves it whatever the filter's value, so a plan made
-- for a big company is not walking the whole queue for a small one.
-- +goose Up
CREATE INDEX tickets_queue_priority ON tickets (tenant_id, priority DESC, updated_at DESC, id DESC, status_id);
CREATE INDEX tickets_company_queue_priority ON tickets (tenant_id, company_id, priority DESC, updated_at DESC, id DESC, status_id);
CREATE INDEX tickets_contact_queue_priority ON tickets (tenant_id, contact_id, priority DESC, updated_at DESC, id DESC, status_id);
CREATE INDEX tickets_assignee_number ON tickets (tenant_id, assignee_id, id);
CREATE INDEX tickets_company_number ON tickets (tenant_id, company_id, id);
CREATE INDEX tickets_priority_number ON tickets (tenant_id, priority, id);
CREATE INDEX tickets_pending ON tickets (tenant_id, updated_at DESC, id DESC) WHERE request_state = 'pending';
-- Statistics at once, as in 00059: without them SQLite may take a new index for a
-- narrow one and read the whole queue (0.5 s instead of 1 ms for the default order).
ANALYZE tickets;

-- +goose Down
DROP INDEX tickets_pending;
DROP INDEX tickets_priority_number;
DROP INDEX tickets_company_number;
DROP INDEX tickets_assignee_number;
DROP INDEX tickets_contact_queue_priority;
DROP INDEX tickets_company_queue_priority;
DROP INDEX tickets_queue_priority;
