-- Which version of a derived search text the stored rows have (db.Refresh): the
-- search texts of knowledge-base texts, download files and companies are made by Go
-- code, and when a release changes how (new word splitting, folded spellings) it raises
-- the version, and the next start rewrites the outdated rows once. Without this every
-- start re-read and re-split every text — seconds of CPU before the server listens on a
-- large knowledge base. One row per refresh, shared by all tenants: the code is.
-- +goose Up
CREATE TABLE search_refreshed (
    name TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);

-- +goose Down
DROP TABLE search_refreshed;
