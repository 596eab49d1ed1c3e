-- Ticket numbers are never handed out twice (ticketdelete): SQLite gives a new row the
-- highest id plus one, so after the newest ticket was deleted (spam, typically) the next
-- ticket would get its number, and staff and customers would see "#N" twice.
-- ticket_number_floor remembers the highest number a deleted ticket had; a new ticket on
-- SQLite is numbered above it (ticket.Create). PostgreSQL's sequence never goes back, so
-- there the row is only kept (a backup restores across engines alike).
-- +goose Up
CREATE TABLE ticket_number_floor (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_id BIGINT NOT NULL
);

-- +goose Down
DROP TABLE ticket_number_floor;
