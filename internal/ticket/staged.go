package ticket

import (
	"context"
	"fmt"
	"strings"
	"time"

	"pforte/internal/db"
)

// StagedTTL is how long a staged upload waits to be sent: after a day the reply it
// belonged to is most likely written anew, and the janitor deletes it with its file.
const StagedTTL = 24 * time.Hour

// Staged is a file of a refused form kept for sending it again: a reply or note the
// back office refused because others changed the ticket meanwhile
// (admin/ticket_stale.go) or for bad input, a contact's new ticket or reply refused
// for bad input (web/kept_files.go). It stays in the file store, listed on the
// returned form, until its owner sends it, removes it or it ages out.
type Staged struct {
	ID int64
	Upload
	CreatedAt time.Time
}

// StagedOwner is whose staged uploads are meant, in one tenant: a staff member
// (StaffID) or a contact acting for a company (ContactID and CompanyID, so a contact who
// switched company cannot use them there), on one ticket, or TicketID 0 for a ticket
// not yet created (the portal's new-ticket form). Every query filters by all of it, a
// zero id as "none", so no one can use another's file, nor a contact's file become a
// staff member's.
type StagedOwner struct {
	TenantID, StaffID, ContactID, CompanyID, TicketID int64
}

// valid reports whether o names exactly one owner (the table's CHECK says the same).
func (o StagedOwner) valid() bool {
	if o.StaffID != 0 {
		return o.ContactID == 0 && o.CompanyID == 0
	}
	return o.ContactID != 0 && o.CompanyID != 0
}

// where is the condition on o's rows with its arguments; a zero id is NULL.
func (o StagedOwner) where() (string, []any) {
	cond := "tenant_id = ?"
	args := []any{o.TenantID}
	for _, c := range []struct {
		col string
		id  int64
	}{{"staff_id", o.StaffID}, {"contact_id", o.ContactID}, {"company_id", o.CompanyID}, {"ticket_id", o.TicketID}} {
		if c.id == 0 {
			cond += " AND " + c.col + " IS NULL"
			continue
		}
		cond += " AND " + c.col + " = ?"
		args = append(args, c.id)
	}
	return cond, args
}

// Stage keeps ups (already in the file store) for o and returns them with their ids.
func Stage(ctx context.Context, q db.Querier, o StagedOwner, ups []Upload, now time.Time) ([]Staged, error) {
	if !o.valid() {
		return nil, fmt.Errorf("ticket: stage upload: owner %+v is neither one staff member nor one contact of a company", o)
	}
	out := make([]Staged, 0, len(ups))
	for _, u := range ups {
		id, err := db.Insert(ctx, q, `INSERT INTO staged_uploads (tenant_id, staff_id, contact_id, company_id, ticket_id,
			file_key, filename, size, content_type, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			o.TenantID, nullID(o.StaffID), nullID(o.ContactID), nullID(o.CompanyID), nullID(o.TicketID),
			u.Key, u.Filename, u.Size, u.Type, now.Unix())
		if err != nil {
			return nil, fmt.Errorf("ticket: stage upload: %w", err)
		}
		out = append(out, Staged{ID: id, Upload: u, CreatedAt: now})
	}
	return out, nil
}

// StagedOf returns o's staged uploads among ids, in the order of ids; ids that are
// unknown, another's or already used are left out.
func StagedOf(ctx context.Context, q db.Querier, o StagedOwner, ids []int64) ([]Staged, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	return stagedRows(ctx, q, `SELECT id, file_key, filename, size, content_type, created_at FROM staged_uploads
		WHERE %s AND id IN (`+db.Marks(len(ids))+`)`, o, ids)
}

// TakeStaged deletes o's staged uploads among ids and returns them: in the transaction
// of the reply they are attached to (their files become the attachments' files), or to
// remove them (the caller deletes the files). A second take finds them gone, so a file
// is attached once.
func TakeStaged(ctx context.Context, tx db.Querier, o StagedOwner, ids []int64) ([]Staged, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	return stagedRows(ctx, tx, `DELETE FROM staged_uploads WHERE %s AND id IN (`+db.Marks(len(ids))+`)
		RETURNING id, file_key, filename, size, content_type, created_at`, o, ids)
}

// DropStagedExcept deletes o's staged uploads other than keep, but for the newest spare
// of them, and returns their file keys for the caller to delete from the file store
// (db.DropKeptFiles says why spare stay). A refused form that keeps files calls it: at
// most its own files and spare more stay per owner and ticket until the sweep
// (SweepStaged).
func DropStagedExcept(ctx context.Context, tx db.Querier, o StagedOwner, keep []int64, spare int) ([]string, error) {
	if !o.valid() {
		return nil, nil
	}
	cond, args := o.where()
	keys, err := db.DropKeptFiles(ctx, tx, "staged_uploads", cond, args, keep, spare)
	if err != nil {
		return nil, fmt.Errorf("ticket: %w", err)
	}
	return keys, nil
}

// stagedRows runs query, its %s replaced by the condition on o's rows, with o's ids
// and then ids, and orders what it returns like ids (the order the files were chosen
// in). An owner that is not exactly one staff member or contact has none.
func stagedRows(ctx context.Context, q db.Querier, query string, o StagedOwner, ids []int64) ([]Staged, error) {
	if !o.valid() {
		return nil, nil
	}
	cond, args := o.where()
	for _, id := range ids {
		args = append(args, id)
	}
	rows, err := q.Query(ctx, strings.Replace(query, "%s", cond, 1), args...)
	if err != nil {
		return nil, fmt.Errorf("ticket: staged uploads: %w", err)
	}
	defer rows.Close()
	byID := map[int64]Staged{}
	for rows.Next() {
		var s Staged
		var at int64
		if err := rows.Scan(&s.ID, &s.Key, &s.Filename, &s.Size, &s.Type, &at); err != nil {
			return nil, fmt.Errorf("ticket: staged uploads: %w", err)
		}
		s.CreatedAt = time.Unix(at, 0)
		byID[s.ID] = s
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("ticket: staged uploads: %w", err)
	}
	var out []Staged
	for _, id := range ids {
		if s, ok := byID[id]; ok {
			out = append(out, s)
			delete(byID, id) // an id sent twice counts once
		}
	}
	return out, nil
}

// SweepStaged deletes the staged uploads of every tenant older than StagedTTL at now
// and returns their file keys for the caller to delete from the file store. Every
// instance may run it at once: a row is deleted, and its key returned, by one of them.
func SweepStaged(ctx context.Context, d *db.DB, now time.Time) ([]string, error) {
	var keys []string
	err := d.InTx(ctx, func(tx *db.Tx) error {
		// In a transaction: a DELETE that returns rows must run on the writer.
		rows, err := tx.Query(ctx, `DELETE FROM staged_uploads WHERE created_at < ? RETURNING file_key`, now.Add(-StagedTTL).Unix())
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				return err
			}
			keys = append(keys, k)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("ticket: sweep staged uploads: %w", err)
	}
	return keys, nil
}

// StagedUploads are staged files as uploads, to attach or delete.
func StagedUploads(staged []Staged) []Upload {
	ups := make([]Upload, 0, len(staged))
	for _, s := range staged {
		ups = append(ups, s.Upload)
	}
	return ups
}

// StagedIDs are the ids of staged.
func StagedIDs(staged []Staged) []int64 {
	ids := make([]int64, 0, len(staged))
	for _, s := range staged {
		ids = append(ids, s.ID)
	}
	return ids
}
