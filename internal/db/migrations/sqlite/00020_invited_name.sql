-- The name a main contact typed when inviting a colleague. While the invitation is open
-- the colleagues page shows this name, never the stored name of an existing contact with
-- that address: otherwise inviting an address would reveal who already has an account
-- (and under which name). Empty for invitations staff send.
-- +goose Up
ALTER TABLE memberships ADD COLUMN invited_name TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE memberships DROP COLUMN invited_name;
