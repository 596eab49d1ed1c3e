-- Staged uploads: the files of a reply or note that the ticket page refused because
-- others changed the ticket since it was shown (admin/ticket_stale.go). They are kept in
-- the file store under their generated names so "Send anyway" attaches them without
-- choosing them again. A row belongs to one staff member on one ticket of one tenant and
-- only they can use it; using it deletes the row in the transaction that writes the
-- attachment (same file_key), so a file is attached once. Rows older than a day are
-- deleted with their files by the janitor (ticket/staged.go); created_at serves it.
-- There is no SHA column: ticket_attachments keeps none either.
-- +goose Up
CREATE TABLE staged_uploads (
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
CREATE INDEX staged_uploads_owner ON staged_uploads (tenant_id, staff_id, ticket_id);
CREATE INDEX staged_uploads_created ON staged_uploads (created_at);

-- +goose Down
DROP TABLE staged_uploads;
