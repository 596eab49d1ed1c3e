-- Which ticket mails a contact wants. Replies, status changes and decisions on the
-- tickets they opened (own) and on those they follow (followed) stay on for everyone
-- as until now; a mail about every new ticket of a company where they are main
-- contact (company) is new and off until they ask for it. Security notices (password
-- changed, new sign-in method) are not a choice and have no column.
-- +goose Up
ALTER TABLE contacts ADD COLUMN notify_own BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE contacts ADD COLUMN notify_followed BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE contacts ADD COLUMN notify_company BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE contacts DROP COLUMN notify_company;
ALTER TABLE contacts DROP COLUMN notify_followed;
ALTER TABLE contacts DROP COLUMN notify_own;
