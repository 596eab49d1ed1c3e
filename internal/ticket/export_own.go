package ticket

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// OwnMessage is a public message a contact wrote, with the ticket it is on, for staff
// answering the contact's access request (GDPR art. 15): the ticket itself may be one
// the contact no longer opens or follows, so its number, title and company say where
// the message stands.
type OwnMessage struct {
	Message
	TicketID    int64
	TicketTitle string
	CompanyName string
}

// OwnMessagesPage returns up to ExportBatch of the public messages contactID wrote on
// any ticket of the tenant, whatever the ticket's status or company, with their
// attachments, in the order written, starting after the message with id after. Never
// internal notes, never anyone else's messages.
func OwnMessagesPage(ctx context.Context, q db.Querier, tenantID, contactID, after int64) ([]OwnMessage, error) {
	rows, err := q.Query(ctx, `SELECT m.id, m.ticket_id, t.title, co.name, m.author, m.body, m.via, m.created_at,
		COALESCE(a.id, 0), COALESCE(a.filename, ''), COALESCE(a.content_type, ''), COALESCE(a.size, 0)
		FROM (SELECT id, ticket_id, author, body, via, created_at FROM ticket_messages
			WHERE tenant_id = ? AND contact_id = ? AND NOT internal AND id > ? ORDER BY id LIMIT ?) m
		JOIN tickets t ON t.tenant_id = ? AND t.id = m.ticket_id
		JOIN companies co ON co.tenant_id = t.tenant_id AND co.id = t.company_id
		LEFT JOIN ticket_attachments a ON a.ticket_id = m.ticket_id AND a.message_id = m.id
		ORDER BY m.id, a.id`, tenantID, contactID, after, ExportBatch, tenantID)
	if err != nil {
		return nil, fmt.Errorf("ticket: own messages: %w", err)
	}
	defer rows.Close()
	var out []OwnMessage
	for rows.Next() {
		var m OwnMessage
		var at int64
		var f Attachment
		if err := rows.Scan(&m.ID, &m.TicketID, &m.TicketTitle, &m.CompanyName, &m.Author, &m.Body, &m.Via, &at,
			&f.ID, &f.Filename, &f.ContentType, &f.Size); err != nil {
			return nil, fmt.Errorf("ticket: own messages: %w", err)
		}
		if n := len(out); n == 0 || out[n-1].ID != m.ID {
			m.ContactID, m.CreatedAt = contactID, time.Unix(at, 0)
			out = append(out, m)
		}
		if f.ID != 0 {
			f.MessageID = m.ID
			last := &out[len(out)-1]
			last.Files = append(last.Files, f)
		}
	}
	return out, rows.Err()
}
