-- Search in a ticket's conversation (ticketsearch): the words of every message (its
-- text and the names of its files, split and folded by Go: package words) as a
-- tsvector without positions, written by the application as a literal, so PostgreSQL
-- indexes exactly the words SQLite's FTS5 table does; searched through a GIN index.
-- Messages written before this migration are indexed in the background after start
-- (ticket.IndexOlder), newest first, from below the id recorded here. Adding a column
-- without a default rewrites nothing.
-- +goose Up
ALTER TABLE ticket_messages ADD COLUMN search_tsv tsvector;
CREATE INDEX ticket_messages_search ON ticket_messages USING gin (search_tsv);

INSERT INTO search_refreshed (name, version)
    SELECT 'ticket_messages_below', COALESCE(MAX(id), 0) + 1 FROM ticket_messages;

-- +goose Down
DELETE FROM search_refreshed WHERE name = 'ticket_messages_below';
DROP INDEX ticket_messages_search;
ALTER TABLE ticket_messages DROP COLUMN search_tsv;
