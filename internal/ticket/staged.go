package ticket

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// StagedTTL is how long a staged upload waits to be sent: after a day the reply it
// belonged to is most likely written anew, and the janitor deletes it with its file.
const StagedTTL = 24 * time.Hour

// Staged is a file of a reply or note the ticket page refused because others changed
// the ticket meanwhile (admin/ticket_stale.go): it stays in the file store, listed on
// the returned form, until its staff member sends it, removes it or it ages out.
type Staged struct {
	ID int64
	Upload
	CreatedAt time.Time
}

// StagedOwner is whose staged uploads are meant: one staff member on one ticket of one
// tenant. Every query filters by all three, so no one can use another's file.
type StagedOwner struct {
	TenantID, StaffID, TicketID int64
}

// Stage keeps ups (already in the file store) for o and returns them with their ids.
func Stage(ctx context.Context, q db.Querier, o StagedOwner, ups []Upload, now time.Time) ([]Staged, error) {
	out := make([]Staged, 0, len(ups))
	for _, u := range ups {
		id, err := db.Insert(ctx, q, `INSERT INTO staged_uploads (tenant_id, staff_id, ticket_id, file_key, filename,
			size, content_type, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			o.TenantID, o.StaffID, o.TicketID, u.Key, u.Filename, u.Size, u.Type, now.Unix())
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
		WHERE tenant_id = ? AND staff_id = ? AND ticket_id = ? AND id IN (`+db.Marks(len(ids))+`)`, o, ids)
}

// TakeStaged deletes o's staged uploads among ids and returns them: in the transaction
// of the reply they are attached to (their files become the attachments' files), or to
// remove them (the caller deletes the files). A second take finds them gone, so a file
// is attached once.
func TakeStaged(ctx context.Context, tx db.Querier, o StagedOwner, ids []int64) ([]Staged, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	return stagedRows(ctx, tx, `DELETE FROM staged_uploads WHERE tenant_id = ? AND staff_id = ? AND ticket_id = ?
		AND id IN (`+db.Marks(len(ids))+`) RETURNING id, file_key, filename, size, content_type, created_at`, o, ids)
}

// stagedRows runs query with o's three ids and then ids, and orders what it returns
// like ids (the order the files were chosen in).
func stagedRows(ctx context.Context, q db.Querier, query string, o StagedOwner, ids []int64) ([]Staged, error) {
	args := []any{o.TenantID, o.StaffID, o.TicketID}
	for _, id := range ids {
		args = append(args, id)
	}
	rows, err := q.Query(ctx, query, args...)
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
