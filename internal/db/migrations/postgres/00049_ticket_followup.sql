-- Follow-ups ("Wiedervorlage"): staff set a moment on a ticket at which its owner (the
-- assignee, or whoever set it while nobody is assigned) is to look at it again, with
-- an optional note of what to check (ticket/followup.go). Contacts never see them.
--
-- followup_at is the moment (NULL: none); it stays after it passed, so the queue marks
-- the ticket "follow-up due" until staff clear it or set another. followup_mail_at is
-- the same moment while the mail to the owner is still to go: the sweep claims it by
-- setting it to NULL in the UPDATE that finds it unchanged, so each follow-up is mailed
-- once however many instances sweep. Both partial indexes hold only tickets with a
-- follow-up (a handful of a million): the queue's filter and the dashboard's count walk
-- tickets_followup in date order, the sweep reads the few due entries of
-- tickets_followup_mail across tenants. followup_by is the staff member who set it
-- (staff rows are deactivated, never deleted; no foreign key, so that SQLite can drop
-- the column again).
-- +goose Up
ALTER TABLE tickets ADD COLUMN followup_at BIGINT;
ALTER TABLE tickets ADD COLUMN followup_note TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN followup_by BIGINT;
ALTER TABLE tickets ADD COLUMN followup_mail_at BIGINT;
CREATE INDEX tickets_followup ON tickets (tenant_id, followup_at, id) WHERE followup_at IS NOT NULL;
CREATE INDEX tickets_followup_mail ON tickets (followup_mail_at, id) WHERE followup_mail_at IS NOT NULL;

-- +goose Down
DROP INDEX tickets_followup_mail;
DROP INDEX tickets_followup;
ALTER TABLE tickets DROP COLUMN followup_mail_at;
ALTER TABLE tickets DROP COLUMN followup_by;
ALTER TABLE tickets DROP COLUMN followup_note;
ALTER TABLE tickets DROP COLUMN followup_at;
