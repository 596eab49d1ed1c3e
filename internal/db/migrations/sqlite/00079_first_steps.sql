-- The back office's dashboard shows a new tenant's admins their first steps (portal
-- address, outgoing mail, first company, first contact with portal access, …) until
-- the required ones are done or an admin hides them; first_steps_hidden_at is when an
-- admin hid them (0: shown).
--
-- Whether a contact has portal access is asked on every visit of the dashboard, the
-- back office's most visited page, until the steps are done or hidden: memberships
-- had no index starting with the tenant, so a tenant whose contacts have none would
-- read every membership of the installation to find that out.
-- +goose Up
ALTER TABLE tenants ADD COLUMN first_steps_hidden_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX memberships_tenant_access ON memberships (tenant_id, access);

-- +goose Down
DROP INDEX memberships_tenant_access;
ALTER TABLE tenants DROP COLUMN first_steps_hidden_at;
