-- Read marks: which tickets have news a reader has not seen yet (ticket/read.go). A
-- ticket counts its messages since this migration — every message in news, the public
-- ones in portal_news — and remembers who wrote the newest of each (a staff member, or
-- a contact; NULL for the other kind). Opening a ticket stores the count the reader saw,
-- per staff member or contact and ticket; a ticket is new for a reader while its count
-- is higher and the newest message is not their own. Counting rather than comparing
-- times makes a message written in the same second as the reader opened the ticket
-- new, and a message counts in the same transaction (and row lock) that stores it.
-- Tickets and messages from before this migration count as read by everyone (NULL
-- counts), so nobody starts with a million new tickets.
-- The partial index holds the tickets with news by assignee and status: the queue's
-- "unread only" reads an agent's open ones with news and nothing of the tenant's rest.
-- +goose Up
ALTER TABLE tickets ADD COLUMN news BIGINT;
ALTER TABLE tickets ADD COLUMN news_staff_id BIGINT;
ALTER TABLE tickets ADD COLUMN portal_news BIGINT;
ALTER TABLE tickets ADD COLUMN portal_news_contact_id BIGINT;
CREATE INDEX tickets_assignee_news ON tickets (tenant_id, assignee_id, status_id, news, news_staff_id) WHERE news IS NOT NULL;

CREATE TABLE ticket_staff_reads (
    staff_id BIGINT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    seen BIGINT NOT NULL,
    read_at BIGINT NOT NULL,
    PRIMARY KEY (staff_id, ticket_id)
);
CREATE INDEX ticket_staff_reads_ticket ON ticket_staff_reads (ticket_id);

CREATE TABLE ticket_contact_reads (
    contact_id BIGINT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    seen BIGINT NOT NULL,
    read_at BIGINT NOT NULL,
    PRIMARY KEY (contact_id, ticket_id)
);
CREATE INDEX ticket_contact_reads_ticket ON ticket_contact_reads (ticket_id);

-- +goose Down
DROP TABLE ticket_contact_reads;
DROP TABLE ticket_staff_reads;
DROP INDEX tickets_assignee_news;
ALTER TABLE tickets DROP COLUMN portal_news_contact_id;
ALTER TABLE tickets DROP COLUMN portal_news;
ALTER TABLE tickets DROP COLUMN news_staff_id;
ALTER TABLE tickets DROP COLUMN news;
