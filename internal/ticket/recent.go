package ticket

import (
	"context"
	"time"

	"pforte/internal/db"
	"pforte/internal/principal"
)

// RecentLimit is how many tickets the portal's home page shows.
const RecentLimit = 5

// LastMessage is the newest public message of a ticket as the home page names it.
type LastMessage struct {
	StaffID   int64 // set: staff wrote it, so the ticket waits for the customer
	ContactID int64
	Author    string // display name at the time of writing
	At        time.Time
	// Opening: it is the ticket's only public message, the one that opened it; the
	// home page says who opened the ticket then, not who replied last.
	Opening bool
}

// FromStaff reports whether staff wrote the message.
func (m LastMessage) FromStaff() bool { return m.StaffID > 0 }

// Recent lists up to n of the contact's open tickets with the newest activity, each
// with its newest public message: the home page's "your tickets". It is the ticket
// list's own query (ListForContact: who sees what, the tenant's portal statuses, the
// order) with a smaller page, so the two can never disagree about which tickets a
// contact sees. The newest message is looked up per row the query reads: the rows of
// the page where the list walks an index in its order (main contacts, busy users), the
// user's own open tickets where it collects and sorts those (fewer than manyOwn).
func Recent(ctx context.Context, q db.Querier, p principal.Contact, n int) ([]Ticket, error) {
	rows, _, err := listForContact(ctx, q, p, Filter{State: "open", Limit: n}, recentRow)
	return rows, err
}

// recentRow is portalRow with the ticket's newest public message (internal notes never
// count: they are no answer the customer can see), and whether it is the only one. Ordered by time like the
// conversation, since a merged ticket's messages keep their ids.
var recentRow = row{
	cols: portalRow.cols + `, COALESCE(lm.staff_id, 0), COALESCE(lm.contact_id, 0), COALESCE(lm.author, ''), COALESCE(lm.created_at, 0),
		CASE WHEN lm.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ticket_messages o WHERE o.ticket_id = t.id
			AND o.tenant_id = t.tenant_id AND NOT o.internal AND o.id <> lm.id) THEN 1 ELSE 0 END`,
	from: portalRow.from + ` LEFT JOIN ticket_messages lm ON lm.id = (SELECT m.id FROM ticket_messages m
		WHERE m.ticket_id = t.id AND m.tenant_id = t.tenant_id AND NOT m.internal ORDER BY m.created_at DESC, m.id DESC LIMIT 1)`,
	scan: func(r interface{ Scan(...any) error }) (Ticket, error) {
		var t Ticket
		var updated, last, opening int64
		err := r.Scan(&t.ID, &t.Title, &t.Status.ID, &t.Status.Code, &t.Status.Name, &t.Status.Kind,
			&t.Priority, &t.ContactName, &updated, &t.PortalNews.Count, &t.PortalNews.By,
			&t.Last.StaffID, &t.Last.ContactID, &t.Last.Author, &last, &opening)
		t.UpdatedAt, t.Last.At, t.Last.Opening = time.Unix(updated, 0), unixOrZero(last), opening == 1
		return t, err
	},
}
