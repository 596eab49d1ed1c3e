-- "Forgot password" requests waiting for the worker. The request itself only writes
-- this row and its job, the same for every address, so its timing cannot tell whether
-- an address has an account; the worker looks the address up, mails the link and
-- deletes the row.
-- +goose Up
CREATE TABLE reset_requests (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    ip TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- +goose Down
DROP TABLE reset_requests;
