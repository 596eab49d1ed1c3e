-- Helpdesk automation within business hours (Settings → Helpdesk → Closing and
-- reminders): when in_hours is set, the sweep takes its steps — and sends their mails
-- to customers — only while the tenant's business hours (ticket_sla_calendars) are
-- open; a step that falls due at night or on a holiday waits for the next opening.
-- +goose Up
ALTER TABLE ticket_automation ADD COLUMN in_hours BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE ticket_automation DROP COLUMN in_hours;
