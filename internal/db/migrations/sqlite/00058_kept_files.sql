-- Kept files: a refused form keeps the files that were chosen (besides the back
-- office's stale replies of 00055, now also a reply or note refused for bad input, and
-- the portal's new-ticket and reply forms), so nobody has to choose them again. A row
-- belongs to exactly one owner: a staff member (staff_id), or a contact in the company
-- they were acting for (contact_id and company_id, so a contact who switched company
-- cannot use them there). ticket_id is NULL for a ticket not yet created (the portal's
-- new-ticket form). Every query filters by the full owner (ticket/staged.go).
-- SQLite cannot drop NOT NULL in place: the table is recreated and its rows kept.
-- Its ids are AUTOINCREMENT now, as PostgreSQL's identity never gives an id twice: a
-- form lists its kept files by id, and a plain INTEGER PRIMARY KEY hands the highest
-- id out again once its row is gone (sent or removed in another tab), so the id a form
-- still lists could come to mean another file of the same owner, kept meanwhile.
-- +goose Up
CREATE TABLE staged_uploads_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    staff_id BIGINT REFERENCES staff(id) ON DELETE CASCADE,
    ticket_id BIGINT REFERENCES tickets(id) ON DELETE CASCADE,
    file_key TEXT NOT NULL,
    filename TEXT NOT NULL,
    size BIGINT NOT NULL,
    content_type TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- last, in the order PostgreSQL's ALTER TABLE adds them: backups list a table's
    -- columns in order, and a backup restores across engines (internal/backup)
    contact_id BIGINT REFERENCES contacts(id) ON DELETE CASCADE,
    company_id BIGINT REFERENCES companies(id) ON DELETE CASCADE,
    CHECK ((staff_id IS NOT NULL AND contact_id IS NULL AND company_id IS NULL)
        OR (staff_id IS NULL AND contact_id IS NOT NULL AND company_id IS NOT NULL))
);
INSERT INTO staged_uploads_new (id, tenant_id, staff_id, ticket_id, file_key, filename, size, content_type, created_at)
    SELECT id, tenant_id, staff_id, ticket_id, file_key, filename, size, content_type, created_at FROM staged_uploads;
DROP TABLE staged_uploads;
ALTER TABLE staged_uploads_new RENAME TO staged_uploads;
CREATE INDEX staged_uploads_staff ON staged_uploads (tenant_id, staff_id, ticket_id) WHERE staff_id IS NOT NULL;
CREATE INDEX staged_uploads_contact ON staged_uploads (tenant_id, contact_id, company_id, ticket_id) WHERE contact_id IS NOT NULL;
CREATE INDEX staged_uploads_created ON staged_uploads (created_at);

-- +goose Down
-- Contacts' kept files and new-ticket rows have no place in the old table; their
-- files stay in the store as orphans, like any file of a dropped row.
DELETE FROM staged_uploads WHERE staff_id IS NULL OR ticket_id IS NULL;
CREATE TABLE staged_uploads_old (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    staff_id BIGINT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    file_key TEXT NOT NULL,
    filename TEXT NOT NULL,
    size BIGINT NOT NULL,
    content_type TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
INSERT INTO staged_uploads_old (id, tenant_id, staff_id, ticket_id, file_key, filename, size, content_type, created_at)
    SELECT id, tenant_id, staff_id, ticket_id, file_key, filename, size, content_type, created_at FROM staged_uploads;
DROP TABLE staged_uploads;
ALTER TABLE staged_uploads_old RENAME TO staged_uploads;
CREATE INDEX staged_uploads_owner ON staged_uploads (tenant_id, staff_id, ticket_id);
CREATE INDEX staged_uploads_created ON staged_uploads (created_at);
