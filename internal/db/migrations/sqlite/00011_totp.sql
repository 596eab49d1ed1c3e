-- Two-factor authentication of contacts: a TOTP secret per contact (sealed with the
-- installation's secret key, pending until the contact confirms a code), hashed one-time
-- recovery codes, the short-lived second step of a login, and the company setting that
-- requires two factors for all of its contacts.
-- +goose Up
CREATE TABLE contact_totp (
    contact_id BIGINT PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    secret TEXT NOT NULL,
    enabled_at BIGINT,
    last_step BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);

CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    contact_id BIGINT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    hash TEXT NOT NULL,
    used_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX recovery_codes_contact ON recovery_codes (contact_id, hash);

CREATE TABLE login_challenges (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    contact_id BIGINT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    company_id BIGINT NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

ALTER TABLE companies ADD COLUMN require_two_factor BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE companies DROP COLUMN require_two_factor;
DROP TABLE login_challenges;
DROP TABLE recovery_codes;
DROP TABLE contact_totp;
