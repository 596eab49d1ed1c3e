package ticket

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/principal"
)

// ExportBatch is how many tickets one ExportPage reads: with their messages, the most a
// data export holds in memory at a time, however many tickets the contact has.
const ExportBatch = 100

// Exported is a ticket as it goes into a contact's own data export: what the portal
// shows of it, and of its conversation only what the contact wrote and staff's public
// answers, and of its history what the portal's ticket page shows.
type Exported struct {
	Ticket
	Messages []Message
	History  []Event
	Ratings  []Rating // the contact's own ratings of the ticket, newest resolution first
}

// ExportPage returns up to ExportBatch tickets of the principal's company, after the
// ticket id after (0: from the start), in id order, for the contact's data export.
//
// The export holds the contact's personal data, not the company's: a main contact gets
// the tickets they opened or follow, like a plain user, never a colleague's. Tickets in
// a status hidden from the portal are left out as the portal leaves them out (their
// status name is staff's own wording). Of the conversation, internal notes never come
// along, nor messages written by colleagues (theirs, not the contact's), nor mails of
// unknown senders; each message keeps the names of its files, never their storage keys.
func ExportPage(ctx context.Context, q db.Querier, p principal.Contact, after int64) ([]Exported, error) {
	if !p.Valid() {
		return nil, db.ErrNotFound
	}
	rows, err := q.Query(ctx, `SELECT `+contactCols+from+` WHERE t.tenant_id = ? AND t.company_id = ? AND s.portal_visible
		AND t.id > ? AND t.id IN (SELECT o.id FROM tickets o WHERE o.tenant_id = ? AND o.company_id = ? AND o.contact_id = ?
			UNION SELECT f.ticket_id FROM ticket_followers f WHERE f.contact_id = ? AND f.tenant_id = ?)
		ORDER BY t.id LIMIT ?`, p.TenantID, p.CompanyID, after, p.TenantID, p.CompanyID, p.ContactID,
		p.ContactID, p.TenantID, ExportBatch)
	if err != nil {
		return nil, fmt.Errorf("ticket: export: %w", err)
	}
	var out []Exported
	byID := map[int64]int{}
	for rows.Next() {
		t, err := scan(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("ticket: export: %w", err)
		}
		t.ReplyToken, t.ReplySecret = "", "" // secrets of the reply address; never exported
		byID[t.ID] = len(out)
		out = append(out, Exported{Ticket: t})
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("ticket: export: %w", err)
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	if err := exportMessages(ctx, q, p, out, byID); err != nil {
		return nil, err
	}
	if err := exportHistory(ctx, q, p.TenantID, out); err != nil {
		return nil, err
	}
	return out, exportRatings(ctx, q, p, out, byID)
}

// exportHistory fills in the status histories of a batch of tickets in one query,
// filtered as the portal filters them.
func exportHistory(ctx context.Context, q db.Querier, tenantID int64, out []Exported) error {
	ids := make([]int64, len(out))
	for i, e := range out {
		ids[i] = e.ID
	}
	byTicket, err := histories(ctx, q, tenantID, ids)
	if err != nil {
		return fmt.Errorf("ticket: export: %w", err)
	}
	for i := range out {
		out[i].History = forPortal(byTicket[out[i].ID])
	}
	return nil
}

// exportMessages fills in the messages of a batch of tickets in one query.
func exportMessages(ctx context.Context, q db.Querier, p principal.Contact, out []Exported, byID map[int64]int) error {
	args := []any{p.TenantID}
	for _, e := range out {
		args = append(args, e.ID)
	}
	args = append(args, p.ContactID)
	rows, err := q.Query(ctx, `SELECT m.ticket_id, m.id, COALESCE(m.contact_id, 0), COALESCE(m.staff_id, 0), m.author,
		m.body, m.via, m.created_at, COALESCE(a.id, 0), COALESCE(a.filename, ''), COALESCE(a.content_type, ''),
		COALESCE(a.size, 0), COALESCE(a.created_at, 0)
		FROM ticket_messages m LEFT JOIN ticket_attachments a ON a.ticket_id = m.ticket_id AND a.message_id = m.id
		WHERE m.tenant_id = ? AND m.ticket_id IN (`+db.Marks(len(out))+`) AND NOT m.internal
			AND (m.contact_id = ? OR m.staff_id IS NOT NULL)
		ORDER BY m.ticket_id, m.created_at, m.id, a.id`, args...)
	if err != nil {
		return fmt.Errorf("ticket: export messages: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ticketID, at, fileAt int64
		var m Message
		var f Attachment
		if err := rows.Scan(&ticketID, &m.ID, &m.ContactID, &m.StaffID, &m.Author, &m.Body, &m.Via, &at,
			&f.ID, &f.Filename, &f.ContentType, &f.Size, &fileAt); err != nil {
			return fmt.Errorf("ticket: export messages: %w", err)
		}
		e := &out[byID[ticketID]]
		if n := len(e.Messages); n == 0 || e.Messages[n-1].ID != m.ID {
			m.CreatedAt = time.Unix(at, 0)
			e.Messages = append(e.Messages, m)
		}
		if f.ID != 0 {
			f.MessageID, f.CreatedAt = m.ID, time.Unix(fileAt, 0)
			last := &e.Messages[len(e.Messages)-1]
			last.Files = append(last.Files, f)
		}
	}
	return rows.Err()
}
