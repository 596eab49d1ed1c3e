-- Sender authentication for incoming mail: the authserv-id of the tenant's own mail
-- server, whose Authentication-Results header (RFC 8601) the listener trusts ('' trusts
-- the From address as before), and the verdict recorded with each received mail.
-- +goose Up
ALTER TABLE tenants ADD COLUMN inbound_authserv_id TEXT NOT NULL DEFAULT '';
ALTER TABLE inbound_mails ADD COLUMN auth TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE inbound_mails DROP COLUMN auth;
ALTER TABLE tenants DROP COLUMN inbound_authserv_id;
