-- How long a tenant keeps records that only grow: the audit log, the download log,
-- the content of sent mail and the original of incoming mail (retention.Rules). No
-- row: the defaults of retention.Defaults. 0 days keeps for ever.
--
-- The janitor finds what is due by age, oldest first, so each kind gets an index
-- on (tenant, time); the indexes on mails and inbound_mails hold only rows that
-- still have something to remove, so a pass over a long outbox reads only the
-- few that are due.
-- +goose Up
CREATE TABLE retention_rules (
    tenant_id BIGINT PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    audit_days INTEGER NOT NULL,
    download_log_days INTEGER NOT NULL,
    sent_mail_days INTEGER NOT NULL,
    inbound_raw_days INTEGER NOT NULL,
    updated_at BIGINT NOT NULL
);
ALTER TABLE mails ADD COLUMN purged_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX audit_log_age ON audit_log (tenant_id, at);
CREATE INDEX download_log_age ON download_log (tenant_id, at);
CREATE INDEX mails_unpurged ON mails (tenant_id, created_at) WHERE purged_at = 0;
CREATE INDEX inbound_mails_raw ON inbound_mails (tenant_id, received_at) WHERE raw_key <> '';

-- +goose Down
DROP INDEX inbound_mails_raw;
DROP INDEX mails_unpurged;
DROP INDEX download_log_age;
DROP INDEX audit_log_age;
ALTER TABLE mails DROP COLUMN purged_at;
DROP TABLE retention_rules;
