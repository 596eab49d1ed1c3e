package ticket

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// Mark is how far a staff member read a ticket: the newest message (internal notes
// included) and the newest history entry the page showed them. The ticket page's forms
// carry it back, so a change that others made meanwhile can be told before it is
// overwritten or answered twice (Since).
type Mark struct {
	Message, Event int64
}

// MarkOf is the mark of a ticket page that shows d.
func MarkOf(d Detail) Mark {
	var m Mark
	for _, msg := range d.Messages {
		m.Message = max(m.Message, msg.ID)
	}
	for _, e := range d.Events {
		m.Event = max(m.Event, e.ID)
	}
	return m
}

// Changes are what others did with a ticket after a Mark.
type Changes struct {
	// Messages are the replies and notes of others, oldest first (without bodies and
	// files: the page that tells of them shows the whole conversation again).
	Messages []Message
	// Events are the status changes and assignments of others, oldest first.
	Events []Event
}

// StatusEvents are the Events that moved the ticket to another status.
func (c Changes) StatusEvents() []Event { return c.events(func(e Event) bool { return e.To.ID != 0 }) }

// Assignments are the Events that gave the ticket to someone else or to nobody.
func (c Changes) Assignments() []Event {
	return c.events(func(e Event) bool { return e.Kind == "assigned" })
}

func (c Changes) events(keep func(Event) bool) []Event {
	var out []Event
	for _, e := range c.Events {
		if keep(e) {
			out = append(out, e)
		}
	}
	return out
}

// Since returns what others than staff member me added to t after m: messages by
// contacts (portal, mail), by other staff and by nobody in particular, and status
// changes and assignments (the automation's too). Both queries read one ticket's rows
// past an id.
func Since(ctx context.Context, q db.Querier, t Ticket, m Mark, me int64) (Changes, error) {
	var c Changes
	rows, err := q.Query(ctx, `SELECT id, COALESCE(contact_id, 0), COALESCE(staff_id, 0), author, internal, via, created_at
		FROM ticket_messages WHERE tenant_id = ? AND ticket_id = ? AND id > ? AND (staff_id IS NULL OR staff_id <> ?)
		ORDER BY id`, t.TenantID, t.ID, m.Message, me)
	if err != nil {
		return c, fmt.Errorf("ticket: since: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var msg Message
		var at int64
		if err := rows.Scan(&msg.ID, &msg.ContactID, &msg.StaffID, &msg.Author, &msg.Internal, &msg.Via, &at); err != nil {
			return c, fmt.Errorf("ticket: since: %w", err)
		}
		msg.CreatedAt = time.Unix(at, 0)
		c.Messages = append(c.Messages, msg)
	}
	if err := rows.Err(); err != nil {
		return c, fmt.Errorf("ticket: since: %w", err)
	}
	rows.Close()
	ev, err := q.Query(ctx, `SELECT e.id, e.kind, e.actor, e.note, e.created_at,
		COALESCE(f.id, 0), COALESCE(f.code, ''), COALESCE(f.name, ''), COALESCE(f.kind, ''),
		COALESCE(s.id, 0), COALESCE(s.code, ''), COALESCE(s.name, ''), COALESCE(s.kind, '')
		FROM ticket_events e LEFT JOIN ticket_statuses f ON f.id = e.from_status_id
		LEFT JOIN ticket_statuses s ON s.id = e.to_status_id
		WHERE e.tenant_id = ? AND e.ticket_id = ? AND e.id > ? AND (e.staff_id IS NULL OR e.staff_id <> ?)
		AND (e.to_status_id IS NOT NULL OR e.kind = 'assigned') ORDER BY e.id`, t.TenantID, t.ID, m.Event, me)
	if err != nil {
		return c, fmt.Errorf("ticket: since: %w", err)
	}
	defer ev.Close()
	for ev.Next() {
		var e Event
		var at int64
		if err := ev.Scan(&e.ID, &e.Kind, &e.Actor, &e.Note, &at, &e.From.ID, &e.From.Code, &e.From.Name, &e.From.Kind,
			&e.To.ID, &e.To.Code, &e.To.Name, &e.To.Kind); err != nil {
			return c, fmt.Errorf("ticket: since: %w", err)
		}
		e.CreatedAt = time.Unix(at, 0)
		c.Events = append(c.Events, e)
	}
	return c, ev.Err()
}
