-- Which helpdesk mails a staff member wants (My account → Email notifications): new
-- unassigned tickets, customers' replies on tickets assigned to them and on unassigned
-- ones, and a ticket a colleague assigned to them. All on, as until now (the last mail
-- is new): in a small team everyone hears of everything; in a larger one each member
-- switches off what is noise to them. The recipient queries (ticket.Notifier) filter
-- on these columns.
-- +goose Up
ALTER TABLE staff ADD COLUMN notify_new_tickets BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE staff ADD COLUMN notify_replies_mine BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE staff ADD COLUMN notify_replies_unassigned BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE staff ADD COLUMN notify_assigned BOOLEAN NOT NULL DEFAULT TRUE;

-- +goose Down
ALTER TABLE staff DROP COLUMN notify_assigned;
ALTER TABLE staff DROP COLUMN notify_replies_unassigned;
ALTER TABLE staff DROP COLUMN notify_replies_mine;
ALTER TABLE staff DROP COLUMN notify_new_tickets;
