-- The staff inbox (Postkorb): a queue of things that arrive from the portal and need a
-- person — registrations, deleted accounts, later orders, quote requests and unsorted
-- mail. Self-registrations wait for their email confirmation in registrations.
-- +goose Up
CREATE TABLE inbox_items (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'open',
    title TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    email TEXT NOT NULL DEFAULT '',
    domain TEXT NOT NULL DEFAULT '',
    company_id BIGINT REFERENCES companies(id) ON DELETE SET NULL,
    contact_id BIGINT REFERENCES contacts(id) ON DELETE SET NULL,
    suggested_company_id BIGINT REFERENCES companies(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    handled_at BIGINT,
    handled_by_staff_id BIGINT REFERENCES staff(id) ON DELETE SET NULL,
    handled_by_contact_id BIGINT REFERENCES contacts(id) ON DELETE SET NULL,
    handled_by TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX inbox_items_state ON inbox_items (tenant_id, state, kind, id);
CREATE INDEX inbox_items_kind ON inbox_items (tenant_id, kind, id);
CREATE INDEX inbox_items_domain ON inbox_items (tenant_id, domain, state);

CREATE TABLE registrations (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    token_id BIGINT NOT NULL REFERENCES tokens(id) ON DELETE CASCADE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT NOT NULL,
    company_name TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX registrations_token ON registrations (token_id);

-- +goose Down
DROP TABLE registrations;
DROP TABLE inbox_items;
