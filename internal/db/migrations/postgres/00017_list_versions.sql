-- A company's list version changes with every write that can alter what its ticket
-- lists show. Portal requests read it with the contact's memberships, and a rendered
-- list is reused while the version is unchanged (portal.ticketList). The triggers make
-- the change part of every write, whatever code or instance makes it, so no writer can
-- forget to invalidate: a ticket written, a follower added or removed, the name of a
-- ticket's opener changed, a status renamed or hidden from the portal.
--
-- The versions live in a table of their own rather than on the company's row: that row
-- is read on every portal request, and on PostgreSQL a row updated with every ticket
-- write leaves a trail of dead versions that each read walks until vacuum (a list page
-- went from 7,000 to 3,100 requests/s after a few thousand ticket writes).
--
-- The table keeps most of each page free (fillfactor 10), so a version's update stays
-- on its page and a read prunes the old versions as it passes. The ticket and follower
-- triggers are deferred to the commit: the version's row is then locked only for the
-- commit itself, not for the rest of a ticket's transaction, so writes to one company's
-- tickets do not queue behind each other.
-- +goose Up
CREATE TABLE list_versions (
    company_id BIGINT PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
    version BIGINT NOT NULL
) WITH (fillfactor = 10);
-- Finds the companies whose lists show a contact as a ticket's opener (and serves the
-- foreign key's ON DELETE SET NULL, which otherwise reads every ticket).
CREATE INDEX tickets_opener ON tickets (contact_id, company_id);

-- +goose StatementBegin
-- Only companies that still exist: deleting a company deletes its tickets, and their
-- triggers must not bring its version back. In the order of their ids, so two
-- transactions bumping the same companies lock them in the same order (no deadlock).
CREATE FUNCTION bump_list_versions(ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO list_versions (company_id, version) SELECT c.id, 1 FROM companies c WHERE c.id = ANY(ids) ORDER BY c.id
  ON CONFLICT (company_id) DO UPDATE SET version = list_versions.version + 1;
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION tickets_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_list_versions(ARRAY[NEW.company_id]);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM bump_list_versions(ARRAY[OLD.company_id, NEW.company_id]);
  ELSE
    PERFORM bump_list_versions(ARRAY[OLD.company_id]);
  END IF;
  RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE CONSTRAINT TRIGGER tickets_list_version AFTER INSERT OR UPDATE OR DELETE ON tickets
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tickets_list_version();

-- +goose StatementBegin
CREATE FUNCTION ticket_followers_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_list_versions(ARRAY(SELECT company_id FROM tickets WHERE id = COALESCE(NEW.ticket_id, OLD.ticket_id)));
  RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE CONSTRAINT TRIGGER ticket_followers_list_version AFTER INSERT OR DELETE ON ticket_followers
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ticket_followers_list_version();

-- +goose StatementBegin
CREATE FUNCTION contacts_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_list_versions(ARRAY(SELECT company_id FROM tickets WHERE contact_id = NEW.id));
  RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER contacts_list_version AFTER UPDATE OF first_name, last_name ON contacts
  FOR EACH ROW WHEN (OLD.first_name IS DISTINCT FROM NEW.first_name OR OLD.last_name IS DISTINCT FROM NEW.last_name)
  EXECUTE FUNCTION contacts_list_version();

-- +goose StatementBegin
CREATE FUNCTION ticket_statuses_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_list_versions(ARRAY(SELECT id FROM companies WHERE tenant_id = COALESCE(NEW.tenant_id, OLD.tenant_id)));
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
DROP FUNCTION bump_list_versions(BIGINT[]);
DROP INDEX tickets_opener;
DROP TABLE list_versions;
