-- Knowledge base: categories, articles with one translation per language (title and
-- Markdown body), the companies chosen for restricted articles, and images. Search runs
-- on an FTS5 index (unicode61 words, case folded, diacritics kept so that both engines
-- agree) over each translation's title and plain text, kept in step by triggers.
-- The search_title / search_body columns hold the words as the application splits
-- them; PostgreSQL indexes those, SQLite keeps them only so both engines store the same.
-- +goose Up
CREATE TABLE kb_categories (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX kb_categories_tenant ON kb_categories (tenant_id, position, name);

CREATE TABLE kb_articles (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    category_id BIGINT REFERENCES kb_categories(id) ON DELETE SET NULL,
    slug TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    visibility TEXT NOT NULL DEFAULT 'customers',
    author_staff_id BIGINT REFERENCES staff(id) ON DELETE SET NULL,
    views BIGINT NOT NULL DEFAULT 0,
    published_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX kb_articles_slug ON kb_articles (tenant_id, slug);
CREATE INDEX kb_articles_status ON kb_articles (tenant_id, status, updated_at);
CREATE INDEX kb_articles_category ON kb_articles (category_id);

CREATE TABLE kb_article_companies (
    article_id BIGINT NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
    company_id BIGINT NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, company_id)
);
CREATE INDEX kb_article_companies_company ON kb_article_companies (company_id);

CREATE TABLE kb_translations (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    article_id BIGINT NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    plain TEXT NOT NULL DEFAULT '',
    search_title TEXT NOT NULL DEFAULT '',
    search_body TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX kb_translations_lang ON kb_translations (article_id, language);

CREATE TABLE kb_images (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    article_id BIGINT NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
    file_key TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    staff_id BIGINT REFERENCES staff(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX kb_images_article ON kb_images (article_id, id);

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

-- +goose Down
DROP TRIGGER kb_search_au;
DROP TRIGGER kb_search_ad;
DROP TRIGGER kb_search_ai;
DROP TABLE kb_search;
DROP TABLE kb_images;
DROP TABLE kb_translations;
DROP TABLE kb_article_companies;
DROP TABLE kb_articles;
DROP TABLE kb_categories;
