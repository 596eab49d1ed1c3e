-- The outbox's filters (back office → Outbox): mails of one ticket, mails in one state,
-- newest first. Without these indexes a filter for the few failed mails, or for the
-- mails of one ticket, walks every mail the tenant ever sent (mails are kept). The
-- ticket index also serves the ON DELETE SET NULL of a deleted ticket, which scanned
-- the mails before.
-- +goose Up
CREATE INDEX mails_ticket ON mails (ticket_id, id);
CREATE INDEX mails_state ON mails (tenant_id, state, id);

-- +goose Down
DROP INDEX mails_state;
DROP INDEX mails_ticket;
