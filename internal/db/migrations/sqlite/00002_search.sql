-- Substring search for the back office's lists: a trigram index (FTS5) over the
-- lower-cased search column, kept in step by triggers.
-- +goose Up
CREATE VIRTUAL TABLE companies_search USING fts5(search, content='companies', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE contacts_search USING fts5(search, content='contacts', content_rowid='id', tokenize='trigram');
INSERT INTO companies_search (rowid, search) SELECT id, search FROM companies;
INSERT INTO contacts_search (rowid, search) SELECT id, search FROM contacts;

-- +goose StatementBegin
CREATE TRIGGER companies_search_ai AFTER INSERT ON companies BEGIN
  INSERT INTO companies_search (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER companies_search_ad AFTER DELETE ON companies BEGIN
  INSERT INTO companies_search (companies_search, rowid, search) VALUES ('delete', old.id, old.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER companies_search_au AFTER UPDATE OF search ON companies BEGIN
  INSERT INTO companies_search (companies_search, rowid, search) VALUES ('delete', old.id, old.search);
  INSERT INTO companies_search (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER contacts_search_ai AFTER INSERT ON contacts BEGIN
  INSERT INTO contacts_search (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER contacts_search_ad AFTER DELETE ON contacts BEGIN
  INSERT INTO contacts_search (contacts_search, rowid, search) VALUES ('delete', old.id, old.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER contacts_search_au AFTER UPDATE OF search ON contacts BEGIN
  INSERT INTO contacts_search (contacts_search, rowid, search) VALUES ('delete', old.id, old.search);
  INSERT INTO contacts_search (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER contacts_search_au;
DROP TRIGGER contacts_search_ad;
DROP TRIGGER contacts_search_ai;
DROP TRIGGER companies_search_au;
DROP TRIGGER companies_search_ad;
DROP TRIGGER companies_search_ai;
DROP TABLE contacts_search;
DROP TABLE companies_search;
