-- Download notices: a contact asks to hear about new files in a folder (and the folders
-- below it) or about new versions of a file. A subscription belongs to the contact AND
-- the company (membership) it was made in: what the contact is told about is what that
-- company may see. Exactly one of folder_id and file_id is set.
--
-- Publishing a file or version writes a pending notice per subscriber who may see it
-- (download/notice.go); each new notice moves due_at of all pending notices of that
-- contact and company to "now + window", so uploads in a row go out as one digest mail
-- once the window passed quietly. The sweep claims a contact's due notices by deleting
-- them in the transaction that queues the mail, so on PostgreSQL a digest is sent by
-- exactly one instance (the second DELETE finds the rows gone).
-- +goose Up
CREATE TABLE download_subscriptions (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    contact_id BIGINT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    company_id BIGINT NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
    folder_id BIGINT REFERENCES download_folders(id) ON DELETE CASCADE,
    file_id BIGINT REFERENCES download_files(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    CHECK ((folder_id IS NULL) <> (file_id IS NULL))
);
CREATE UNIQUE INDEX download_subscriptions_folder ON download_subscriptions (folder_id, contact_id, company_id)
    WHERE folder_id IS NOT NULL;
CREATE UNIQUE INDEX download_subscriptions_file ON download_subscriptions (file_id, contact_id, company_id)
    WHERE file_id IS NOT NULL;
CREATE INDEX download_subscriptions_contact ON download_subscriptions (contact_id, id);
CREATE INDEX download_subscriptions_company ON download_subscriptions (company_id);

CREATE TABLE download_notices (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    contact_id BIGINT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    company_id BIGINT NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
    file_id BIGINT NOT NULL REFERENCES download_files(id) ON DELETE CASCADE,
    version_id BIGINT NOT NULL REFERENCES download_versions(id) ON DELETE CASCADE,
    due_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX download_notices_version ON download_notices (version_id, contact_id, company_id);
CREATE INDEX download_notices_due ON download_notices (due_at, id);
CREATE INDEX download_notices_contact ON download_notices (contact_id, company_id);
CREATE INDEX download_notices_file ON download_notices (file_id);
CREATE INDEX download_notices_company ON download_notices (company_id);

-- +goose Down
DROP TABLE download_notices;
DROP TABLE download_subscriptions;
