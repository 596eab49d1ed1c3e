-- The Message-ID a mail went out with: the one it was queued under (message_id, which
-- answers are matched by, in either form: mail.StoredIDs) with the sending address's
-- domain, known only when it is sent. The outbox shows it, as a mail server's log
-- names it. Empty until sent, and for mails sent before this column existed.
-- +goose Up
ALTER TABLE mails ADD COLUMN sent_message_id TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE mails DROP COLUMN sent_message_id;
