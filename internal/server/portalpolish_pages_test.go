package server_test

import (
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestAccountListsNewestSessions: My account lists the newest five sessions, counts
// the rest beside "sign out everywhere else", and says the events list shows the latest
// 20 with the way to the data export.
func TestAccountListsNewestSessions(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "kim@kunde.test", "kim-password-1", "user", co)
		var c *apptest.Client
		for range 21 { // 21 sign-ins: 21 sessions, 21 events
			c = env.Client("")
			c.Login("kim@kunde.test", "kim-password-1")
		}
		page := c.Get("/account").Body
		if n := strings.Count(page, `action="/account/sessions/`); n != 5 { // four "sign out" and "everywhere else"
			t.Errorf("%d session forms, want the newest five sessions listed", n)
		}
		if !strings.Contains(page, "und 16 weitere Sitzungen, nicht aufgeführt.") || !strings.Contains(page, `action="/account/sessions/others/end"`) {
			t.Errorf("the sessions not listed are not counted, or no way to end them")
		}
		// The export's bound is named, the language's way (it holds the latest 1,000).
		if !strings.Contains(page, deMsg("portalpolish.events_latest", map[string]any{"Count": 20, "Max": 1000})) || !strings.Contains(page, "bis zu 1.000 davon") ||
			!strings.Contains(page, `<a href="#export">`) {
			t.Errorf("no word that the events are the latest 20, or of the export's bound")
		}
		few := env.Client("")
		env.Contact(ten, "lou@kunde.test", "lou-password-1", "user", co)
		few.Login("lou@kunde.test", "lou-password-1")
		if p := few.Get("/account").Body; strings.Contains(p, "weitere Sitzung") || strings.Contains(p, deMsg("portalpolish.events_latest", map[string]any{"Count": 20, "Max": 1000})) {
			t.Errorf("notes shown with one session and one event")
		}
	})
}

// TestReopenWithMessage: a resolved ticket offers a reopen card with an optional
// message; with one, the ticket reopens and the message is the contact's reply in the
// same step; without one, it only reopens. The header's button leads to the card.
func TestReopenWithMessage(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		h.askRatings(t, false) // reopening allowed
		id := h.open(t, h.acme, h.bernd, "Drucker streikt")
		h.setStatus(t, id, "resolved")
		bernd := h.portal("bernd@acme.test", "bernd-password-1")
		path := "/tickets/" + itoa64(id)
		page := bernd.Get(path).Body
		if !strings.Contains(page, `href="#reopen"`) || !strings.Contains(page, `id="reopen"`) || !strings.Contains(page, deMsg("portalpolish.reopen_label")) ||
			!strings.Contains(page, `action="`+path+`/reply"`) {
			t.Fatalf("no reopen card on a resolved ticket")
		}
		before := len(staffTicket(t, h.env, h.ten.ID, id).Messages)
		r := bernd.PostMultipart(path+"/reply", map[string]string{"reopen": "1", "body": "Druckt wieder nur leere Seiten."})
		if r.Status != 303 {
			t.Fatalf("reopen with a message: %d %.300s", r.Status, r.Body)
		}
		if b := bernd.Get(r.Location).Body; !strings.Contains(b, deMsg("portalpolish.reopened_replied")) {
			t.Errorf("no flash after reopening with a message")
		}
		d := staffTicket(t, h.env, h.ten.ID, id)
		if d.Done() || len(d.Messages) != before+1 || d.Messages[len(d.Messages)-1].Body != "Druckt wieder nur leere Seiten." {
			t.Errorf("reopen with a message: done %v, %d messages", d.Done(), len(d.Messages))
		}

		h.setStatus(t, id, "resolved")
		r = bernd.PostMultipart(path+"/reply", map[string]string{"reopen": "1", "body": ""})
		if r.Status != 303 {
			t.Fatalf("reopen without a message: %d %.300s", r.Status, r.Body)
		}
		if b := bernd.Get(r.Location).Body; !strings.Contains(b, deMsg("tickets.reopened")) {
			t.Errorf("no flash after reopening")
		}
		if d := staffTicket(t, h.env, h.ten.ID, id); d.Done() || len(d.Messages) != before+1 {
			t.Errorf("reopen without a message: done %v, %d messages", d.Done(), len(d.Messages))
		}
		// The empty card sent again finds the ticket open: nothing to do, and no
		// "write something" for a double click (TestReopenCardSentTwice). A reply
		// with neither text nor file is still refused.
		if r := bernd.PostMultipart(path+"/reply", map[string]string{"reopen": "1", "body": ""}); r.Status != 303 {
			t.Errorf("empty reopen card to an open ticket: %d", r.Status)
		}
		if r := bernd.PostMultipart(path+"/reply", map[string]string{"body": ""}); r.Status != 422 {
			t.Errorf("empty reply to an open ticket: %d", r.Status)
		}
	})
}

// TestTicketNamesAndRows: the home tile is named as the navigation ("Tickets"), and
// the list's number cell does not wrap.
func TestTicketNamesAndRows(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		id := h.open(t, h.acme, h.anna, strings.Repeat("Fehlermeldung_X", 12))
		anna := h.portal("anna@acme.test", "anna-password-1")
		if home := anna.Get("/").Body; !strings.Contains(home, "<h2>Tickets</h2>") || strings.Contains(home, "<h2>Helpdesk</h2>") {
			t.Errorf("home tile not named Tickets")
		}
		if list := anna.Get("/tickets").Body; !strings.Contains(list, `<td class="nowrap" data-label="No.">#`+itoa64(id)+`</td><td class="subject card-title">`) {
			t.Errorf("ticket number cell may wrap")
		}
	})
}
