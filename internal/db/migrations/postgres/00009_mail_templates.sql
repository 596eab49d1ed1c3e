-- A tenant's own wording of a mail in one language, replacing the built-in translation
-- (issue 3, editable email templates). No row means the built-in text is used.
-- +goose Up
CREATE TABLE mail_templates (
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    mail_key TEXT NOT NULL,
    lang TEXT NOT NULL,
    subject TEXT NOT NULL,
    greeting TEXT NOT NULL,
    body TEXT NOT NULL,
    button TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (tenant_id, mail_key, lang)
);

-- +goose Down
DROP TABLE mail_templates;
