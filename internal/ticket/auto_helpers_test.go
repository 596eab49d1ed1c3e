package ticket_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
)

// autoWorld is a deskWorld with the helpdesk automation, its contact a main contact
// with portal access.
type autoWorld struct{ *deskWorld }

func newAutoWorld(t *testing.T, d *db.DB, name string, a ticket.Automation) *autoWorld {
	t.Helper()
	ctx := context.Background()
	w := &autoWorld{newDeskWorld(t, d, name, time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))}
	mid, err := contact.AddMembership(ctx, d, w.ten.ID, w.ct, w.co, "main", w.t0)
	if err != nil {
		t.Fatal(err)
	}
	// She signs in to the portal: her mails lead there (a contact without access gets
	// none of its links, notify_noportal.go).
	if err := contact.SetAccess(ctx, d, w.ten.ID, mid, "main", contact.AccessActive, w.t0); err != nil {
		t.Fatal(err)
	}
	if err := ticket.SetAutomation(ctx, d, w.ten.ID, a); err != nil {
		t.Fatal(err)
	}
	return w
}

// at is t0 plus days.
func (w *autoWorld) at(days float64) time.Time {
	return w.t0.Add(time.Duration(days * 24 * float64(time.Hour)))
}

func (w *autoWorld) open(t *testing.T, title string) int64 {
	t.Helper()
	id, err := ticket.Create(context.Background(), w.d, ticket.New{TenantID: w.ten.ID, CompanyID: w.co, ContactID: w.ct,
		Author: "Anna", Title: title, Body: "broken"}, w.t0)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// move sets the ticket's status by code as the agent, days after t0.
func (w *autoWorld) move(t *testing.T, id int64, code string, days float64) {
	t.Helper()
	st, err := ticket.StatusByCode(context.Background(), w.d, w.ten.ID, code)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ticket.SetStatus(context.Background(), w.d, w.get(t, id), st.ID, w.agent, w.at(days)); err != nil {
		t.Fatal(err)
	}
}

// answer adds a public reply of the agent (staff) or of Anna (contact), days after t0.
func (w *autoWorld) answer(t *testing.T, id int64, byStaff bool, body string, days float64) {
	t.Helper()
	r := ticket.Reply{ContactID: w.ct, Author: "Anna", Body: body}
	if byStaff {
		r = ticket.Reply{StaffID: w.agent.StaffID, Author: w.agent.Name, Body: body, Via: "staff"}
	}
	if _, err := ticket.AddReply(context.Background(), w.d, w.get(t, id), r, w.at(days)); err != nil {
		t.Fatal(err)
	}
}

// sweep runs one pass days after t0.
func (w *autoWorld) sweep(t *testing.T, days float64) ticket.Swept {
	t.Helper()
	sw, err := ticket.Automate(context.Background(), w.d, w.at(days), func(tenant.Tenant) string { return "https://portal.test" })
	if err != nil {
		t.Fatal(err)
	}
	return sw
}

// events lists the kinds of the ticket's history, oldest first.
func (w *autoWorld) events(t *testing.T, id int64) []string {
	t.Helper()
	d, err := ticket.Load(context.Background(), w.d, w.get(t, id), true)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range d.Events {
		out = append(out, e.Kind)
	}
	return out
}

// mails lists the subject and text of the ticket's mails, oldest first.
func (w *autoWorld) mails(t *testing.T, id int64) []string {
	t.Helper()
	return queryStrings(t, w.d, `SELECT to_addr || ' ' || subject || ' ' || text_body FROM mails WHERE ticket_id = ? ORDER BY id`, id)
}

// mailsLike counts the ticket's mails whose subject contains s.
func (w *autoWorld) mailsLike(t *testing.T, id int64, s string) int {
	t.Helper()
	n := 0
	for _, m := range w.mails(t, id) {
		if strings.Contains(m, s) {
			n++
		}
	}
	return n
}

func queryStrings(t *testing.T, q db.Querier, query string, args ...any) []string {
	t.Helper()
	rows, err := q.Query(context.Background(), query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

func count(s []string, want string) int {
	n := 0
	for _, x := range s {
		if x == want {
			n++
		}
	}
	return n
}
