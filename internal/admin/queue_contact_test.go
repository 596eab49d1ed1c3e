package admin_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestQueueContactFilter: the contact's page lists their ten newest tickets and, as
// they opened more, links to the queue filtered by them, which lists all of theirs in
// any state and no one else's, names them in a chip whose link removes the filter, and
// keeps the filter in the bulk form and the paging links. The tickets a contact follows
// are the filter's other choice. Another tenant's contact id is dropped, as a foreign
// company's is: every ticket of the tenant, and a note saying why.
func TestQueueContactFilter(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		o := newOffice(t, e)
		ctx := context.Background()
		bob := o.env.Contact(o.ten, "bob@kunde-a.test", "kunde-a-password-2", "user", o.co)
		other := o.env.Tenant("Other GmbH", "b.test")
		carl := o.env.Contact(other, "carl@other.test", "other-password-1", "main", o.env.Company(other, "Kunde B"))
		open := func(tenantID, companyID int64, ct contact.Contact, title string, at time.Time) int64 {
			t.Helper()
			id, err := ticket.Create(ctx, o.env.DB, ticket.New{TenantID: tenantID, CompanyID: companyID, ContactID: ct.ID,
				Author: ct.Name(), Title: title, Body: "Text", Priority: ticket.PriorityNormal}, at)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		t0 := time.Now().Add(-time.Hour)
		var annas []int64
		for i := range 12 {
			annas = append(annas, open(o.ten.ID, o.co.ID, o.ct, fmt.Sprintf("Anna-Ticket %02d", i), t0.Add(time.Duration(i)*time.Minute)))
		}
		o.setStatus(t, annas[0], ticket.CodeResolved) // the queue's link shows every state
		open(o.ten.ID, o.co.ID, bob, "Bob-Ticket", t0)
		var carlCo int64
		if err := o.env.DB.QueryRow(ctx, `SELECT company_id FROM memberships WHERE contact_id = ?`, carl.ID).Scan(&carlCo); err != nil {
			t.Fatal(err)
		}
		open(other.ID, carlCo, carl, "Carl-Ticket", t0)
		tk, err := ticket.ForStaff(ctx, o.env.DB, o.ten.ID, annas[3])
		if err != nil {
			t.Fatal(err)
		}
		if err := ticket.Follow(ctx, o.env.DB, tk, bob.ID, "Bob", bob.ID, 0, time.Now()); err != nil {
			t.Fatal(err)
		}

		page := o.agent.Get("/admin/contacts/" + id(o.ct.ID))
		all := "/admin/tickets?contact=" + id(o.ct.ID) + "&state=all"
		if page.Status != 200 || !strings.Contains(page.Body, `href="`+strings.ReplaceAll(all, "&", "&amp;")+`"`) ||
			!strings.Contains(page.Body, "Alle Tickets dieses Kontakts") {
			t.Fatalf("contact page: %d, no link to %s", page.Status, all)
		}
		r := o.agent.Get(all)
		if r.Status != 200 {
			t.Fatalf("%s: %d", all, r.Status)
		}
		for i := range 12 {
			if title := fmt.Sprintf("Anna-Ticket %02d", i); !strings.Contains(r.Body, title) {
				t.Errorf("filtered queue: %q missing", title)
			}
		}
		for _, want := range []string{`name="contact" value="` + id(o.ct.ID) + `"`, o.ct.Name(),
			`href="/admin/tickets?state=all"`, // the chip's remove link
			`action="/admin/tickets/bulk?contact=` + id(o.ct.ID)} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("filtered queue: %q missing", want)
			}
		}
		if strings.Contains(r.Body, "Bob-Ticket") || strings.Contains(r.Body, "Carl-Ticket") {
			t.Error("filtered queue shows another contact's ticket")
		}

		// Bob's page links to what he follows; the queue then has Anna's ticket he follows.
		follows := "/admin/tickets?contact=" + id(bob.ID) + "&contact_as=follower&state=all"
		if p := o.agent.Get("/admin/contacts/" + id(bob.ID)); !strings.Contains(p.Body, strings.ReplaceAll(follows, "&", "&amp;")) {
			t.Errorf("bob's page: no link to %s", follows)
		}
		r = o.agent.Get(follows)
		if r.Status != 200 || !strings.Contains(r.Body, "Anna-Ticket 03") || strings.Contains(r.Body, "Bob-Ticket") ||
			strings.Contains(r.Body, "Anna-Ticket 04") {
			t.Errorf("followed tickets: %d", r.Status)
		}

		// Carl belongs to another tenant: the filter is dropped and the queue says so.
		r = o.agent.Get("/admin/tickets?state=all&contact=" + id(carl.ID))
		if r.Status != 200 || !strings.Contains(r.Body, "Den Kontakt aus diesem Link gibt es nicht") ||
			!strings.Contains(r.Body, "Bob-Ticket") || strings.Contains(r.Body, "Carl-Ticket") ||
			strings.Contains(r.Body, `name="contact"`) {
			t.Errorf("foreign contact: %d", r.Status)
		}
	})
}

// TestQueueContactPaging: the filter stays in the queue's paging links.
func TestQueueContactPaging(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		o := newOffice(t, e)
		for i := range ticket.PageSize + 1 {
			o.ticket(t, fmt.Sprintf("Ticket %02d", i))
		}
		r := o.agent.Get("/admin/tickets?contact=" + id(o.ct.ID))
		// The next link also names where page 1 ended (?after=, keyset paging).
		next := regexp.MustCompile(`href="/admin/tickets\?after=[^"&]+&amp;contact=` + id(o.ct.ID) + `&amp;page=2"`)
		if r.Status != 200 || !next.MatchString(r.Body) {
			t.Fatalf("page 1: %d, no %s", r.Status, next)
		}
		if r = o.agent.Get("/admin/tickets?contact=" + id(o.ct.ID) + "&page=2"); r.Status != 200 || !strings.Contains(r.Body, "Ticket 00") {
			t.Errorf("page 2: %d", r.Status)
		}
	})
}
