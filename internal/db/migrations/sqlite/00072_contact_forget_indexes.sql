-- Erasing a contact (access.forgetContact) finds what the person left by contact id or
-- by their addresses; without these it read every row of the tables below while
-- holding SQLite's write lock:
-- - messages and ticket events by the contact (partial: most are staff's or nobody's);
-- - inbox items of the contact, or handled by them as main contact, or from an address;
-- - outbox mail to an address (CancelTo and the erasure compare lower-cased);
-- - inbound mail from an address, by envelope sender or From header.
-- +goose Up
CREATE INDEX ticket_messages_contact ON ticket_messages (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX ticket_events_contact ON ticket_events (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX inbox_items_contact ON inbox_items (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX inbox_items_handled_contact ON inbox_items (handled_by_contact_id) WHERE handled_by_contact_id IS NOT NULL;
CREATE INDEX inbox_items_email ON inbox_items (tenant_id, LOWER(email));
CREATE INDEX mails_to ON mails (tenant_id, LOWER(to_addr));
CREATE INDEX inbound_mails_from ON inbound_mails (tenant_id, LOWER(mail_from));
CREATE INDEX inbound_mails_sender ON inbound_mails (tenant_id, LOWER(sender));

-- +goose Down
DROP INDEX inbound_mails_sender;
DROP INDEX inbound_mails_from;
DROP INDEX mails_to;
DROP INDEX inbox_items_email;
DROP INDEX inbox_items_handled_contact;
DROP INDEX inbox_items_contact;
DROP INDEX ticket_events_contact;
DROP INDEX ticket_messages_contact;
