-- Substring search for the back office's lists: trigram GIN indexes serve
-- "search LIKE '%term%'". pg_trgm is a trusted extension (the database owner may
-- create it); it lives in public so every schema finds its operator class.
-- +goose Up
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
CREATE INDEX companies_search_trgm ON companies USING gin (search public.gin_trgm_ops);
CREATE INDEX contacts_search_trgm ON contacts USING gin (search public.gin_trgm_ops);

-- +goose Down
DROP INDEX contacts_search_trgm;
DROP INDEX companies_search_trgm;
