-- Staff merge a ticket into another of the same company (a customer wrote twice about
-- one problem): the source's conversation, files and followers move to the target, and
-- the source, closed, remembers where they went. The portal points its readers there,
-- and an answer to the source's mails lands in the target.
-- +goose Up
ALTER TABLE tickets ADD COLUMN merged_into BIGINT REFERENCES tickets(id) ON DELETE SET NULL;

-- +goose Down
ALTER TABLE tickets DROP COLUMN merged_into;
