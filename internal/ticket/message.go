package ticket

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/words"
)

// Reply is a message added to a ticket: a contact's or staff member's reply, or (with
// Internal) a staff note.
type Reply struct {
	TenantID  int64
	TicketID  int64
	ContactID int64
	StaffID   int64
	Author    string
	Internal  bool
	Body      string
	Via       string
	MailID    string
	Files     []Upload
	// FromForm marks a message a person sent with a form of the portal or the back
	// office: sent again a moment later, it is refused as a repeat (repeat.go).
	FromForm bool
	// subject is the ticket's title on its opening message, whose words are indexed with
	// it (search_index.go): "drucker seiten" finds "Drucker" with "leere Seiten" below.
	subject string
}

// addMessage marks the ticket as updated (for its contacts too unless the message is
// internal: portal_at), counts the message as news (read.go) and stores it with its
// attachments. The ticket is touched first and only while it is not merged: a merge
// committed since the caller loaded the ticket makes it ErrMerged here (on PostgreSQL
// the row lock makes the merge and this wait for each other), so no message is left
// behind on a ticket whose conversation moved.
func addMessage(ctx context.Context, tx db.Querier, m Reply, now time.Time) (int64, error) {
	if m.Via == "" {
		m.Via = "portal"
	}
	news, args := newsOf(m)
	// A public message is activity its contacts see (portal_at); an internal note is
	// activity for staff only.
	var companyID int64 // for the conversation index (search_index.go)
	err := tx.WriteRow(ctx, `UPDATE tickets SET updated_at = ?, portal_at = CASE WHEN ? THEN portal_at ELSE ? END, `+news+`
		WHERE tenant_id = ? AND id = ? AND merged_into IS NULL RETURNING company_id`,
		append(append([]any{now.Unix(), m.Internal, now.Unix()}, args...), m.TenantID, m.TicketID)...).Scan(&companyID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrMerged
	}
	if err != nil {
		return 0, fmt.Errorf("ticket: touch: %w", err)
	}
	names := make([]string, len(m.Files))
	for i, f := range m.Files {
		names[i] = f.Filename
	}
	ws := messageWords(scopeOf(m.TenantID, companyID, m.Internal), m.subject, m.Body, names) // search_index.go
	cols, marks := "", ""
	args = []any{m.TenantID, m.TicketID, nullID(m.ContactID), nullID(m.StaffID), m.Author, m.Internal, m.Body, m.Via, m.MailID, now.Unix()}
	if tx.Engine() == db.Postgres { // the words go with the row: one write, not an insert and an update
		cols, marks, args = ", search_tsv", ", ?::tsvector", append(args, words.TSVector(ws))
	}
	id, err := db.Insert(ctx, tx, `INSERT INTO ticket_messages (tenant_id, ticket_id, contact_id, staff_id, author,
		internal, body, via, mail_message_id, created_at`+cols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?`+marks+`)`, args...)
	if err != nil {
		return 0, fmt.Errorf("ticket: message: %w", err)
	}
	for _, f := range m.Files {
		if _, err := tx.Exec(ctx, `INSERT INTO ticket_attachments (tenant_id, ticket_id, message_id, file_key, filename,
			content_type, size, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, m.TenantID, m.TicketID, id, f.Key,
			f.Filename, f.Type, f.Size, now.Unix()); err != nil {
			return 0, fmt.Errorf("ticket: attachment: %w", err)
		}
	}
	if tx.Engine() == db.SQLite {
		if err := writeIndex(ctx, tx, []indexed{{id, ws}}); err != nil {
			return 0, fmt.Errorf("ticket: message words: %w", err)
		}
	}
	return id, nil
}

