-- Staff security: two-factor authentication of staff (a TOTP secret per member, sealed
-- like the contacts' ones, hashed one-time recovery codes, the short-lived second step
-- of a back-office login) and staff "forgot password" requests waiting for the worker.
-- Staff get tables of their own rather than a column in the contacts' ones, so a
-- contact's id can never reach a staff member's secret.
-- +goose Up
CREATE TABLE staff_totp (
    staff_id BIGINT PRIMARY KEY REFERENCES staff(id) ON DELETE CASCADE,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    secret TEXT NOT NULL,
    enabled_at BIGINT,
    last_step BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);

CREATE TABLE staff_recovery_codes (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    staff_id BIGINT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    hash TEXT NOT NULL,
    used_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX staff_recovery_codes_staff ON staff_recovery_codes (staff_id, hash);

CREATE TABLE staff_login_challenges (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    staff_id BIGINT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE staff_reset_requests (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    ip TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- +goose Down
DROP TABLE staff_reset_requests;
DROP TABLE staff_login_challenges;
DROP TABLE staff_recovery_codes;
DROP TABLE staff_totp;
