-- Tenant branding (portal title, login welcome text, chooser heading, logo) and
-- customer-preview sessions: a contact session opened by a staff member, tied to the
-- staff member's own session so it ends with it.
-- +goose Up
ALTER TABLE tenants ADD COLUMN brand_title TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN brand_welcome TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN brand_chooser TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN logo_version BIGINT NOT NULL DEFAULT 0;
CREATE TABLE tenant_logos (
    tenant_id BIGINT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    content_type TEXT NOT NULL,
    data BYTEA NOT NULL,
    updated_at BIGINT NOT NULL
);
ALTER TABLE sessions ADD COLUMN preview_by BIGINT REFERENCES staff(id) ON DELETE CASCADE;
ALTER TABLE sessions ADD COLUMN preview_of BIGINT REFERENCES sessions(id) ON DELETE CASCADE;
CREATE INDEX sessions_preview_of ON sessions (preview_of);

-- +goose Down
DROP INDEX sessions_preview_of;
ALTER TABLE sessions DROP COLUMN preview_of;
ALTER TABLE sessions DROP COLUMN preview_by;
DROP TABLE tenant_logos;
ALTER TABLE tenants DROP COLUMN logo_version;
ALTER TABLE tenants DROP COLUMN brand_chooser;
ALTER TABLE tenants DROP COLUMN brand_welcome;
ALTER TABLE tenants DROP COLUMN brand_title;