// addEvent writes one entry of the status history.
func addEvent(ctx context.Context, tx db.Querier, tenantID, ticketID int64, e Event, contactID, staffID int64, now time.Time) error {
	_, err := tx.Exec(ctx, `INSERT INTO ticket_events (tenant_id, ticket_id, kind, from_status_id, to_status_id, contact_id,
		staff_id, actor, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, tenantID, ticketID, e.Kind,
		nullID(e.From.ID), nullID(e.To.ID), nullID(contactID), nullID(staffID), e.Actor, e.Note, now.Unix())
	if err != nil {
		return fmt.Errorf("ticket: event: %w", err)
	}
	// An entry the portal's history shows is activity its contacts see (portal_at), by
	// the same rule that shows it (forPortal).
	if !PortalEvent(e) {
		return nil
	}
	if _, err := tx.Exec(ctx, `UPDATE tickets SET portal_at = ? WHERE tenant_id = ? AND id = ?`, now.Unix(), tenantID, ticketID); err != nil {
		return fmt.Errorf("ticket: portal activity: %w", err)
	}
	return nil
}

// conversation loads a ticket's messages with their attachments, oldest first. Only
// staff pages pass withInternal; every portal path passes false.
func conversation(ctx context.Context, q db.Querier, tenantID, ticketID int64, withInternal bool) ([]Message, error) {
	// One round trip: each message comes once per attachment (or once without), which
	// costs a repeated body on messages with several files and saves a query per page.
	// Ordered by time, not id: a merged ticket's messages keep their ids (Merge) and
	// fall in between the target's by when they were written.
	rows, err := q.Query(ctx, `SELECT m.id, COALESCE(m.contact_id, 0), COALESCE(m.staff_id, 0), m.author, m.internal,
		m.body, m.via, m.created_at, COALESCE(a.id, 0), COALESCE(a.file_key, ''), COALESCE(a.filename, ''),
		COALESCE(a.content_type, ''), COALESCE(a.size, 0), COALESCE(a.created_at, 0)
		FROM ticket_messages m LEFT JOIN ticket_attachments a ON a.ticket_id = m.ticket_id AND a.message_id = m.id
		WHERE m.tenant_id = ? AND m.ticket_id = ? AND (NOT m.internal OR ?) ORDER BY m.created_at, m.id, a.id`,
		tenantID, ticketID, withInternal)
	if err != nil {
		return nil, fmt.Errorf("ticket: messages: %w", err)
	}
	defer rows.Close()
	var out []Message
	for rows.Next() {
		var m Message
		var f Attachment
		var at, fileAt int64
		if err := rows.Scan(&m.ID, &m.ContactID, &m.StaffID, &m.Author, &m.Internal, &m.Body, &m.Via, &at,
			&f.ID, &f.Key, &f.Filename, &f.ContentType, &f.Size, &fileAt); err != nil {
			return nil, fmt.Errorf("ticket: messages: %w", err)
		}
		if n := len(out); n == 0 || out[n-1].ID != m.ID {
			m.CreatedAt = time.Unix(at, 0)
			out = append(out, m)
		}
		if f.ID != 0 {
			f.MessageID, f.CreatedAt = m.ID, time.Unix(fileAt, 0)
			last := &out[len(out)-1]
			last.Files = append(last.Files, f)
		}
	}
	return out, rows.Err()
}

// history loads the status history, oldest first.
func history(ctx context.Context, q db.Querier, tenantID, ticketID int64) ([]Event, error) {
	byTicket, err := histories(ctx, q, tenantID, []int64{ticketID})
	return byTicket[ticketID], err
}

// histories loads the status histories of several tickets of one tenant in one query,
// each oldest first: what a page of the data export needs without a query per ticket.
func histories(ctx context.Context, q db.Querier, tenantID int64, ticketIDs []int64) (map[int64][]Event, error) {
	args := []any{tenantID}
	for _, id := range ticketIDs {
		args = append(args, id)
	}
	rows, err := q.Query(ctx, `SELECT e.ticket_id, e.id, e.kind, e.actor, e.note, e.created_at,
		COALESCE(f.id, 0), COALESCE(f.code, ''), COALESCE(f.name, ''), COALESCE(f.kind, ''), COALESCE(f.portal_visible, TRUE),
		COALESCE(s.id, 0), COALESCE(s.code, ''), COALESCE(s.name, ''), COALESCE(s.kind, ''), COALESCE(s.portal_visible, TRUE)
		FROM ticket_events e LEFT JOIN ticket_statuses f ON f.id = e.from_status_id
		LEFT JOIN ticket_statuses s ON s.id = e.to_status_id
		WHERE e.tenant_id = ? AND e.ticket_id IN (`+db.Marks(len(ticketIDs))+`) ORDER BY e.ticket_id, e.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("ticket: history: %w", err)
	}
	defer rows.Close()
	out := map[int64][]Event{}
	for rows.Next() {
		var e Event
		var ticketID, at int64
		if err := rows.Scan(&ticketID, &e.ID, &e.Kind, &e.Actor, &e.Note, &at, &e.From.ID, &e.From.Code, &e.From.Name, &e.From.Kind,
			&e.From.PortalVisible, &e.To.ID, &e.To.Code, &e.To.Name, &e.To.Kind, &e.To.PortalVisible); err != nil {
			return nil, fmt.Errorf("ticket: history: %w", err)
		}
		e.CreatedAt = time.Unix(at, 0)
		out[ticketID] = append(out[ticketID], e)
	}
	return out, rows.Err()
}

// forPortal leaves out of a history what contacts must not read: the moves into a
// status the tenant hides from the portal (its name is staff's own wording, e.g.
// "waiting for the supplier's invoice"), and staff's housekeeping (who is assigned,
// billing marks, follower changes), which concerns the back office only. Moves out of
// a hidden status stay, since the portal shows only the status a ticket went to.
func forPortal(events []Event) []Event {
	out := events[:0:0]
	for _, e := range events {
		if !PortalEvent(e) {
			continue
		}
		e.From = Status{} // never shown to contacts; kept out so no page can leak it
		out = append(out, e)
	}
	return out
}

// PortalEvent reports whether the portal's history shows e: not a move into a status the
// portal hides, not a kind only staff see.
func PortalEvent(e Event) bool {
	return (e.To.ID == 0 || e.To.PortalVisible) && !staffOnlyEvent[e.Kind]
}

// staffOnlyEvent are the kinds of history entries the portal never shows.
var staffOnlyEvent = map[string]bool{"follower": true, "assigned": true, "billed": true, "unbilled": true,
	EventFollowUp: true, EventFollowUpCleared: true, EventMergePriority: true,
	EventRetitled: true, EventMoved: true}
