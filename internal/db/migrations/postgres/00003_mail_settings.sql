-- A tenant's own mail server and sender; mails only admins may read in the outbox
-- (staff invitations); customer numbers unique per tenant.
-- +goose Up
ALTER TABLE tenants ADD COLUMN smtp_url TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN mail_from TEXT NOT NULL DEFAULT '';
ALTER TABLE mails ADD COLUMN admin_only BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX companies_number ON companies (tenant_id, customer_number) WHERE customer_number <> '';

-- +goose Down
DROP INDEX companies_number;
ALTER TABLE mails DROP COLUMN admin_only;
ALTER TABLE tenants DROP COLUMN mail_from;
ALTER TABLE tenants DROP COLUMN smtp_url;
