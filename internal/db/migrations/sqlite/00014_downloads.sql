-- Downloads: folders (nested through parent_id) and files for all customers or chosen
-- companies. Every upload of a file is a version; the newest is the current one, older
-- ones stay as history. Downloads are counted per file and per version and logged (who,
-- for which company, when, which version) for staff. The upload limit is a setting of
-- the tenant's download area.
-- +goose Up
CREATE TABLE download_folders (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    parent_id BIGINT REFERENCES download_folders(id),
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX download_folders_parent ON download_folders (tenant_id, parent_id, position, name);

CREATE TABLE download_files (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    folder_id BIGINT REFERENCES download_folders(id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    visibility TEXT NOT NULL DEFAULT 'all',
    current_version_id BIGINT,
    downloads BIGINT NOT NULL DEFAULT 0,
    search TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX download_files_folder ON download_files (tenant_id, folder_id, updated_at, id);
CREATE INDEX download_files_newest ON download_files (tenant_id, updated_at, id);

CREATE TABLE download_versions (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    file_id BIGINT NOT NULL REFERENCES download_files(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    storage_key TEXT NOT NULL,
    original_name TEXT NOT NULL,
    size BIGINT NOT NULL,
    content_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    downloads BIGINT NOT NULL DEFAULT 0,
    uploaded_by TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX download_versions_number ON download_versions (file_id, number);

CREATE TABLE download_file_companies (
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    file_id BIGINT NOT NULL REFERENCES download_files(id) ON DELETE CASCADE,
    company_id BIGINT NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
    PRIMARY KEY (file_id, company_id)
);
CREATE INDEX download_file_companies_company ON download_file_companies (company_id, file_id);

CREATE TABLE download_log (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    file_id BIGINT NOT NULL REFERENCES download_files(id) ON DELETE CASCADE,
    version_id BIGINT NOT NULL REFERENCES download_versions(id) ON DELETE CASCADE,
    contact_id BIGINT REFERENCES contacts(id) ON DELETE SET NULL,
    company_id BIGINT REFERENCES companies(id) ON DELETE SET NULL,
    at BIGINT NOT NULL
);
CREATE INDEX download_log_file ON download_log (file_id, id);
CREATE INDEX download_log_version ON download_log (version_id);
CREATE INDEX download_log_contact ON download_log (contact_id);

CREATE TABLE download_settings (
    tenant_id BIGINT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    max_upload_bytes BIGINT NOT NULL
);

-- +goose Down
DROP TABLE download_settings;
DROP TABLE download_log;
DROP TABLE download_file_companies;
DROP TABLE download_versions;
DROP TABLE download_files;
DROP TABLE download_folders;
