-- The portal's company report and its CSV export read one company's tickets of a period
-- (report.CompanyFor, report.ExportCompany). PostgreSQL had no index for that range: it
-- combined tickets_opened with tickets_opener, and for the export's batches in
-- (created_at, id) order it walked tickets_queue_company, every ticket of the company,
-- each batch — a year of the largest customer at a million tickets took 5 s. SQLite has
-- had this index since its 00041 (the rowid stands in for id there).
-- +goose Up
CREATE INDEX tickets_company_opened ON tickets (tenant_id, company_id, created_at, id);

-- +goose Down
DROP INDEX tickets_company_opened;
