package ticket

import (
	"context"
	"slices"
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

// Recent lists up to n of the contact's open tickets, each with its newest public
// message: the home page's "your tickets". Those waiting for the customer (a status of
// kind waiting) come first, newest activity first, so newer tickets never push one
// that asks the customer something off the short list; the other open tickets fill
// the rest by activity. Both are the ticket list's own query (ListForContact: who sees
// what, the tenant's portal statuses, the order) with a page of n, so the two can never
// disagree about which tickets a contact sees, and the work stays two short pages
// whatever the company's size. The newest message is looked up per row the query
// reads.
func Recent(ctx context.Context, q db.Querier, p principal.Contact, n int) ([]Ticket, error) {
	waiting, _, err := listForContact(ctx, q, p, Filter{State: KindWaiting, Limit: n}, recentRow)
	if err != nil || len(waiting) >= n {
		return waiting, err
	}
	// The first n open tickets hold every waiting one among them, and those are in
	// waiting already (fewer than n exist): the rest are the newest others.
	open, _, err := listForContact(ctx, q, p, Filter{State: "open", Limit: n}, recentRow)
	if err != nil {
		return nil, err
	}
	out := waiting
	for _, t := range open {
		if len(out) == n {
			break
		}
		// By id too: a ticket that left "waiting" between the two reads is listed once.
		if t.Status.Kind != KindWaiting && !slices.ContainsFunc(waiting, func(w Ticket) bool { return w.ID == t.ID }) {
			out = append(out, t)
		}
	}
	return out, nil
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
