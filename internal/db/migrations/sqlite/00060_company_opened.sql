-- PostgreSQL gains tickets_company_opened (its 00060) for the portal's company report and
-- its export. SQLite has had it since 00041: (tenant_id, company_id, created_at), with the
-- rowid (the ticket's id) at the end of every index entry, so the export's (created_at,
-- id) order is served as it is. Nothing to do here; the number keeps both engines' lists
-- of migrations alike.
-- +goose Up
SELECT 1;

-- +goose Down
SELECT 1;
