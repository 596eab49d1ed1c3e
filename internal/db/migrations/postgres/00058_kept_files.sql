-- Kept files: a refused form keeps the files that were chosen (besides the back
-- office's stale replies of 00055, now also a reply or note refused for bad input, and
-- the portal's new-ticket and reply forms), so nobody has to choose them again. A row
-- belongs to exactly one owner: a staff member (staff_id), or a contact in the company
-- they were acting for (contact_id and company_id, so a contact who switched company
-- cannot use them there). ticket_id is NULL for a ticket not yet created (the portal's
-- new-ticket form). Every query filters by the full owner (ticket/staged.go).
-- +goose Up
ALTER TABLE staged_uploads ALTER COLUMN staff_id DROP NOT NULL;
ALTER TABLE staged_uploads ALTER COLUMN ticket_id DROP NOT NULL;
ALTER TABLE staged_uploads ADD COLUMN contact_id BIGINT REFERENCES contacts(id) ON DELETE CASCADE;
ALTER TABLE staged_uploads ADD COLUMN company_id BIGINT REFERENCES companies(id) ON DELETE CASCADE;
ALTER TABLE staged_uploads ADD CONSTRAINT staged_uploads_one_owner CHECK (
    (staff_id IS NOT NULL AND contact_id IS NULL AND company_id IS NULL)
    OR (staff_id IS NULL AND contact_id IS NOT NULL AND company_id IS NOT NULL));
DROP INDEX staged_uploads_owner;
CREATE INDEX staged_uploads_staff ON staged_uploads (tenant_id, staff_id, ticket_id) WHERE staff_id IS NOT NULL;
CREATE INDEX staged_uploads_contact ON staged_uploads (tenant_id, contact_id, company_id, ticket_id) WHERE contact_id IS NOT NULL;

-- +goose Down
-- Contacts' kept files and new-ticket rows have no place in the old table; their
-- files stay in the store as orphans, like any file of a dropped row.
DELETE FROM staged_uploads WHERE staff_id IS NULL OR ticket_id IS NULL;
DROP INDEX staged_uploads_contact;
DROP INDEX staged_uploads_staff;
ALTER TABLE staged_uploads DROP CONSTRAINT staged_uploads_one_owner;
ALTER TABLE staged_uploads DROP COLUMN company_id;
ALTER TABLE staged_uploads DROP COLUMN contact_id;
ALTER TABLE staged_uploads ALTER COLUMN ticket_id SET NOT NULL;
ALTER TABLE staged_uploads ALTER COLUMN staff_id SET NOT NULL;
CREATE INDEX staged_uploads_owner ON staged_uploads (tenant_id, staff_id, ticket_id);
