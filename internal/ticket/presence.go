package ticket

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// PresenceTTL is how long a staff member's heartbeat on a ticket counts: a page that
// stopped beating for longer (closed, the laptop asleep) is gone. It spans a little
// more than three heartbeats, so one slow or lost request does not make anyone vanish.
const PresenceTTL = 40 * time.Second

// PresenceBeat is how often the back office's ticket page sends its heartbeat.
const PresenceBeat = 12 * time.Second

// Watch values: what another staff member does with a ticket (Ticket.Watched).
const (
	Viewing = "viewing"
	Typing  = "typing"
)

// Presence is another staff member who has a ticket open now.
type Presence struct {
	StaffID int64
	Name    string
	Typing  bool // writing a reply or note: the reply box holds text
	SeenAt  time.Time
}

// Beat records that staffID has the ticket open (typing: with text in the reply box)
// and forgets the tenant's entries that aged out (through the seen_at index), so the
// table holds about the tenant's staff at work between two janitor runs, however many
// pages were closed, and the queue's lookup stays small. Another tenant's ticket
// records nothing: the row is written only for a ticket of tenantID.
func Beat(ctx context.Context, q db.Querier, tenantID, ticketID, staffID int64, typing bool, now time.Time) error {
	if _, err := q.Exec(ctx, `INSERT INTO ticket_presence (tenant_id, ticket_id, staff_id, typing, seen_at)
		SELECT tenant_id, id, ?, ?, ? FROM tickets WHERE tenant_id = ? AND id = ?
		ON CONFLICT (tenant_id, ticket_id, staff_id) DO UPDATE SET typing = excluded.typing, seen_at = excluded.seen_at`,
		staffID, typing, now.Unix(), tenantID, ticketID); err != nil {
		return fmt.Errorf("ticket: presence: %w", err)
	}
	if _, err := q.Exec(ctx, `DELETE FROM ticket_presence WHERE seen_at < ? AND tenant_id = ?`,
		presenceSince(now), tenantID); err != nil {
		return fmt.Errorf("ticket: presence: %w", err)
	}
	return nil
}

// Leave forgets staffID on the ticket at once (the reply was sent, the page left).
func Leave(ctx context.Context, q db.Querier, tenantID, ticketID, staffID int64) error {
	if _, err := q.Exec(ctx, `DELETE FROM ticket_presence WHERE tenant_id = ? AND ticket_id = ? AND staff_id = ?`,
		tenantID, ticketID, staffID); err != nil {
		return fmt.Errorf("ticket: presence: %w", err)
	}
	return nil
}

// Present lists the staff members other than me who have the ticket open now, those
// writing first, then by name.
func Present(ctx context.Context, q db.Querier, tenantID, ticketID, me int64, now time.Time) ([]Presence, error) {
	rows, err := q.Query(ctx, `SELECT p.staff_id, s.name, p.typing, p.seen_at FROM ticket_presence p
		JOIN staff s ON s.id = p.staff_id AND s.tenant_id = p.tenant_id
		WHERE p.tenant_id = ? AND p.ticket_id = ? AND p.staff_id <> ? AND p.seen_at >= ?
		ORDER BY p.typing DESC, s.name, p.staff_id`, tenantID, ticketID, me, presenceSince(now))
	if err != nil {
		return nil, fmt.Errorf("ticket: presence: %w", err)
	}
	defer rows.Close()
	var out []Presence
	for rows.Next() {
		var p Presence
		var at int64
		if err := rows.Scan(&p.StaffID, &p.Name, &p.Typing, &at); err != nil {
			return nil, fmt.Errorf("ticket: presence: %w", err)
		}
		p.SeenAt = time.Unix(at, 0)
		out = append(out, p)
	}
	return out, rows.Err()
}

// MarkWatched sets Watched on the tickets of a queue page that another staff member
// than me has open now (Typing when anyone of them writes): one query over the page's
// ids through the primary key, never a scan of the tenant's tickets.
func MarkWatched(ctx context.Context, q db.Querier, tenantID, me int64, list []Ticket, now time.Time) error {
	if len(list) == 0 {
		return nil
	}
	args := []any{tenantID}
	for _, t := range list {
		args = append(args, t.ID)
	}
	args = append(args, me, presenceSince(now))
	rows, err := q.Query(ctx, `SELECT ticket_id, typing FROM ticket_presence
		WHERE tenant_id = ? AND ticket_id IN (`+db.Marks(len(list))+`) AND staff_id <> ? AND seen_at >= ?`, args...)
	if err != nil {
		return fmt.Errorf("ticket: watched: %w", err)
	}
	defer rows.Close()
	watched := map[int64]string{}
	for rows.Next() { // a row per colleague on a page's ticket: a handful
		var id int64
		var typing bool
		if err := rows.Scan(&id, &typing); err != nil {
			return fmt.Errorf("ticket: watched: %w", err)
		}
		if typing {
			watched[id] = Typing
		} else if watched[id] == "" {
			watched[id] = Viewing
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("ticket: watched: %w", err)
	}
	for i, t := range list {
		list[i].Watched = watched[t.ID]
	}
	return nil
}

// SweepPresence deletes the entries that aged out on every ticket (the janitor's):
// pages closed without a word leave their row behind until then.
func SweepPresence(ctx context.Context, q db.Querier, now time.Time) error {
	if _, err := q.Exec(ctx, `DELETE FROM ticket_presence WHERE seen_at < ?`, presenceSince(now)); err != nil {
		return fmt.Errorf("ticket: sweep presence: %w", err)
	}
	return nil
}

// presenceSince is the oldest heartbeat that still counts at now.
func presenceSince(now time.Time) int64 { return now.Add(-PresenceTTL).Unix() }
