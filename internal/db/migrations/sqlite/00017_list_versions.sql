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
-- A bump names only companies that still exist: deleting a company deletes its tickets,
-- and their triggers must not bring its version back. (The application deletes no
-- companies. If it ever does: SQLite may give the newest company's id to the next one,
-- whose versions would start again at 1 and could meet lists kept for the deleted one;
-- a company's deletion must then leave its version row behind, bumped.)
-- +goose Up
CREATE TABLE list_versions (
    company_id INTEGER PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
    version BIGINT NOT NULL
);
-- Finds the companies whose lists show a contact as a ticket's opener (and serves the
-- foreign key's ON DELETE SET NULL, which otherwise reads every ticket).
CREATE INDEX tickets_opener ON tickets (contact_id, company_id);

-- +goose StatementBegin
CREATE TRIGGER tickets_list_version_ai AFTER INSERT ON tickets BEGIN
  INSERT INTO list_versions (company_id, version) SELECT new.company_id, 1 WHERE true
  ON CONFLICT (company_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER tickets_list_version_au AFTER UPDATE ON tickets BEGIN
  INSERT INTO list_versions (company_id, version) SELECT id, 1 FROM companies WHERE id IN (old.company_id, new.company_id)
  ON CONFLICT (company_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER tickets_list_version_ad AFTER DELETE ON tickets BEGIN
  INSERT INTO list_versions (company_id, version) SELECT id, 1 FROM companies WHERE id = old.company_id
  ON CONFLICT (company_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ticket_followers_list_version_ai AFTER INSERT ON ticket_followers BEGIN
  INSERT INTO list_versions (company_id, version) SELECT company_id, 1 FROM tickets WHERE id = new.ticket_id
  ON CONFLICT (company_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ticket_followers_list_version_ad AFTER DELETE ON ticket_followers BEGIN
  INSERT INTO list_versions (company_id, version) SELECT t.company_id, 1 FROM tickets t JOIN companies c ON c.id = t.company_id WHERE t.id = old.ticket_id
  ON CONFLICT (company_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER contacts_list_version_au AFTER UPDATE OF first_name, last_name ON contacts
WHEN old.first_name IS NOT new.first_name OR old.last_name IS NOT new.last_name BEGIN
  INSERT INTO list_versions (company_id, version) SELECT DISTINCT company_id, 1 FROM tickets WHERE contact_id = new.id
  ON CONFLICT (company_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ticket_statuses_list_version_ai AFTER INSERT ON ticket_statuses BEGIN
  INSERT INTO list_versions (company_id, version) SELECT id, 1 FROM companies WHERE tenant_id = new.tenant_id
  ON CONFLICT (company_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ticket_statuses_list_version_au AFTER UPDATE ON ticket_statuses BEGIN
  INSERT INTO list_versions (company_id, version) SELECT id, 1 FROM companies WHERE tenant_id = new.tenant_id
  ON CONFLICT (company_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ticket_statuses_list_version_ad AFTER DELETE ON ticket_statuses BEGIN
  INSERT INTO list_versions (company_id, version) SELECT id, 1 FROM companies WHERE tenant_id = old.tenant_id
  ON CONFLICT (company_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER ticket_statuses_list_version_ad;
DROP TRIGGER ticket_statuses_list_version_au;
DROP TRIGGER ticket_statuses_list_version_ai;
DROP TRIGGER contacts_list_version_au;
DROP TRIGGER ticket_followers_list_version_ad;
DROP TRIGGER ticket_followers_list_version_ai;
DROP TRIGGER tickets_list_version_ad;
DROP TRIGGER tickets_list_version_au;
DROP TRIGGER tickets_list_version_ai;
DROP INDEX tickets_opener;
DROP TABLE list_versions;
