-- Passkeys (WebAuthn credentials) of contacts, and the server side of running
-- ceremonies: the challenge each begin handed out, single use and short-lived, kept in
-- the database so every instance behind a load balancer can finish what another began.
-- +goose Up
CREATE TABLE passkeys (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    contact_id BIGINT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    credential_id TEXT NOT NULL UNIQUE,
    user_handle TEXT NOT NULL,
    rp_id TEXT NOT NULL,
    name TEXT NOT NULL,
    public_key TEXT NOT NULL,
    sign_count BIGINT NOT NULL DEFAULT 0,
    transports TEXT NOT NULL DEFAULT '',
    aaguid TEXT NOT NULL DEFAULT '',
    attestation_type TEXT NOT NULL DEFAULT '',
    attestation_format TEXT NOT NULL DEFAULT '',
    flags INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX passkeys_contact ON passkeys (tenant_id, contact_id);

CREATE TABLE passkey_ceremonies (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    challenge_hash TEXT NOT NULL UNIQUE,
    contact_id BIGINT REFERENCES contacts(id) ON DELETE CASCADE,
    session_id BIGINT,
    data TEXT NOT NULL,
    ip TEXT NOT NULL DEFAULT '',
    expires_at BIGINT NOT NULL
);
CREATE INDEX passkey_ceremonies_expiry ON passkey_ceremonies (expires_at);
CREATE INDEX passkey_ceremonies_ip ON passkey_ceremonies (ip, expires_at);

-- +goose Down
DROP TABLE passkey_ceremonies;
DROP TABLE passkeys;
