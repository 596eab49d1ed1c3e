-- Whether a staff member gets the mail of a follow-up falling due (My account → Email
-- notifications), like the other helpdesk mails. On, as until now: a follow-up is a
-- reminder its owner set; a member who watches the queue's "due" filter instead
-- switches the mail off. ticket.Notifier.FollowUpDue filters on it.
-- +goose Up
ALTER TABLE staff ADD COLUMN notify_followups BOOLEAN NOT NULL DEFAULT TRUE;

-- +goose Down
ALTER TABLE staff DROP COLUMN notify_followups;
