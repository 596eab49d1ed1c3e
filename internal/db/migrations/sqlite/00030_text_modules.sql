-- Text modules (Textbausteine): prepared answers staff insert into a ticket reply, with
-- {{placeholders}} filled in for the ticket. Names are unique per tenant whatever their
-- case: name_key is the name lower-cased in Go, the same on both engines (SQLite's
-- lower() knows only ASCII). A shortcut, when given, is unique per tenant as well.
-- language is one of the portal's languages, or '' for "any language".
-- Staff sign their public replies: the signature is a column of the member.
-- +goose Up
CREATE TABLE text_modules (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    shortcut TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT '',
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX text_modules_name ON text_modules (tenant_id, name_key);
CREATE UNIQUE INDEX text_modules_shortcut ON text_modules (tenant_id, shortcut) WHERE shortcut <> '';

ALTER TABLE staff ADD COLUMN signature TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE staff DROP COLUMN signature;
DROP TABLE text_modules;
