-- Incoming mail: the addresses a tenant receives support mail at (one address belongs
-- to one tenant; the SMTP/LMTP listener finds the tenant by it), and a record of every
-- mail the listener took in or turned away. The raw message lies in the file store
-- under raw_key.
-- +goose Up
CREATE TABLE support_addresses (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    address TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX support_addresses_address ON support_addresses (address);
CREATE INDEX support_addresses_tenant ON support_addresses (tenant_id, id);

CREATE TABLE inbound_mails (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    received_at BIGINT NOT NULL,
    mail_from TEXT NOT NULL DEFAULT '',
    rcpt TEXT NOT NULL,
    sender TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    message_id TEXT NOT NULL DEFAULT '',
    size BIGINT NOT NULL DEFAULT 0,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    raw_key TEXT NOT NULL DEFAULT ''
);
CREATE INDEX inbound_mails_tenant ON inbound_mails (tenant_id, id);
CREATE INDEX inbound_mails_message ON inbound_mails (tenant_id, message_id);

-- +goose Down
DROP TABLE inbound_mails;
DROP TABLE support_addresses;
