-- The contact an audit entry concerns, so a contact can see their own sign-ins and
-- security events.
-- +goose Up
ALTER TABLE audit_log ADD COLUMN contact_id BIGINT;
CREATE INDEX audit_log_contact ON audit_log (contact_id, id);

-- +goose Down
DROP INDEX audit_log_contact;
ALTER TABLE audit_log DROP COLUMN contact_id;
