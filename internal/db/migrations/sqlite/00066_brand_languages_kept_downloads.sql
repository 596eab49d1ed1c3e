-- Branding per language: the portal's title and welcome text in the portal's
-- languages besides the main ones on tenants (brand_title, brand_welcome). A language
-- without a row, or with an empty text, shows the main one (tenant/branding.go).
--
-- Kept download files: the files of a refused upload form in the back office's download
-- area (or of a form that asks for each file's title first), kept in the file store so
-- nobody uploads a large file twice. A row belongs to one staff member of one tenant;
-- publishing deletes the row in the transaction that creates the download (same
-- file_key). Rows older than a day are deleted with their files by the janitor
-- (download/kept.go). AUTOINCREMENT for the reason 00058 gives: a form lists them by id.
-- +goose Up
CREATE TABLE tenant_brand_texts (
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    welcome TEXT NOT NULL,
    PRIMARY KEY (tenant_id, language)
);
CREATE TABLE download_kept_files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    staff_id BIGINT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    file_key TEXT NOT NULL,
    filename TEXT NOT NULL,
    size BIGINT NOT NULL,
    content_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX download_kept_files_owner ON download_kept_files (tenant_id, staff_id);
CREATE INDEX download_kept_files_created ON download_kept_files (created_at);

-- +goose Down
-- The kept files' contents stay in the store as orphans, like any file of a dropped row.
DROP TABLE download_kept_files;
DROP TABLE tenant_brand_texts;
