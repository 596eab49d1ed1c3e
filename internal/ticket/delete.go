package ticket

import (
	"context"
	"fmt"
	"slices"
	"time"

	"pforte/internal/db"
	"pforte/internal/outbox"
)

// Removal is what deleting a ticket takes with it: the ticket first, then the tickets
// merged into it (and into those), whose conversation, files and time moved into it
// with the merge and which hold only their history and the pointer to it; with the
// counts of messages (internal notes too) and files. The confirmation shows it.
type Removal struct {
	Tickets  []Ticket
	Messages int
	Files    int
	// Unsent counts the mails about the tickets still waiting in the outbox (queued, or
	// given up after failing): the removal cancels them, since their links would lead
	// nowhere.
	Unsent int
}

// Billed reports whether one of the tickets is billed: billed work stays in the
// reports as invoiced, so such a removal is refused (ErrBilled).
func (r Removal) Billed() bool {
	return slices.ContainsFunc(r.Tickets, func(t Ticket) bool { return t.Billed })
}

// Merged are the tickets that go along because they were merged into the first one.
func (r Removal) Merged() []Ticket { return r.Tickets[1:] }

// RemovalOf reads what deleting the tenant's ticket id would take; another tenant's or
// an unknown ticket is db.ErrNotFound.
func RemovalOf(ctx context.Context, q db.Querier, tenantID, id int64) (Removal, error) {
	t, err := ForStaff(ctx, q, tenantID, id)
	if err != nil {
		return Removal{}, err
	}
	rm := Removal{Tickets: []Ticket{t}}
	ids, err := mergedInto(ctx, q, t)
	if err != nil {
		return Removal{}, err
	}
	for _, m := range ids {
		mt, err := ForStaff(ctx, q, tenantID, m)
		if err != nil {
			return Removal{}, err
		}
		rm.Tickets = append(rm.Tickets, mt)
	}
	all := rm.ids()
	in := db.Marks(len(all))
	args := append([]any{tenantID}, all...)
	err = q.QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM ticket_messages WHERE tenant_id = ? AND ticket_id IN (`+in+`)),
		(SELECT COUNT(*) FROM ticket_attachments WHERE tenant_id = ? AND ticket_id IN (`+in+`)),
		(SELECT COUNT(*) FROM mails WHERE tenant_id = ? AND ticket_id IN (`+in+`) AND state IN ('queued', 'failed'))`,
		append(append(args, args...), args...)...).Scan(&rm.Messages, &rm.Files, &rm.Unsent)
	if err != nil {
		return Removal{}, fmt.Errorf("ticket: removal counts: %w", err)
	}
	return rm, nil
}

// idList are the removal's ticket ids.
func (r Removal) idList() []int64 {
	out := make([]int64, len(r.Tickets))
	for i, t := range r.Tickets {
		out[i] = t.ID
	}
	return out
}

// ids are the removal's ticket ids as query arguments.
func (r Removal) ids() []any {
	out := make([]any, len(r.Tickets))
	for i, t := range r.Tickets {
		out[i] = t.ID
	}
	return out
}

// mergedInto are the ids of the tickets merged into t, directly or through another
// merged ticket (a chain A → B → t), oldest first.
func mergedInto(ctx context.Context, q db.Querier, t Ticket) ([]int64, error) {
	rows, err := q.Query(ctx, `WITH RECURSIVE gone (id, depth) AS (
			SELECT id, 1 FROM tickets WHERE tenant_id = ? AND merged_into = ?
			UNION SELECT m.id, g.depth + 1 FROM tickets m JOIN gone g ON m.merged_into = g.id
			WHERE m.tenant_id = ? AND g.depth < ?)
		SELECT DISTINCT id FROM gone ORDER BY id`, t.TenantID, t.ID, t.TenantID, maxMergeHops)
	if err != nil {
		return nil, fmt.Errorf("ticket: merged into: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("ticket: merged into: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Delete removes the tenant's ticket id for good, in the caller's transaction, with
// the tickets merged into it (Removal): their messages, history, files, followers,
// time, ratings, read marks, presence and staged uploads go by the foreign keys'
// ON DELETE CASCADE, the conversation's search words by the index's trigger (SQLite)
// or with the rows (PostgreSQL), and the companies' portal lists see a new version by
// the list-version triggers. Mails about the tickets stay in the outbox, no longer tied
// to them; those not sent yet are cancelled (outbox.CancelForTickets). A billed ticket
// among them refuses the whole removal (ErrBilled).
//
// It returns what was removed and the keys of the stored files (attachments and staged
// uploads) for the caller to delete from the file store once the transaction has
// committed: a rollback must not leave rows whose files are gone.
func Delete(ctx context.Context, tx db.Querier, tenantID, id int64, now time.Time) (Removal, []string, error) {
	// On PostgreSQL the ticket is locked before its merged tickets and files are read:
	// a merge into it or a reply with files waits for the lock (their writes check the
	// ticket's row), so nothing is added that the removal would miss. SQLite's single
	// writer already runs them one after the other.
	if tx.Engine() == db.Postgres {
		if _, err := tx.Exec(ctx, `SELECT id FROM tickets WHERE tenant_id = ? AND id = ? FOR UPDATE`, tenantID, id); err != nil {
			return Removal{}, nil, fmt.Errorf("ticket: delete lock: %w", err)
		}
	}
	rm, err := RemovalOf(ctx, tx, tenantID, id)
	if err != nil {
		return Removal{}, nil, err
	}
	if rm.Billed() {
		return Removal{}, nil, ErrBilled
	}
	all := rm.ids()
	in := db.Marks(len(all))
	args := append([]any{tenantID}, all...)
	if tx.Engine() == db.Postgres && len(all) > 1 {
		if _, err := tx.Exec(ctx, `SELECT id FROM tickets WHERE tenant_id = ? AND id IN (`+in+`) ORDER BY id FOR UPDATE`, args...); err != nil {
			return Removal{}, nil, fmt.Errorf("ticket: delete lock: %w", err)
		}
	}
	keys, err := fileKeys(ctx, tx, in, append(args, args...))
	if err != nil {
		return Removal{}, nil, err
	}
	if _, err := outbox.CancelForTickets(ctx, tx, tenantID, rm.idList(), now); err != nil {
		return Removal{}, nil, err
	}
	res, err := tx.Exec(ctx, `DELETE FROM tickets WHERE tenant_id = ? AND id IN (`+in+`)`, args...)
	if err != nil {
		return Removal{}, nil, fmt.Errorf("ticket: delete: %w", err)
	}
	if n, _ := res.RowsAffected(); n != int64(len(all)) {
		return Removal{}, nil, fmt.Errorf("ticket: delete: %d of %d tickets: %w", n, len(all), db.ErrNotFound)
	}
	// The highest number deleted stays taken: SQLite would give it to the next ticket.
	// (WHERE TRUE: SQLite's parser needs a WHERE before an upsert's ON CONFLICT.)
	if _, err := tx.Exec(ctx, `INSERT INTO ticket_number_floor (id, last_id) SELECT 1, MAX(id) FROM (SELECT ? AS id UNION ALL
		SELECT last_id FROM ticket_number_floor WHERE id = 1) f WHERE TRUE
		ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id`, slices.Max(rm.idList())); err != nil {
		return Removal{}, nil, fmt.Errorf("ticket: delete: number floor: %w", err)
	}
	return rm, keys, nil
}

// fileKeys are the stored files of the tickets in (the marks of args after the tenant,
// given twice): their attachments and the uploads staged for replies to them.
func fileKeys(ctx context.Context, q db.Querier, in string, args []any) ([]string, error) {
	rows, err := q.Query(ctx, `SELECT file_key FROM ticket_attachments WHERE tenant_id = ? AND ticket_id IN (`+in+`)
		UNION ALL SELECT file_key FROM staged_uploads WHERE tenant_id = ? AND ticket_id IN (`+in+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("ticket: delete files: %w", err)
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("ticket: delete files: %w", err)
		}
		keys = append(keys, k)
	}
	return keys, rows.Err()
}
