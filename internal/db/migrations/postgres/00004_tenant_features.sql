-- Switches of a tenant's access rules (password reset, later self-registration, …),
-- a comma-separated list like the modules.
-- +goose Up
ALTER TABLE tenants ADD COLUMN features TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE tenants DROP COLUMN features;
