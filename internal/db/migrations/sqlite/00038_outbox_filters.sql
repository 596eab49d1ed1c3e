-- The outbox's filters (back office → Outbox): mails of one ticket, mails in one state,
-- newest first. Without these indexes a filter for the few failed mails, or for the
-- mails of one ticket, walks every mail the tenant ever sent (mails are kept). The
-- ticket index also serves the ON DELETE SET NULL of a deleted ticket, which scanned
-- the mails before.
-- The text search ("contains", in address or subject) reads a window of the newest
-- mails. A mail's row holds both its parts, a page or more each, so reading 20,000 rows
-- for their address and subject took 55 ms; this index holds what the search reads
-- (12 ms). PostgreSQL has no such index: a B-tree entry there is limited to about 2.7 kB
-- (a long subject would make the mail fail to queue), and reading the rows costs it
-- 20 ms, as its large parts live out of line (TOAST).
-- +goose Up
CREATE INDEX mails_ticket ON mails (ticket_id, id);
CREATE INDEX mails_state ON mails (tenant_id, state, id);
CREATE INDEX mails_search ON mails (tenant_id, id, admin_only, to_addr, subject);

-- +goose Down
DROP INDEX mails_search;
DROP INDEX mails_state;
DROP INDEX mails_ticket;
