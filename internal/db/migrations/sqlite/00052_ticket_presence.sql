-- Presence ("collision detection"): which staff members have a ticket open in the back
-- office right now, and whether they are writing a reply (ticket/presence.go). The
-- ticket page upserts its row on every heartbeat; a row older than ticket.PresenceTTL
-- counts as gone and is deleted by the next heartbeat on the ticket or by the janitor,
-- so the table holds only the few tickets open at this moment. It lives in the
-- database, not in memory, so that several instances behind one load balancer see each
-- other's staff. The primary key serves the ticket page (one ticket's rows) and the
-- queue (a page's ticket ids); seen_at serves the janitor's sweep.
-- +goose Up
CREATE TABLE ticket_presence (
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    staff_id BIGINT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    typing BOOLEAN NOT NULL DEFAULT FALSE,
    seen_at BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, ticket_id, staff_id)
);
CREATE INDEX ticket_presence_seen ON ticket_presence (seen_at);

-- +goose Down
DROP TABLE ticket_presence;
