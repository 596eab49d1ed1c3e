-- Knowledge base search and addresses (kbsearch):
-- 1. kb_search is rebuilt so that combining marks (Thai vowel and tone marks, Hebrew
--    points) stay inside words instead of splitting them, and so that it also indexes
--    search_title and search_body: the application writes there each word's folded
--    spelling besides the word ("wärme waerme"), which PostgreSQL's search_tsv already
--    indexes. title and plain stay indexed for the snippets. The application refreshes
--    search_title and search_body of older rows at start (kb.RefreshSearch).
-- 2. kb_slug_history keeps an article's former slugs, so old links redirect to its
--    current address instead of ending in "not found".

-- +goose Up
DROP TRIGGER kb_search_au;
DROP TRIGGER kb_search_ad;
DROP TRIGGER kb_search_ai;
DROP TABLE kb_search;

CREATE VIRTUAL TABLE kb_search USING fts5(title, plain, search_title, search_body, content='kb_translations',
    content_rowid='id', tokenize='unicode61 remove_diacritics 0 categories ''L* N* Co M*''');

-- +goose StatementBegin
CREATE TRIGGER kb_search_ai AFTER INSERT ON kb_translations BEGIN
  INSERT INTO kb_search (rowid, title, plain, search_title, search_body)
    VALUES (new.id, new.title, new.plain, new.search_title, new.search_body);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER kb_search_ad AFTER DELETE ON kb_translations BEGIN
  INSERT INTO kb_search (kb_search, rowid, title, plain, search_title, search_body)
    VALUES ('delete', old.id, old.title, old.plain, old.search_title, old.search_body);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER kb_search_au AFTER UPDATE OF title, plain, search_title, search_body ON kb_translations BEGIN
  INSERT INTO kb_search (kb_search, rowid, title, plain, search_title, search_body)
    VALUES ('delete', old.id, old.title, old.plain, old.search_title, old.search_body);
  INSERT INTO kb_search (rowid, title, plain, search_title, search_body)
    VALUES (new.id, new.title, new.plain, new.search_title, new.search_body);
END;
-- +goose StatementEnd

INSERT INTO kb_search (kb_search) VALUES ('rebuild');

CREATE TABLE kb_slug_history (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    article_id BIGINT NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX kb_slug_history_slug ON kb_slug_history (tenant_id, slug);
CREATE INDEX kb_slug_history_article ON kb_slug_history (article_id);

-- +goose Down
DROP TABLE kb_slug_history;
DROP TRIGGER kb_search_au;
DROP TRIGGER kb_search_ad;
DROP TRIGGER kb_search_ai;
DROP TABLE kb_search;
CREATE VIRTUAL TABLE kb_search USING fts5(title, plain, content='kb_translations', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0');
-- +goose StatementBegin
CREATE TRIGGER kb_search_ai AFTER INSERT ON kb_translations BEGIN
  INSERT INTO kb_search (rowid, title, plain) VALUES (new.id, new.title, new.plain);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER kb_search_ad AFTER DELETE ON kb_translations BEGIN
  INSERT INTO kb_search (kb_search, rowid, title, plain) VALUES ('delete', old.id, old.title, old.plain);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER kb_search_au AFTER UPDATE OF title, plain ON kb_translations BEGIN
  INSERT INTO kb_search (kb_search, rowid, title, plain) VALUES ('delete', old.id, old.title, old.plain);
  INSERT INTO kb_search (rowid, title, plain) VALUES (new.id, new.title, new.plain);
END;
-- +goose StatementEnd
INSERT INTO kb_search (kb_search) VALUES ('rebuild');
