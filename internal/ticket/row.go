package ticket

import "time"

// A list reads only the columns its rows show. At 50 rows a page every column is a call
// into the database driver (on SQLite two, each taking the connection's mutex), and the
// joins for names a row does not show cost a lookup per row: a full ticket's 28 columns
// and five joins made the portal's list query twice as expensive as these.

// row selects the tickets of a list, and scans one.
type row struct {
	cols, from string
	fromAfter  string // from, for a page after a place in the order (list_after.go); empty: from
	scan       func(interface{ Scan(...any) error }) (Ticket, error)
}

// portalRow is a row of the portal's list: number, title, status, priority, who
// opened it, last activity as contacts see it (portal_at, not updated_at: an internal
// note or an assignment is no activity of theirs), and the contacts' news (read.go).
var portalRow = row{
	cols: `t.id, t.title, s.id, s.code, s.name, s.kind, t.priority,
		COALESCE(TRIM(ct.first_name || ' ' || ct.last_name), ''), t.portal_at,
		COALESCE(t.portal_news, 0), COALESCE(t.portal_news_contact_id, 0)`,
	from: ` FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id
		LEFT JOIN contacts ct ON ct.id = t.contact_id`,
	scan: func(r interface{ Scan(...any) error }) (Ticket, error) {
		var t Ticket
		var updated int64
		err := r.Scan(&t.ID, &t.Title, &t.Status.ID, &t.Status.Code, &t.Status.Name, &t.Status.Kind,
			&t.Priority, &t.ContactName, &updated, &t.PortalNews.Count, &t.PortalNews.By)
		t.UpdatedAt = time.Unix(updated, 0)
		return t, err
	},
}

// queueRow is a row of the back office's queue, which adds the company, the assignee,
// the request state, "billed", the newest rating, the next due time (sla.go), staff's
// news (read.go) and the follow-up (followup.go) to what the portal shows.
var queueRow = row{
	cols: `t.id, t.company_id, c.name, COALESCE(t.contact_id, 0), COALESCE(TRIM(ct.first_name || ' ' || ct.last_name), ''),
		t.title, s.id, s.code, s.name, s.kind, t.priority, COALESCE(st.name, ''), t.billed, t.request_state, COALESCE(t.last_rating, ''), t.updated_at,
		COALESCE(t.sla_due_at, 0), COALESCE(t.news, 0), COALESCE(t.news_staff_id, 0), COALESCE(t.followup_at, 0)`,
	from: ` FROM tickets t JOIN companies c ON c.id = t.company_id
		JOIN ticket_statuses s ON s.id = t.status_id
		LEFT JOIN contacts ct ON ct.id = t.contact_id
		LEFT JOIN staff st ON st.id = t.assignee_id`,
	// From a next page's place in the order (list_after.go) the company is joined on
	// "+t.company_id", which no index of tickets serves: else SQLite went through the
	// companies by name and each one's tickets from that place, and sorted them (250 ms
	// for page 21 of the open tickets by priority; 11 ms through the order's index).
	// Without a place, the plain join leaves SQLite the plans measured for every filter.
	fromAfter: ` FROM tickets t JOIN companies c ON c.id = +t.company_id
		JOIN ticket_statuses s ON s.id = t.status_id
		LEFT JOIN contacts ct ON ct.id = t.contact_id
		LEFT JOIN staff st ON st.id = t.assignee_id`,
	scan: func(r interface{ Scan(...any) error }) (Ticket, error) {
		var t Ticket
		var updated, due, followUp int64
		err := r.Scan(&t.ID, &t.CompanyID, &t.CompanyName, &t.ContactID, &t.ContactName, &t.Title,
			&t.Status.ID, &t.Status.Code, &t.Status.Name, &t.Status.Kind, &t.Priority, &t.AssigneeName,
			&t.Billed, &t.RequestState, &t.Rating, &updated, &due, &t.StaffNews.Count, &t.StaffNews.By, &followUp)
		t.UpdatedAt, t.DueAt, t.FollowUpAt = time.Unix(updated, 0), unixOrZero(due), unixOrZero(followUp)
		return t, err
	},
}
