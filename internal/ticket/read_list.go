package ticket

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/principal"
)

// MarkUnread sets Unread on the queue's tickets that are new for the staff member: one
// lookup of their marks, for the page's tickets that can be new at all (none: no
// query).
func MarkUnread(ctx context.Context, q db.Querier, tenantID, staffID int64, list []Ticket) error {
	var ids []int64
	for _, t := range list {
		if t.StaffNews.Possible(staffID) {
			ids = append(ids, t.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	seen, err := seenBy(ctx, q, "ticket_staff_reads", "staff_id", tenantID, staffID, ids)
	if err != nil {
		return err
	}
	for i, t := range list {
		list[i].Unread = t.StaffNews.For(staffID, seen[t.ID])
	}
	return nil
}

// SeenByContact returns the contact's marks on the tickets ids (each ticket's
// PortalNews.Count when they last opened it; missing: never opened). The portal looks
// them up for the tickets of a page it shows and applies them to the kept list.
func SeenByContact(ctx context.Context, q db.Querier, p principal.Contact, ids []int64) (map[int64]int64, error) {
	if !p.Valid() {
		return nil, db.ErrNotFound
	}
	return seenBy(ctx, q, "ticket_contact_reads", "contact_id", p.TenantID, p.ContactID, ids)
}

// MarkReadPage marks tickets read for the staff member as the queue showed them
// ("mark all on this page as read"): shown maps a ticket id to the count of news the
// page saw, so a message that arrived since stays new. Ids of another tenant, and
// counts a ticket never had, mark nothing. It returns how many marks changed.
func MarkReadPage(ctx context.Context, tx db.Querier, tenantID, staffID int64, shown map[int64]int64, now time.Time) (int, error) {
	n := 0
	for id, seen := range shown {
		if seen <= 0 {
			continue
		}
		res, err := tx.Exec(ctx, `INSERT INTO ticket_staff_reads (staff_id, ticket_id, tenant_id, seen, read_at)
			SELECT CAST(? AS BIGINT), t.id, t.tenant_id, CAST(? AS BIGINT), CAST(? AS BIGINT) FROM tickets t
			WHERE t.tenant_id = ? AND t.id = ? AND t.news >= ?
			ON CONFLICT (staff_id, ticket_id) DO UPDATE SET seen = excluded.seen, read_at = excluded.read_at
			WHERE ticket_staff_reads.seen < excluded.seen`, staffID, seen, now.Unix(), tenantID, id, seen)
		if err != nil {
			return n, fmt.Errorf("ticket: mark read: %w", err)
		}
		if c, err := res.RowsAffected(); err == nil {
			n += int(c)
		}
	}
	return n, nil
}

// unreadOnly is the queue's "unread only" condition: the member's own open tickets
// that are new for them. It is a set drawn from the partial index tickets_assignee_news
// (the member's tickets with news, by status) and read before the queue's order: it
// reads the member's open tickets with news, never the tenant's other tickets nor the
// member's thousands of closed ones. SQLite plans the IN set that way by itself;
// PostgreSQL took it for a filter and walked the tenant's queue in its order (20 ms at
// 100,000 tickets, all of them with the agent's few hundred open ones among them), so
// there it is an array computed once (an InitPlan) whose ids are looked up.
func unreadOnly(e db.Engine, tenantID, staffID int64) (string, []any) {
	set := `SELECT o.id FROM tickets o WHERE o.tenant_id = ? AND o.assignee_id = ? AND o.news IS NOT NULL
		AND o.status_id IN (SELECT os.id FROM ticket_statuses os WHERE os.tenant_id = ? AND os.kind IN ('open', 'waiting'))
		AND o.news > COALESCE((SELECT r.seen FROM ticket_staff_reads r WHERE r.staff_id = ? AND r.ticket_id = o.id), 0)
		AND COALESCE(o.news_staff_id, 0) <> ?`
	args := []any{tenantID, staffID, tenantID, staffID, staffID}
	if e == db.Postgres {
		return ` AND t.id = ANY(ARRAY(` + set + `))`, args
	}
	return ` AND t.id IN (` + set + `)`, args
}
