-- A company's list version counts the changes that can alter what its ticket lists
-- show. Portal requests read it with the contact's memberships, and a rendered list is
-- reused while the version is unchanged (portal.listCache). The triggers make the count
-- part of every write, whatever code or instance makes it, so no writer can forget to
-- invalidate: a ticket written, a follower added or removed, the name of a ticket's
-- opener changed, a status renamed or hidden from the portal.
-- +goose Up
ALTER TABLE companies ADD COLUMN list_version BIGINT NOT NULL DEFAULT 0;
-- Finds the companies whose lists show a contact as a ticket's opener (and serves the
-- foreign key's ON DELETE SET NULL, which otherwise reads every ticket).
CREATE INDEX tickets_opener ON tickets (contact_id, company_id);

-- +goose StatementBegin
CREATE TRIGGER tickets_list_version_ai AFTER INSERT ON tickets BEGIN
  UPDATE companies SET list_version = list_version + 1 WHERE id = new.company_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER tickets_list_version_au AFTER UPDATE ON tickets BEGIN
  UPDATE companies SET list_version = list_version + 1 WHERE id IN (old.company_id, new.company_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER tickets_list_version_ad AFTER DELETE ON tickets BEGIN
  UPDATE companies SET list_version = list_version + 1 WHERE id = old.company_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ticket_followers_list_version_ai AFTER INSERT ON ticket_followers BEGIN
  UPDATE companies SET list_version = list_version + 1
  WHERE id = (SELECT company_id FROM tickets WHERE id = new.ticket_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ticket_followers_list_version_ad AFTER DELETE ON ticket_followers BEGIN
  UPDATE companies SET list_version = list_version + 1
  WHERE id = (SELECT company_id FROM tickets WHERE id = old.ticket_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER contacts_list_version_au AFTER UPDATE OF first_name, last_name ON contacts
WHEN old.first_name IS NOT new.first_name OR old.last_name IS NOT new.last_name BEGIN
  UPDATE companies SET list_version = list_version + 1
  WHERE id IN (SELECT company_id FROM tickets WHERE contact_id = new.id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ticket_statuses_list_version_ai AFTER INSERT ON ticket_statuses BEGIN
  UPDATE companies SET list_version = list_version + 1 WHERE tenant_id = new.tenant_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ticket_statuses_list_version_au AFTER UPDATE ON ticket_statuses BEGIN
  UPDATE companies SET list_version = list_version + 1 WHERE tenant_id = new.tenant_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ticket_statuses_list_version_ad AFTER DELETE ON ticket_statuses BEGIN
  UPDATE companies SET list_version = list_version + 1 WHERE tenant_id = old.tenant_id;
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
ALTER TABLE companies DROP COLUMN list_version;
