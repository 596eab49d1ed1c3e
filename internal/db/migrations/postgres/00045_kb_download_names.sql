-- Names of knowledge-base categories and download folders in the portal's other
-- languages (back office → the category's or folder's "Translations"): a reader sees
-- the name in their language, and the main name where none is given. The portal loads
-- a tenant's few names once per request (by tenant_id) and looks them up in memory, so
-- the queries of the lists stay as they are. A name goes with its category or folder.
-- No list version is bumped: no kept fragment shows these names.
-- +goose Up
CREATE TABLE kb_category_names (
    category_id BIGINT NOT NULL REFERENCES kb_categories(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (category_id, language)
);
CREATE INDEX kb_category_names_tenant ON kb_category_names (tenant_id);

CREATE TABLE download_folder_names (
    folder_id BIGINT NOT NULL REFERENCES download_folders(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (folder_id, language)
);
CREATE INDEX download_folder_names_tenant ON download_folder_names (tenant_id);

-- +goose Down
DROP TABLE download_folder_names;
DROP TABLE kb_category_names;
