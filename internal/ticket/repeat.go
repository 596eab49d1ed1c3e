package ticket

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/principal"
)

// The same message sent twice is stored once. Browsers disable a form's button while
// it is sent (web/static/js/app.js), but a reply still arrives twice from two tabs,
// from a request sent again after a network hiccup or from a script: stored twice, it
// is also mailed twice. So AddReply and Create refuse a message sent with a form
// (FromForm) that repeats the one its author sent a moment ago (RepeatWindow), inside
// the transaction that would store it, with the ticket's row (a new ticket: its
// author's row) locked first on PostgreSQL: of two copies sent at once, the second
// waits for the first to commit and then finds it. SQLite's single writer runs them
// one after the other anyway.
//
// Only forms are guarded, where a person clicks: not mail (inbound refuses a Message-ID
// it took in from that sender already, inbound/record.go), nor what a program writes
// (the demo, imports, seeds), whose same text twice is meant. Nor a message with files:
// files chosen again are a new upload, and a second copy costs less than a lost
// attachment does.

// RepeatWindow is how long a message counts as just sent: the same text again from its
// author within it is the same message sent twice, not a new one.
const RepeatWindow = 2 * time.Minute

// ErrRepeated: the message repeats the one its author sent a moment ago on the
// ticket, which is stored already; nothing was stored and no mail queued. The error
// is a *RepeatedError, which names the ticket.
var ErrRepeated = errors.New("ticket: the same message was sent a moment ago")

// RepeatedError is ErrRepeated with the ticket that holds the first message: for a
// new ticket, the ticket opened a moment ago, where its author is sent instead.
type RepeatedError struct{ TicketID int64 }

// Error is ErrRepeated's text with the ticket that holds the first message.
func (e *RepeatedError) Error() string { return fmt.Sprintf("%v (ticket %d)", ErrRepeated, e.TicketID) }

// Unwrap makes errors.Is(err, ErrRepeated) hold.
func (e *RepeatedError) Unwrap() error { return ErrRepeated }

// guarded reports whether a message may be refused as a repeat: sent with a form by a
// known author, and without files.
func guarded(fromForm bool, contactID, staffID int64, files int) bool {
	return fromForm && files == 0 && (contactID != 0 || staffID != 0)
}

// Lock locks the ticket's row until tx ends, on PostgreSQL; SQLite's single writer
// (_txlock=immediate) already runs write transactions one after the other. Whoever
// decides a change by what the ticket holds now (reopen it, or not post a message it
// has) locks it first, so a second request sent at once decides after the first.
func Lock(ctx context.Context, tx db.Querier, tenantID, id int64) error {
	if tx.Engine() != db.Postgres {
		return nil
	}
	if _, err := tx.Exec(ctx, `SELECT id FROM tickets WHERE tenant_id = ? AND id = ? FOR UPDATE`, tenantID, id); err != nil {
		return fmt.Errorf("ticket: lock: %w", err)
	}
	return nil
}

// LockForContact locks the ticket's row (Lock) and reads it as staff do, if the
// contact of p may still see it as it is now; db.ErrNotFound otherwise. Staff may have
// moved the ticket to another company or opener since the contact's page was loaded:
// a message written then would land in (and be mailed to) another company's ticket.
func LockForContact(ctx context.Context, tx db.Querier, p principal.Contact, id int64) (Ticket, error) {
	if err := Lock(ctx, tx, p.TenantID, id); err != nil {
		return Ticket{}, err
	}
	if _, err := ForContact(ctx, tx, p, id); err != nil {
		return Ticket{}, err
	}
	return ForStaff(ctx, tx, p.TenantID, id)
}

// repeatedReply refuses r when its author's latest message on the ticket, sent within
// RepeatWindow before now, has the same text and the same visibility (a public reply
// and an internal note with the same words are two messages).
func repeatedReply(ctx context.Context, tx db.Querier, r Reply, now time.Time) error {
	if !guarded(r.FromForm, r.ContactID, r.StaffID, len(r.Files)) {
		return nil
	}
	if err := Lock(ctx, tx, r.TenantID, r.TicketID); err != nil {
		return err
	}
	// Staff write as themselves; a contact's message is one no staff member wrote
	// (staff opening a ticket for a contact store both ids).
	by, args := "contact_id = ? AND staff_id IS NULL", []any{r.TenantID, r.TicketID, r.ContactID}
	if r.StaffID != 0 {
		by, args = "staff_id = ?", []any{r.TenantID, r.TicketID, r.StaffID}
	}
	var body string
	var internal bool
	var at int64
	// By time, then id: a merged ticket's messages keep their ids (conversation).
	err := tx.QueryRow(ctx, `SELECT body, internal, created_at FROM ticket_messages WHERE tenant_id = ? AND ticket_id = ?
		AND `+by+` ORDER BY created_at DESC, id DESC LIMIT 1`, args...).Scan(&body, &internal, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("ticket: latest message: %w", err)
	}
	if body == r.Body && internal == r.Internal && at >= now.Add(-RepeatWindow).Unix() {
		return &RepeatedError{TicketID: r.TicketID}
	}
	return nil
}

// repeatedTicket refuses a new ticket sent with a form when its author opened one in
// the same company for the same contact, with the same title, description, location
// and device, within RepeatWindow before now: a contact's from the portal, or one staff
// open on a contact's behalf from the back office (a double click on "create", the form
// sent again). Staff opening the same text for another contact open another ticket.
func repeatedTicket(ctx context.Context, tx db.Querier, n New, now time.Time) error {
	if !guarded(n.FromForm, n.ContactID, n.StaffID, len(n.Files)) {
		return nil
	}
	// Staff write as themselves; a contact's first message is one no staff member wrote
	// (staff opening a ticket for a contact store both ids, Create).
	author, table := n.ContactID, "contacts"
	by, args := "m.contact_id = ? AND m.staff_id IS NULL", []any{n.ContactID}
	if n.StaffID != 0 {
		author, table = n.StaffID, "staff"
		by, args = "m.staff_id = ?", []any{n.StaffID}
	}
	// No ticket row to lock yet: the author's row stands for their next ticket. NO
	// KEY UPDATE leaves rows that refer to the author free to be written meanwhile.
	if tx.Engine() == db.Postgres {
		if _, err := tx.Exec(ctx, `SELECT id FROM `+table+` WHERE tenant_id = ? AND id = ? FOR NO KEY UPDATE`,
			n.TenantID, author); err != nil {
			return fmt.Errorf("ticket: lock author: %w", err)
		}
	}
	// The description is the ticket's first message, written with it (Create).
	// The same fault for another device or place is another ticket, not a repeat.
	args = append([]any{n.TenantID, n.CompanyID, n.ContactID, n.Title, n.Location, n.Asset, now.Add(-RepeatWindow).Unix()},
		append(args, n.Body)...)
	var id int64
	err := tx.QueryRow(ctx, `SELECT t.id FROM tickets t JOIN ticket_messages m ON m.tenant_id = t.tenant_id AND m.ticket_id = t.id
		WHERE t.tenant_id = ? AND t.company_id = ? AND t.contact_id = ? AND t.title = ? AND t.location = ? AND t.asset = ?
		AND t.created_at >= ?
		AND m.id = (SELECT MIN(f.id) FROM ticket_messages f WHERE f.tenant_id = t.tenant_id AND f.ticket_id = t.id AND f.created_at = t.created_at)
		AND `+by+` AND m.body = ?
		ORDER BY t.id DESC LIMIT 1`, args...).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("ticket: repeated ticket: %w", err)
	}
	return &RepeatedError{TicketID: id}
}
