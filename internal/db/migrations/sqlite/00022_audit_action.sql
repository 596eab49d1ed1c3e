-- The audit log filters by action (back office → Audit log). Without this index a rare
-- action would walk the tenant's whole log newest first to fill a page.
-- +goose Up
CREATE INDEX audit_log_action ON audit_log (tenant_id, action, id);

-- +goose Down
DROP INDEX audit_log_action;
