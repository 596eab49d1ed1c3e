-- How customers reach the provider's support besides the portal: a phone number, an
-- address and the hours, set with the branding and shown on the portal's home page
-- (and the phone beside the new-ticket form, for what cannot wait). Empty: not shown.
-- +goose Up
ALTER TABLE tenants ADD COLUMN support_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN support_email TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN support_hours TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE tenants DROP COLUMN support_hours;
ALTER TABLE tenants DROP COLUMN support_email;
ALTER TABLE tenants DROP COLUMN support_phone;
