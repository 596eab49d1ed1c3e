-- Blocked senders: addresses and domains whose mail the inbound listener refuses for
-- one tenant (5.7.1), so spam to a support address stops reaching the staff inbox.
-- kind is 'address' or 'domain'; value is lower-case with the domain in ASCII
-- (punycode), as the listener compares it. A domain covers its subdomains. item_id is
-- the inbox mail it was blocked from (none when an admin typed it in); created_by keeps
-- who blocked it as they were named then, created_by_staff_id links them while they
-- exist. The unique index is also the listener's lookup (tenant, value).
-- +goose Up
CREATE TABLE inbound_blocks (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    item_id BIGINT REFERENCES inbox_items(id) ON DELETE SET NULL,
    created_by_staff_id BIGINT REFERENCES staff(id) ON DELETE SET NULL,
    created_by TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX inbound_blocks_value ON inbound_blocks (tenant_id, value);

-- +goose Down
DROP TABLE inbound_blocks;
