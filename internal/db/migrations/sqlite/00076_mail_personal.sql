-- A mail a person wrote (a staff member's ticket reply, an answer from the inbox) goes
-- out without Auto-Submitted: RFC 3834's auto-generated says no human wrote it, and the
-- recipient's helpdesk or mail rules may drop such mail. The choice is made when the
-- mail is queued and read when it is delivered. Every mail queued before this was the
-- portal's own, hence false.
-- +goose Up
ALTER TABLE mails ADD COLUMN personal BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE mails DROP COLUMN personal;
