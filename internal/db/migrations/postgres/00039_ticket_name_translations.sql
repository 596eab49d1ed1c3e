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
CREATE FUNCTION ticket_name_translations_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_list_versions(ARRAY(SELECT id FROM companies WHERE tenant_id = COALESCE(NEW.tenant_id, OLD.tenant_id)));
  RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER ticket_name_translations_list_version AFTER INSERT OR UPDATE OR DELETE ON ticket_name_translations
  FOR EACH ROW EXECUTE FUNCTION ticket_name_translations_list_version();

-- +goose Down
DROP TRIGGER ticket_name_translations_list_version ON ticket_name_translations;
DROP FUNCTION ticket_name_translations_list_version();
DROP TABLE ticket_name_translations;
