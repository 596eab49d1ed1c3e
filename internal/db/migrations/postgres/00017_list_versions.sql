-- A company's list version counts the changes that can alter what its ticket lists
-- show. Portal requests read it with the contact's memberships, and a rendered list is
-- reused while the version is unchanged (portal.listCache). The triggers make the count
-- part of every write, whatever code or instance makes it, so no writer can forget to
-- invalidate: a ticket written, a follower added or removed, the name of a ticket's
-- opener changed, a status renamed or hidden from the portal.
--
-- The ticket and follower triggers are deferred to the commit: the company's row is
-- then locked only for the commit itself, not for the rest of a ticket's transaction,
-- so writes to the same company's tickets do not queue behind each other.
-- +goose Up
ALTER TABLE companies ADD COLUMN list_version BIGINT NOT NULL DEFAULT 0;
-- Finds the companies whose lists show a contact as a ticket's opener (and serves the
-- foreign key's ON DELETE SET NULL, which otherwise reads every ticket).
CREATE INDEX tickets_opener ON tickets (contact_id, company_id);

-- +goose StatementBegin
CREATE FUNCTION tickets_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE companies SET list_version = list_version + 1 WHERE id = NEW.company_id;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE companies SET list_version = list_version + 1 WHERE id IN (OLD.company_id, NEW.company_id);
  ELSE
    UPDATE companies SET list_version = list_version + 1 WHERE id = OLD.company_id;
  END IF;
  RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE CONSTRAINT TRIGGER tickets_list_version AFTER INSERT OR UPDATE OR DELETE ON tickets
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tickets_list_version();

-- +goose StatementBegin
CREATE FUNCTION ticket_followers_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE companies SET list_version = list_version + 1
  WHERE id = (SELECT company_id FROM tickets WHERE id = COALESCE(NEW.ticket_id, OLD.ticket_id));
  RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE CONSTRAINT TRIGGER ticket_followers_list_version AFTER INSERT OR DELETE ON ticket_followers
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ticket_followers_list_version();

-- +goose StatementBegin
CREATE FUNCTION contacts_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE companies SET list_version = list_version + 1
  WHERE id IN (SELECT company_id FROM tickets WHERE contact_id = NEW.id);
  RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER contacts_list_version AFTER UPDATE OF first_name, last_name ON contacts
  FOR EACH ROW WHEN (OLD.first_name IS DISTINCT FROM NEW.first_name OR OLD.last_name IS DISTINCT FROM NEW.last_name)
  EXECUTE FUNCTION contacts_list_version();

-- +goose StatementBegin
CREATE FUNCTION ticket_statuses_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE companies SET list_version = list_version + 1 WHERE tenant_id = COALESCE(NEW.tenant_id, OLD.tenant_id);
  RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER ticket_statuses_list_version AFTER INSERT OR UPDATE OR DELETE ON ticket_statuses
  FOR EACH ROW EXECUTE FUNCTION ticket_statuses_list_version();

-- +goose Down
DROP TRIGGER ticket_statuses_list_version ON ticket_statuses;
DROP FUNCTION ticket_statuses_list_version();
DROP TRIGGER contacts_list_version ON contacts;
DROP FUNCTION contacts_list_version();
DROP TRIGGER ticket_followers_list_version ON ticket_followers;
DROP FUNCTION ticket_followers_list_version();
DROP TRIGGER tickets_list_version ON tickets;
DROP FUNCTION tickets_list_version();
DROP INDEX tickets_opener;
ALTER TABLE companies DROP COLUMN list_version;
