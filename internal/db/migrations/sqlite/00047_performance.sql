-- Performance (BENCHMARKS.md, "Session 2026-11-23: performance").
--
-- A contact's read marks get a counter on the contact (read_marks), raised by every
-- write of one of their marks. The session lookup every portal request makes reads
-- it with the contact, so the portal knows the marks it looked up for that contact
-- are still right while it is unchanged and the home page's "New reply" badges cost
-- no query (portal/ticket_news.go). A trigger, so no writer of marks can forget it.
--
-- The list-version trigger on ticket updates (00017) fires only when a column the
-- portal's lists show, filter or sort by changes: a mass update of other columns
-- (SLA clocks, automation steps, staff's news) no longer bumps the company's version
-- once per row, and leaves the kept lists in place. search is not among them: a list
-- with a search is never kept (portal.listKey).
--
-- Of the report indexes (00041) the two ordered by a duration go: the report reads a
-- large period's durations from tickets_opened and tickets_resolved and sorts them in
-- Go (report/times.go), as fast as walking them, and ticket writes no longer keep them.
-- +goose Up
DROP INDEX tickets_response_time;
DROP INDEX tickets_resolution_time;
ALTER TABLE contacts ADD COLUMN read_marks BIGINT NOT NULL DEFAULT 0;
-- +goose StatementBegin
CREATE TRIGGER ticket_contact_reads_count_ai AFTER INSERT ON ticket_contact_reads BEGIN
  UPDATE contacts SET read_marks = read_marks + 1 WHERE id = new.contact_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ticket_contact_reads_count_au AFTER UPDATE ON ticket_contact_reads BEGIN
  UPDATE contacts SET read_marks = read_marks + 1 WHERE id = new.contact_id;
END;
-- +goose StatementEnd

DROP TRIGGER tickets_list_version_au;
-- +goose StatementBegin
CREATE TRIGGER tickets_list_version_au AFTER UPDATE OF tenant_id, company_id, contact_id, status_id, title, priority,
  portal_at, portal_news, portal_news_contact_id, merged_into ON tickets
WHEN old.tenant_id IS NOT new.tenant_id OR old.company_id IS NOT new.company_id OR old.contact_id IS NOT new.contact_id
  OR old.status_id IS NOT new.status_id OR old.title IS NOT new.title OR old.priority IS NOT new.priority
  OR old.portal_at IS NOT new.portal_at OR old.portal_news IS NOT new.portal_news
  OR old.portal_news_contact_id IS NOT new.portal_news_contact_id OR old.merged_into IS NOT new.merged_into BEGIN
  INSERT INTO list_versions (company_id, version) SELECT id, 1 FROM companies WHERE id IN (old.company_id, new.company_id)
  ON CONFLICT (company_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER tickets_list_version_au;
-- +goose StatementBegin
CREATE TRIGGER tickets_list_version_au AFTER UPDATE ON tickets BEGIN
  INSERT INTO list_versions (company_id, version) SELECT id, 1 FROM companies WHERE id IN (old.company_id, new.company_id)
  ON CONFLICT (company_id) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
DROP TRIGGER ticket_contact_reads_count_au;
DROP TRIGGER ticket_contact_reads_count_ai;
ALTER TABLE contacts DROP COLUMN read_marks;
CREATE INDEX tickets_response_time ON tickets (tenant_id, (first_responded_at - created_at), created_at, first_responded_at) WHERE first_responded_at IS NOT NULL;
CREATE INDEX tickets_resolution_time ON tickets (tenant_id, (resolved_at - created_at), resolved_at) WHERE resolved_at IS NOT NULL;
