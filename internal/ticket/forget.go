package ticket

import (
	"context"
	"fmt"
	"strings"
	"time"

	"pforte/internal/db"
)

// ForgetContactName puts name (the placeholder of an erased contact) in place of the
// contact's name where tickets keep it as written: the author of their messages and the
// actor of their events. What they wrote stays with the company; who wrote it reads as
// the erased contact. Both go through the partial contact_id indexes (migration 00072).
func ForgetContactName(ctx context.Context, q db.Querier, tenantID, contactID int64, name string) error {
	if _, err := q.Exec(ctx, `UPDATE ticket_messages SET author = ? WHERE contact_id = ? AND tenant_id = ? AND author <> ?`,
		name, contactID, tenantID, name); err != nil {
		return fmt.Errorf("ticket: forget contact's name on messages: %w", err)
	}
	if _, err := q.Exec(ctx, `UPDATE ticket_events SET actor = ? WHERE contact_id = ? AND tenant_id = ? AND actor <> ''
		AND actor <> ?`, name, contactID, tenantID, name); err != nil {
		return fmt.Errorf("ticket: forget contact's name on events: %w", err)
	}
	return nil
}

// ForgetContactLinks removes what ties an erased contact to tickets besides what they
// wrote: following (colleagues would see "Deleted contact #N" among the followers, and
// a merge would copy it), read marks, and the free text of their ratings (the rating
// itself stays, as the ticket's history). Every statement goes by the contact's index.
func ForgetContactLinks(ctx context.Context, q db.Querier, tenantID, contactID int64) error {
	for _, s := range []struct{ what, sql string }{
		{"followers", `DELETE FROM ticket_followers WHERE contact_id = ? AND tenant_id = ?`},
		{"read marks", `DELETE FROM ticket_contact_reads WHERE contact_id = ? AND tenant_id = ?`},
		{"rating comments", `UPDATE ticket_ratings SET comment = '' WHERE contact_id = ? AND tenant_id = ? AND comment <> ''`},
	} {
		if _, err := q.Exec(ctx, s.sql, contactID, tenantID); err != nil {
			return fmt.Errorf("ticket: forget contact's %s: %w", s.what, err)
		}
	}
	return nil
}

// ForgetMovedNote rewrites the note "company · contact" of the moved event written
// when staff gave ticket ticketID another opener at time at, whose previous opener is
// erased now: the company stays, the name becomes name.
func ForgetMovedNote(ctx context.Context, q db.Querier, tenantID, ticketID int64, at time.Time, name string) error {
	rows, err := q.Query(ctx, `SELECT id, note FROM ticket_events WHERE ticket_id = ? AND tenant_id = ? AND kind = ?
		AND created_at = ?`, ticketID, tenantID, EventMoved, at.Unix())
	if err != nil {
		return fmt.Errorf("ticket: moved notes: %w", err)
	}
	notes := map[int64]string{}
	for rows.Next() {
		var id int64
		var note string
		if err := rows.Scan(&id, &note); err != nil {
			rows.Close()
			return fmt.Errorf("ticket: moved notes: %w", err)
		}
		if i := strings.LastIndex(note, " · "); i >= 0 {
			notes[id] = note[:i] + " · " + name
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("ticket: moved notes: %w", err)
	}
	for id, note := range notes {
		if _, err := q.Exec(ctx, `UPDATE ticket_events SET note = ? WHERE tenant_id = ? AND id = ?`, note, tenantID, id); err != nil {
			return fmt.Errorf("ticket: forget moved note: %w", err)
		}
	}
	return nil
}
