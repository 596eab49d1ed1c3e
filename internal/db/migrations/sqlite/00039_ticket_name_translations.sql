-- Names of a tenant's ticket categories and self-named statuses in the portal's other
-- languages (Settings → Helpdesk): a contact reads them in their language, and the main
-- name where none is given. kind is "category" or "status"; ref_id is the row's id. The
-- pages load a tenant's few names once per request, so the ticket list query stays as
-- it is. Changing one bumps the tenant's list versions like a status rename does
-- (00017): kept lists show status names.
-- +goose Up
CREATE TABLE ticket_name_translations (
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('category', 'status')),
    ref_id BIGINT NOT NULL,
    language TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (tenant_id, kind, ref_id, language)
);

-- +goose StatementBegin
CREATE TRIGGER ticket_name_translations_list_version_ai AFTER INSERT ON ticket_name_translations BEGIN
  INSERT INTO list_versions (company_id, version) SELECT id, 1 FROM companies WHERE tenant_id = new.tenant_id
  ON CONFLICT (company_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ticket_name_translations_list_version_au AFTER UPDATE ON ticket_name_translations BEGIN
  INSERT INTO list_versions (company_id, version) SELECT id, 1 FROM companies WHERE tenant_id = new.tenant_id
  ON CONFLICT (company_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ticket_name_translations_list_version_ad AFTER DELETE ON ticket_name_translations BEGIN
  INSERT INTO list_versions (company_id, version) SELECT id, 1 FROM companies WHERE tenant_id = old.tenant_id
  ON CONFLICT (company_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER ticket_name_translations_list_version_ad;
DROP TRIGGER ticket_name_translations_list_version_au;
DROP TRIGGER ticket_name_translations_list_version_ai;
DROP TABLE ticket_name_translations;
