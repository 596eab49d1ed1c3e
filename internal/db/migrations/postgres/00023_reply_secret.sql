-- A ticket's reply address names the ticket (reply_token) and, per recipient, a code
-- made with this secret from the recipient's address (ticket.RecipientToken). A mail
-- to the address counts as a reply only from the address it was made for: anyone
-- holding an old ticket mail (a colleague since revoked, a plain user) cannot write as
-- someone else by forging the From header, and a revoked contact's own code leads
-- nowhere. The secret is never mailed.
-- +goose Up
ALTER TABLE tickets ADD COLUMN reply_secret TEXT NOT NULL DEFAULT '';
UPDATE tickets SET reply_secret = replace(gen_random_uuid()::text, '-', ''); -- strong random (PostgreSQL 13+)

-- +goose Down
ALTER TABLE tickets DROP COLUMN reply_secret;
