package portal

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/ticket"
)

// lockedTicket reads the ticket again inside tx, its row locked until tx ends, if the
// contact may still see it (ticket.LockForContact). A change decided on the ticket as
// the page loaded it (done, so reopen) would run twice for a form sent twice: both
// requests load it done. On PostgreSQL the second request waits here for the first to
// commit and then reads the reopened ticket; SQLite's single writer
// (_txlock=immediate) already runs the two one after the other.
func lockedTicket(ctx context.Context, tx *db.Tx, p principal.Contact, id int64) (ticket.Ticket, error) {
	return ticket.LockForContact(ctx, tx, p, id)
}

// repeatedReply tells whether a reopen card's text is already in: the ticket's latest
// message is this contact's with this very text, and no status changed after it. That
// is the card sent a second time (a double click, or sent again from the browser's
// history) after the first one reopened the ticket and posted it — the reopening comes
// before the message. The store's guard (ticket/repeat.go) only looks back a moment;
// the reopen card is the form a contact most likely sends again later. A card with
// files, or without text, is never a repeat: files are chosen anew, and losing one
// costs more than a second copy. Nor is a text that came before a status change (the
// ticket was resolved and reopened by someone else since): that is a new message
// which happens to read the same.
func repeatedReply(ctx context.Context, tx *db.Tx, t ticket.Ticket, contactID int64, body string, files int) (bool, error) {
	if body == "" || files > 0 {
		return false, nil
	}
	var by, at int64
	var last string
	err := tx.QueryRow(ctx, `SELECT COALESCE(contact_id, 0), body, created_at FROM ticket_messages WHERE tenant_id = ? AND ticket_id = ?
		ORDER BY id DESC LIMIT 1`, t.TenantID, t.ID).Scan(&by, &last, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("portal: latest message: %w", err)
	}
	if by != contactID || last != body {
		return false, nil
	}
	var later int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_events WHERE tenant_id = ? AND ticket_id = ? AND created_at > ?`,
		t.TenantID, t.ID, at).Scan(&later); err != nil {
		return false, fmt.Errorf("portal: changes since the message: %w", err)
	}
	return later == 0, nil
}
