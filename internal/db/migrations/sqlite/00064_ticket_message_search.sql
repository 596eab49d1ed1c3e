-- Search in a ticket's conversation (ticketsearch): the words of every message (its
-- text and the names of its files, split and folded by Go: package words) in a word
-- index of their own. Contentless (content=''): the words are not stored a second
-- time; detail=none: a search needs to know which messages hold a word, not where.
-- The application writes a message's words with the message; a deleted message (a
-- ticket deleted with its tenant) leaves the index by the trigger, so a message id
-- SQLite hands out again never finds the old words.
-- Messages written before this migration are indexed in the background after start
-- (ticket.IndexOlder), newest first, from below the id recorded here.
-- +goose Up
CREATE VIRTUAL TABLE ticket_messages_search USING fts5(words, content='', contentless_delete=1, detail=none,
    tokenize='unicode61 remove_diacritics 0 categories ''L* N* Co M*''');

-- +goose StatementBegin
CREATE TRIGGER ticket_messages_search_ad AFTER DELETE ON ticket_messages BEGIN
  DELETE FROM ticket_messages_search WHERE rowid = old.id;
END;
-- +goose StatementEnd

INSERT INTO search_refreshed (name, version)
    SELECT 'ticket_messages_below', COALESCE(MAX(id), 0) + 1 FROM ticket_messages;

-- +goose Down
DELETE FROM search_refreshed WHERE name = 'ticket_messages_below';
DROP TRIGGER ticket_messages_search_ad;
DROP TABLE ticket_messages_search;
