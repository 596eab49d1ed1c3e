-- Archiving a customer company: staff take it out of the portal and out of every place
-- a company is chosen for something new, without deleting anything. Memberships and
-- their access states stay as they were (access checks skip archived companies), so a
-- restore brings them back unchanged; tickets and history stay in the back office.
-- archived_by is kept when the staff member leaves (the name is looked up, like
-- staff_note_by). The company list walks companies_name for the live companies; the
-- few archived ones get a partial index of their own, so the "archived" filter reads
-- only them instead of every company of the tenant.
-- +goose Up
ALTER TABLE companies ADD COLUMN archived_at BIGINT;
ALTER TABLE companies ADD COLUMN archived_by BIGINT;
CREATE INDEX companies_archived ON companies (tenant_id, name, id) WHERE archived_at IS NOT NULL;

-- +goose Down
DROP INDEX companies_archived;
ALTER TABLE companies DROP COLUMN archived_by;
ALTER TABLE companies DROP COLUMN archived_at;
