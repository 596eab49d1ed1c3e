-- The openers of tickets merged into a ticket hear of it as of their own request, so
-- every ticket mail looks up "tickets merged into this one": an index over the few
-- merged tickets keeps that a lookup, not a scan of a million. The ratings' contact
-- gets the index every other contact reference has (contacts are anonymised, and a
-- future delete must not scan the ratings).
-- +goose Up
CREATE INDEX tickets_merged_into ON tickets (tenant_id, merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX ticket_ratings_contact ON ticket_ratings (contact_id);

-- +goose Down
DROP INDEX ticket_ratings_contact;
DROP INDEX tickets_merged_into;
