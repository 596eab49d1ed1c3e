-- The address links in mails point to. Links must never follow the Host header of
-- whoever caused the mail: an anonymous "forgot password" with a forged Host would
-- otherwise mail the victim a reset link to the attacker's server. Filled by the first
-- staff sign-in (staff are trusted with their own portal's address) and editable in
-- the settings; PFORTE_BASE_URL overrides it for the whole installation.
-- +goose Up
ALTER TABLE tenants ADD COLUMN portal_url TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE tenants DROP COLUMN portal_url;
