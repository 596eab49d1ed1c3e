-- Performance (BENCHMARKS.md, "Session 2026-11-23: performance").
--
-- A contact's read marks get a counter on the contact (read_marks), raised by every
-- write of one of their marks. The session lookup every portal request makes reads
-- it with the contact, so the portal knows the marks it looked up for that contact
-- are still right while it is unchanged and the home page's "New reply" badges cost
-- no query (portal/ticket_news.go). A trigger, so no writer of marks can forget it.
--
-- The list-version trigger on tickets (00017) fires on an update only when a column
-- the portal's lists show, filter or sort by changes: a mass update of other columns
-- (SLA clocks, automation steps, staff's news) no longer queues a bump of the
-- company's version per row for the commit (100,000 tickets: 24–41 s of an UPDATE
-- that changed nothing a list shows), and leaves the kept lists in place. The column
-- list keeps the trigger out of statements that do not name those columns; the WHEN
-- clause, checked as the row is written, out of those that set them to what they were.
-- search is not among them: a list with a search is never kept (portal.listKey).
-- Updates get a trigger of their own (a WHEN clause cannot read OLD and NEW on an
-- insert); tickets_list_version keeps its name for inserts and deletes, which the
-- scale generator switches off for its COPY. A backfill that must not bump versions
-- switches off both (as 00040 and 00044 did the one there was).
-- +goose Up
ALTER TABLE contacts ADD COLUMN read_marks BIGINT NOT NULL DEFAULT 0;
-- +goose StatementBegin
CREATE FUNCTION ticket_contact_reads_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE contacts SET read_marks = read_marks + 1 WHERE id = NEW.contact_id;
  RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER ticket_contact_reads_count AFTER INSERT OR UPDATE ON ticket_contact_reads
  FOR EACH ROW EXECUTE FUNCTION ticket_contact_reads_count();

DROP TRIGGER tickets_list_version ON tickets;
CREATE CONSTRAINT TRIGGER tickets_list_version AFTER INSERT OR DELETE ON tickets
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tickets_list_version();
CREATE CONSTRAINT TRIGGER tickets_list_version_update AFTER UPDATE OF tenant_id, company_id, contact_id, status_id, title,
  priority, portal_at, portal_news, portal_news_contact_id, merged_into ON tickets
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id OR OLD.company_id IS DISTINCT FROM NEW.company_id
    OR OLD.contact_id IS DISTINCT FROM NEW.contact_id OR OLD.status_id IS DISTINCT FROM NEW.status_id
    OR OLD.title IS DISTINCT FROM NEW.title OR OLD.priority IS DISTINCT FROM NEW.priority
    OR OLD.portal_at IS DISTINCT FROM NEW.portal_at OR OLD.portal_news IS DISTINCT FROM NEW.portal_news
    OR OLD.portal_news_contact_id IS DISTINCT FROM NEW.portal_news_contact_id
    OR OLD.merged_into IS DISTINCT FROM NEW.merged_into)
  EXECUTE FUNCTION tickets_list_version();

-- +goose Down
DROP TRIGGER tickets_list_version_update ON tickets;
DROP TRIGGER tickets_list_version ON tickets;
CREATE CONSTRAINT TRIGGER tickets_list_version AFTER INSERT OR UPDATE OR DELETE ON tickets
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tickets_list_version();
DROP TRIGGER ticket_contact_reads_count ON ticket_contact_reads;
DROP FUNCTION ticket_contact_reads_count();
ALTER TABLE contacts DROP COLUMN read_marks;
