-- Staff's internal note on a customer company ("VIP, call before a visit, invoices to
-- the head office"): shown on the company's page and beside each of its tickets in
-- the back office, never in the portal, mails or exports. Who changed it last and
-- when come with it (staff_note_by is kept when the member leaves; the name is looked
-- up, "–" when gone).
-- +goose Up
ALTER TABLE companies ADD COLUMN staff_note TEXT NOT NULL DEFAULT '';
ALTER TABLE companies ADD COLUMN staff_note_by BIGINT;
ALTER TABLE companies ADD COLUMN staff_note_at BIGINT;

-- +goose Down
ALTER TABLE companies DROP COLUMN staff_note_at;
ALTER TABLE companies DROP COLUMN staff_note_by;
ALTER TABLE companies DROP COLUMN staff_note;
