package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestTicketLinkSwitchesCompany: a contact who is a user at Alpha and the main contact
// at Beta follows a ticket of Alpha while working for Beta. The ticket's link (also the
// rating link, also through the login with next=) asks whether to switch to Alpha and
// changes nothing by itself; the button (a POST) switches, says so, and opens what the
// link asked for. A form sent to the ticket stays a 404 and switches nothing; a ticket
// of Alpha the user neither opened nor follows stays a 404; a switch naming another
// company, or a contact with no access to Alpha, gets a 404 and keeps their company;
// the switch never leads off the ticket.
func TestTicketLinkSwitchesCompany(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		ctx := context.Background()
		thomas := d.env.Contact(d.t, "thomas@beta.test", "thomas-password", "main", d.b)
		mid, err := contact.AddMembership(ctx, d.env.DB, d.t.ID, thomas.ID, d.a.ID, "user", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if err := contact.SetAccess(ctx, d.env.DB, d.t.ID, mid, "", contact.AccessActive, time.Now()); err != nil {
			t.Fatal(err)
		}
		uwe, alice := d.as("uwe@alpha.test", "uwe-password-1"), d.as("alice@alpha.test", "alice-password")
		followed := d.open(t, uwe, "Heizung tropft")
		other := d.open(t, uwe, "Drucker klemmt")
		path := "/tickets/" + itoa64(followed)
		if r := alice.Post(path+"/followers", url.Values{"contact_id": {itoa64(thomas.ID)}}); r.Status != 303 {
			t.Fatalf("add follower: %d", r.Status)
		}

		c := d.env.Client("desk.test")
		c.Login("thomas@beta.test", "thomas-password")
		toBeta := func() {
			t.Helper()
			if r := c.Post("/company", url.Values{"company_id": {itoa64(d.b.ID)}}); r.Status != 303 {
				t.Fatalf("switch to Beta: %d", r.Status)
			}
			c.Get("/") // takes the switcher's flash
		}
		working := func(name string) bool { return strings.Contains(c.Get("/").Body, "Sie arbeiten für "+name) }
		toBeta()
		question := "Ticket #" + itoa64(followed) + " gehört zu Alpha GmbH. Zu Alpha GmbH wechseln, um es zu sehen?"
		asks := func(r apptest.Response, next string) bool {
			return r.Status == 200 && strings.Contains(r.Body, question) && strings.Contains(r.Body, `action="`+path+`/switch"`) &&
				strings.Contains(r.Body, `name="next" value="`+next+`"`) && !strings.Contains(r.Body, "Heizung tropft")
		}

		// A form is never sent into another company.
		if r := c.Post(path+"/reply", url.Values{"body": {"Antwort"}}); r.Status != 404 {
			t.Errorf("reply to a ticket of the other company: %d", r.Status)
		}
		if !working("Beta AG") {
			t.Fatalf("a POST switched the company")
		}
		// A user neither opened nor follows this one: 404, no switch, nothing to ask.
		if r := c.Get("/tickets/" + itoa64(other)); r.Status != 404 {
			t.Errorf("a colleague's ticket the user does not follow: %d", r.Status)
		}
		if r := c.Post("/tickets/"+itoa64(other)+"/switch", url.Values{"company_id": {itoa64(d.a.ID)}}); r.Status != 404 {
			t.Errorf("switch for a ticket the user may not see: %d", r.Status)
		}
		if !working("Beta AG") {
			t.Fatalf("an invisible ticket switched the company")
		}

		// The mail's link asks, and asking changes nothing (a mail scanner may fetch it).
		if r := c.Get(path); !asks(r, path) {
			t.Fatalf("ticket of the other company: %d\n%s", r.Status, r.Body)
		}
		if !working("Beta AG") {
			t.Fatalf("the GET switched the company")
		}
		// The switch names the ticket's company, nothing else.
		if r := c.Post(path+"/switch", url.Values{"company_id": {itoa64(d.b.ID)}, "next": {path}}); r.Status != 404 {
			t.Errorf("switch naming another company: %d", r.Status)
		}
		r := c.Post(path+"/switch", url.Values{"company_id": {itoa64(d.a.ID)}, "next": {"//evil.test/x"}})
		if r.Status != 303 || r.Location != path {
			t.Fatalf("switch: %d %q", r.Status, r.Location)
		}
		r = c.Get(path)
		if r.Status != 200 || !strings.Contains(r.Body, "Heizung tropft") || !strings.Contains(r.Body, "Zu Firma Alpha GmbH gewechselt.") {
			t.Fatalf("after the switch: %d, notice shown=%v", r.Status, strings.Contains(r.Body, "Alpha GmbH gewechselt"))
		}
		if !working("Alpha GmbH") {
			t.Errorf("the session did not switch to Alpha")
		}
		var last int64
		d.env.DB.QueryRow(ctx, `SELECT last_company_id FROM contacts WHERE id = ?`, thomas.ID).Scan(&last)
		if last != d.a.ID {
			t.Errorf("the switch is not remembered for the next login: %d", last)
		}

		// The rating link: asked, switched, then the ticket at its rating card with the notice.
		toBeta()
		if r := c.Get(path + "/rating"); !asks(r, path+"/rating") {
			t.Fatalf("rating link: %d", r.Status)
		}
		if r := c.Post(path+"/switch", url.Values{"company_id": {itoa64(d.a.ID)}, "next": {path + "/rating"}}); r.Status != 303 || r.Location != path+"/rating" {
			t.Fatalf("switch from the rating link: %d %q", r.Status, r.Location)
		}
		if r := c.Get(path + "/rating"); r.Status != 303 || r.Location != path+"#rate" {
			t.Fatalf("rating link after the switch: %d %q", r.Status, r.Location)
		}
		if r := c.Get(path); r.Status != 200 || !strings.Contains(r.Body, "Zu Firma Alpha GmbH gewechselt.") {
			t.Errorf("no notice after the rating link: %d", r.Status)
		}

		// Through the login page with next=: the login keeps the company, the link asks.
		toBeta()
		again := d.env.Client("desk.test")
		r = again.Post("/login", url.Values{"email": {"thomas@beta.test"}, "password": {"thomas-password"}, "next": {path}})
		if r.Status != 303 || r.Location != path {
			t.Fatalf("login with next: %d %q", r.Status, r.Location)
		}
		if r := again.Get(path); !asks(r, path) {
			t.Fatalf("deep link after login: %d", r.Status)
		}
		if r := again.Post(path+"/switch", url.Values{"company_id": {itoa64(d.a.ID)}, "next": {path}}); r.Status != 303 {
			t.Fatalf("switch after login: %d", r.Status)
		}
		if r := again.Get(path); r.Status != 200 || !strings.Contains(r.Body, "Heizung tropft") {
			t.Errorf("deep link after login did not show the ticket: %d", r.Status)
		}

		// No membership in Alpha at all: 404, company kept.
		bob := d.as("bob@beta.test", "bob-password-1")
		if r := bob.Get(path); r.Status != 404 {
			t.Errorf("contact without access to Alpha: %d", r.Status)
		}
		if r := bob.Get(path + "/rating"); r.Status != 404 {
			t.Errorf("rating link for a contact without access to Alpha: %d", r.Status)
		}
		if r := bob.Post(path+"/switch", url.Values{"company_id": {itoa64(d.a.ID)}, "next": {path}}); r.Status != 404 {
			t.Errorf("switch for a contact without access to Alpha: %d", r.Status)
		}
		if !strings.Contains(bob.Get("/").Body, "Sie arbeiten für Beta AG") {
			t.Errorf("bob's company changed")
		}
	})
}
