-- A ticket's last activity as its contacts see it: when it was opened, a public message
-- was written or it moved into a status the portal shows. updated_at also moves on
-- internal notes, assignments and other changes only staff see; the portal's list
-- showing and sorting by it told customers when staff wrote an internal note. The
-- portal's list reads portal_at instead, through indexes of its own; the staff queue
-- keeps updated_at. Existing tickets start from updated_at, which is what they showed.
-- tickets_opener gains status_id so that a user's own tickets in a list's state are
-- counted and collected from the index alone (ticket.ownFor).
-- +goose Up
ALTER TABLE tickets ADD COLUMN portal_at BIGINT NOT NULL DEFAULT 0;
-- The list-version trigger (00017) stays off for the backfill: nothing a list shows
-- changes, and its queued events would make the CREATE INDEX below fail ("pending
-- trigger events").
ALTER TABLE tickets DISABLE TRIGGER tickets_list_version;
UPDATE tickets SET portal_at = updated_at;
ALTER TABLE tickets ENABLE TRIGGER tickets_list_version;
CREATE INDEX tickets_portal ON tickets (tenant_id, company_id, portal_at DESC, id DESC, status_id);
DROP INDEX tickets_contact;
CREATE INDEX tickets_contact ON tickets (tenant_id, company_id, contact_id, portal_at DESC, id DESC, status_id);
DROP INDEX tickets_company_priority;
CREATE INDEX tickets_company_priority ON tickets (tenant_id, company_id, priority DESC, portal_at DESC, id DESC, status_id);
DROP INDEX tickets_opener;
CREATE INDEX tickets_opener ON tickets (contact_id, company_id, status_id);

-- +goose Down
DROP INDEX tickets_opener;
CREATE INDEX tickets_opener ON tickets (contact_id, company_id);
DROP INDEX tickets_company_priority;
CREATE INDEX tickets_company_priority ON tickets (tenant_id, company_id, priority DESC, updated_at DESC, id DESC, status_id);
DROP INDEX tickets_contact;
CREATE INDEX tickets_contact ON tickets (tenant_id, company_id, contact_id, updated_at DESC, id DESC, status_id);
DROP INDEX tickets_portal;
ALTER TABLE tickets DROP COLUMN portal_at;
