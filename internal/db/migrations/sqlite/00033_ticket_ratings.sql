-- Customer satisfaction: the contact who opened a ticket rates it (good or bad, with an
-- optional comment) once per resolution, when the tenant asks for it (ticket_ratings,
-- off by default). tickets.resolution counts how often the ticket went from open to
-- resolved or closed, so a reopened and again resolved ticket is rated anew and every
-- rating is kept; a ticket done before this migration is rated as resolution 0.
-- tickets.last_rating repeats its newest rating for the queue's filter and badge, the
-- partial index serving "good" and "bad" without touching unrated tickets.
-- ticket_ratings_recent answers the dashboard's share of good ratings from the index.
-- +goose Up
ALTER TABLE tenants ADD COLUMN ticket_ratings BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE tickets ADD COLUMN resolution INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN last_rating TEXT;
CREATE INDEX tickets_rating ON tickets (tenant_id, last_rating, updated_at DESC, id DESC) WHERE last_rating IS NOT NULL;

CREATE TABLE ticket_ratings (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    resolution INTEGER NOT NULL,
    contact_id BIGINT REFERENCES contacts(id) ON DELETE SET NULL,
    rating TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    rated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX ticket_ratings_resolution ON ticket_ratings (ticket_id, resolution);
CREATE INDEX ticket_ratings_recent ON ticket_ratings (tenant_id, rated_at, rating);

-- +goose Down
DROP TABLE ticket_ratings;
DROP INDEX tickets_rating;
ALTER TABLE tickets DROP COLUMN last_rating;
ALTER TABLE tickets DROP COLUMN resolution;
ALTER TABLE tenants DROP COLUMN ticket_ratings;
