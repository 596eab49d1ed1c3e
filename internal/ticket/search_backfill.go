package ticket

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"pforte/internal/db"
)

// backfillBatch is how many older messages one transaction of IndexOlder indexes: a
// short hold of SQLite's single writer between the requests it serves meanwhile.
var backfillBatch = 500 // a variable so that tests can have several batches

// belowName is the row of search_refreshed that holds the lowest message id indexed
// so far by IndexOlder; migration 00064 set it above the messages it found.
const belowName = "ticket_messages_below"

// errRaced means another instance indexed the batch first.
var errRaced = errors.New("ticket: index batch taken")

// IndexOlder writes the conversation index for the messages written before migration
// 00064, newest first (recent tickets are the ones searched for), in short
// transactions, and returns how many it indexed. Messages written since are indexed
// with the message (addMessage). Each batch first moves the recorded boundary down
// from the value it read, so two instances running it at once never index a message
// twice: the later one finds the boundary moved and reads it again. Run it in the
// background: the server answers meanwhile, with searches finding older messages as
// they are reached.
func IndexOlder(ctx context.Context, d *db.DB) (int, error) {
	total := 0
	for ctx.Err() == nil {
		n, err := indexOlderBatch(ctx, d)
		switch {
		case errors.Is(err, errRaced):
			continue
		case err != nil:
			return total, err
		case n == 0:
			return total, nil
		}
		total += n
	}
	return total, ctx.Err()
}

// indexOlderBatch indexes the next batch below the boundary; 0 when none is left.
func indexOlderBatch(ctx context.Context, d *db.DB) (int, error) {
	n := 0
	err := d.InTx(ctx, func(tx *db.Tx) error {
		var below int64
		if err := tx.QueryRow(ctx, `SELECT version FROM search_refreshed WHERE name = ?`, belowName).Scan(&below); err != nil {
			return fmt.Errorf("ticket: index boundary: %w", err)
		}
		var lowest sql.NullInt64
		err := tx.QueryRow(ctx, `SELECT MIN(id) FROM (SELECT id FROM ticket_messages WHERE id < ? ORDER BY id DESC LIMIT ?) b`,
			below, backfillBatch).Scan(&lowest)
		if err != nil {
			return fmt.Errorf("ticket: index batch: %w", err)
		}
		if !lowest.Valid {
			return nil
		}
		lo := lowest.Int64
		res, err := tx.Exec(ctx, `UPDATE search_refreshed SET version = ? WHERE name = ? AND version = ?`, lo, belowName, below)
		if err != nil {
			return fmt.Errorf("ticket: index boundary: %w", err)
		}
		if k, err := res.RowsAffected(); err != nil || k == 0 {
			return errors.Join(errRaced, err)
		}
		n, err = IndexRange(ctx, tx, lo, below)
		return err
	})
	return n, err
}

// IndexRange writes the conversation index for the messages with lo <= id < hi, which
// must not be indexed yet: the older ones (IndexOlder) and those the scale generator
// writes in bulk. It reads them with the names of their files and returns how many.
func IndexRange(ctx context.Context, q db.Querier, lo, hi int64) (int, error) {
	// The ticket's earliest message gets the subject (messageWords), as Create gives it
	// the opening one; a merge may since have put an older message in front.
	rows, err := q.Query(ctx, `SELECT m.id, m.ticket_id, m.body, CASE WHEN m.id = (SELECT MIN(f.id) FROM ticket_messages f
		WHERE f.ticket_id = m.ticket_id) THEN t.title ELSE '' END, t.tenant_id, t.company_id, m.internal
		FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id WHERE m.id >= ? AND m.id < ? ORDER BY m.id`, lo, hi)
	if err != nil {
		return 0, fmt.Errorf("ticket: index read: %w", err)
	}
	var ms []indexed
	bodies, subjects, scopes := map[int64]string{}, map[int64]string{}, map[int64][]string{}
	var tickets []any
	seen := map[int64]bool{}
	for rows.Next() {
		var id, ticketID, tenantID, companyID int64
		var body, subject string
		var internal bool
		if err := rows.Scan(&id, &ticketID, &body, &subject, &tenantID, &companyID, &internal); err != nil {
			rows.Close()
			return 0, fmt.Errorf("ticket: index read: %w", err)
		}
		ms, bodies[id], subjects[id] = append(ms, indexed{id: id}), body, subject
		scopes[id] = scopeOf(tenantID, companyID, internal)
		if !seen[ticketID] {
			seen[ticketID] = true
			tickets = append(tickets, ticketID)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("ticket: index read: %w", err)
	}
	files, err := messageFiles(ctx, q, tickets, lo, hi)
	if err != nil {
		return 0, err
	}
	for i := range ms {
		id := ms[i].id
		ms[i].words = messageWords(scopes[id], subjects[id], bodies[id], files[id])
	}
	for len(ms) > 0 { // statements of at most backfillBatch rows
		k := min(len(ms), backfillBatch)
		if err := writeIndex(ctx, q, ms[:k]); err != nil {
			return 0, fmt.Errorf("ticket: index write: %w", err)
		}
		ms = ms[k:]
	}
	return len(bodies), nil
}

// messageFiles are the file names of the messages lo <= id < hi of tickets, found by
// ticket (the attachments' index) rather than by message, which no index holds.
func messageFiles(ctx context.Context, q db.Querier, tickets []any, lo, hi int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	for len(tickets) > 0 {
		k := min(len(tickets), backfillBatch)
		rows, err := q.Query(ctx, `SELECT message_id, filename FROM ticket_attachments WHERE ticket_id IN (`+db.Marks(k)+`)
			AND message_id >= ? AND message_id < ? ORDER BY id`, append(append([]any{}, tickets[:k]...), lo, hi)...)
		if err != nil {
			return nil, fmt.Errorf("ticket: index files: %w", err)
		}
		for rows.Next() {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return nil, fmt.Errorf("ticket: index files: %w", err)
			}
			out[id] = append(out[id], name)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("ticket: index files: %w", err)
		}
		tickets = tickets[k:]
	}
	return out, nil
}

// Reindex has IndexOlder index every message again, from the newest down: after a
// restore, whose archive holds no index. The index must be empty.
func Reindex(ctx context.Context, q db.Querier) error {
	_, err := q.Exec(ctx, `UPDATE search_refreshed SET version = (SELECT COALESCE(MAX(id), 0) + 1 FROM ticket_messages)
		WHERE name = ?`, belowName)
	if err != nil {
		return fmt.Errorf("ticket: reindex: %w", err)
	}
	return nil
}
