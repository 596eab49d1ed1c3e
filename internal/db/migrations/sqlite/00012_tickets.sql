-- The helpdesk: tickets of a company, their conversation (public replies and internal
-- notes of staff), status history, attachments and followers; statuses and categories
-- are configured per tenant. Outgoing mails remember their ticket and threading headers
-- so a reply by email finds its way back.
-- +goose Up
ALTER TABLE tenants ADD COLUMN ticket_reopen BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE tenants ADD COLUMN upload_limit_mb INTEGER NOT NULL DEFAULT 20;

CREATE TABLE ticket_statuses (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    code TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    portal_visible BOOLEAN NOT NULL DEFAULT TRUE,
    active BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX ticket_statuses_tenant ON ticket_statuses (tenant_id, position);

CREATE TABLE ticket_categories (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    active BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX ticket_categories_tenant ON ticket_categories (tenant_id, position);

CREATE TABLE tickets (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    company_id BIGINT NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
    contact_id BIGINT REFERENCES contacts(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    status_id BIGINT NOT NULL REFERENCES ticket_statuses(id),
    priority INTEGER NOT NULL DEFAULT 2,
    category_id BIGINT REFERENCES ticket_categories(id) ON DELETE SET NULL,
    location TEXT NOT NULL DEFAULT '',
    asset TEXT NOT NULL DEFAULT '',
    assignee_id BIGINT REFERENCES staff(id) ON DELETE SET NULL,
    billed BOOLEAN NOT NULL DEFAULT FALSE,
    request_state TEXT NOT NULL DEFAULT 'pending',
    decision_reason TEXT NOT NULL DEFAULT '',
    via TEXT NOT NULL DEFAULT 'portal',
    reply_token TEXT NOT NULL,
    search TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    closed_at BIGINT
);
CREATE UNIQUE INDEX tickets_reply_token ON tickets (reply_token);
CREATE INDEX tickets_company ON tickets (tenant_id, company_id, updated_at DESC, id DESC);
CREATE INDEX tickets_contact ON tickets (tenant_id, company_id, contact_id, updated_at DESC, id DESC);
CREATE INDEX tickets_company_priority ON tickets (tenant_id, company_id, priority DESC, updated_at DESC);
CREATE INDEX tickets_queue ON tickets (tenant_id, updated_at DESC, id DESC);
CREATE INDEX tickets_status ON tickets (tenant_id, status_id, updated_at DESC);
CREATE INDEX tickets_assignee ON tickets (tenant_id, assignee_id, updated_at DESC);
CREATE INDEX tickets_queue_company ON tickets (tenant_id, company_id, status_id);

CREATE VIRTUAL TABLE tickets_search USING fts5(search, content='tickets', content_rowid='id', tokenize='trigram');
-- +goose StatementBegin
CREATE TRIGGER tickets_search_ai AFTER INSERT ON tickets BEGIN
  INSERT INTO tickets_search (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER tickets_search_ad AFTER DELETE ON tickets BEGIN
  INSERT INTO tickets_search (tickets_search, rowid, search) VALUES ('delete', old.id, old.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER tickets_search_au AFTER UPDATE OF search ON tickets BEGIN
  INSERT INTO tickets_search (tickets_search, rowid, search) VALUES ('delete', old.id, old.search);
  INSERT INTO tickets_search (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd

CREATE TABLE ticket_messages (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    contact_id BIGINT REFERENCES contacts(id) ON DELETE SET NULL,
    staff_id BIGINT REFERENCES staff(id) ON DELETE SET NULL,
    author TEXT NOT NULL DEFAULT '',
    internal BOOLEAN NOT NULL DEFAULT FALSE,
    body TEXT NOT NULL,
    via TEXT NOT NULL DEFAULT 'portal',
    mail_message_id TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, id);

CREATE TABLE ticket_events (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    from_status_id BIGINT REFERENCES ticket_statuses(id) ON DELETE SET NULL,
    to_status_id BIGINT REFERENCES ticket_statuses(id) ON DELETE SET NULL,
    contact_id BIGINT REFERENCES contacts(id) ON DELETE SET NULL,
    staff_id BIGINT REFERENCES staff(id) ON DELETE SET NULL,
    actor TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, id);

CREATE TABLE ticket_attachments (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    message_id BIGINT REFERENCES ticket_messages(id) ON DELETE CASCADE,
    file_key TEXT NOT NULL,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX ticket_attachments_ticket ON ticket_attachments (ticket_id, id);

CREATE TABLE ticket_followers (
    ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    contact_id BIGINT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (ticket_id, contact_id)
);
CREATE INDEX ticket_followers_contact ON ticket_followers (contact_id, ticket_id);

ALTER TABLE mails ADD COLUMN reply_to TEXT NOT NULL DEFAULT '';
ALTER TABLE mails ADD COLUMN in_reply_to TEXT NOT NULL DEFAULT '';
ALTER TABLE mails ADD COLUMN ticket_id BIGINT REFERENCES tickets(id) ON DELETE SET NULL;
CREATE INDEX mails_message_id ON mails (message_id);

INSERT INTO ticket_statuses (tenant_id, code, kind, position, portal_visible)
SELECT t.id, s.code, s.kind, s.position, TRUE FROM tenants t, (
    SELECT 'new' AS code, 'open' AS kind, 1 AS position UNION ALL
    SELECT 'accepted', 'open', 2 UNION ALL
    SELECT 'in_progress', 'open', 3 UNION ALL
    SELECT 'waiting', 'waiting', 4 UNION ALL
    SELECT 'resolved', 'resolved', 5 UNION ALL
    SELECT 'closed', 'closed', 6 UNION ALL
    SELECT 'declined', 'closed', 7) s;

-- +goose Down
DROP INDEX mails_message_id;
ALTER TABLE mails DROP COLUMN ticket_id;
ALTER TABLE mails DROP COLUMN in_reply_to;
ALTER TABLE mails DROP COLUMN reply_to;
DROP TABLE ticket_followers;
DROP TABLE ticket_attachments;
DROP TABLE ticket_events;
DROP TABLE ticket_messages;
DROP TABLE tickets_search;
DROP TABLE tickets;
DROP TABLE ticket_categories;
DROP TABLE ticket_statuses;
ALTER TABLE tenants DROP COLUMN upload_limit_mb;
ALTER TABLE tenants DROP COLUMN ticket_reopen;
