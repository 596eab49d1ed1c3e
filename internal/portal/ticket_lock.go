package portal

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"pforte/internal/db"
	"pforte/internal/ticket"
)

// lockedTicket reads the ticket again inside tx, its row locked until tx ends. A
// change decided on the ticket as the page loaded it (done, so reopen) would run twice
// for a form sent twice: both requests load it done. On PostgreSQL the second request
// waits here for the first to commit and then reads the reopened ticket; SQLite's
// single writer (_txlock=immediate) already runs the two one after the other.
func lockedTicket(ctx context.Context, tx *db.Tx, tenantID, id int64) (ticket.Ticket, error) {
	if tx.Engine() == db.Postgres {
		if _, err := tx.Exec(ctx, `SELECT id FROM tickets WHERE tenant_id = ? AND id = ? FOR UPDATE`, tenantID, id); err != nil {
			return ticket.Ticket{}, fmt.Errorf("portal: lock ticket: %w", err)
		}
	}
	return ticket.ForStaff(ctx, tx, tenantID, id)
}

// repeatedReply tells whether the ticket's latest message is this contact's reply
// with this text: the reopen card sent a second time (a double click, or the form
// sent again from the browser's history) after the first one reopened the ticket and
// posted it. Replies have no other guard against a second submit, and the reopen
// card is the form a contact most likely clicks twice.
func repeatedReply(ctx context.Context, tx *db.Tx, t ticket.Ticket, contactID int64, body string) (bool, error) {
	var by int64
	var last string
	err := tx.QueryRow(ctx, `SELECT COALESCE(contact_id, 0), body FROM ticket_messages WHERE tenant_id = ? AND ticket_id = ?
		ORDER BY id DESC LIMIT 1`, t.TenantID, t.ID).Scan(&by, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("portal: latest message: %w", err)
	}
	return by == contactID && last == body, nil
}
