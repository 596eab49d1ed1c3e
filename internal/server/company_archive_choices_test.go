package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/testutil"
)

// TestCompanyArchiveChoices: an archived company leaves the company list for its
// "archived" tab (badge, search), is no longer offered for new tickets, contacts or a
// ticket's move, and mail from its domain — a stranger's or its own contact's — makes
// no contact and no ticket in it but goes to the inbox, without a suggestion.
func TestCompanyArchiveChoices(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w, send := newArchiveWorld(t, e)
		ctx := context.Background()
		alice := w.as("alice@alpha.test", "alice-password")
		betaTicket := w.open(t, w.as("bob@beta.test", "bob-password-1"), "Beta-Frage")
		w.open(t, alice, "Alpha-Frage")
		follow(t, w.staff, w.path+"/archive", nil)

		list := w.staff.Get("/admin/companies").Body
		if strings.Contains(list, "Alpha GmbH") || !strings.Contains(list, "Beta AG") {
			t.Errorf("default list shows the archived company, or hides a live one")
		}
		if !strings.Contains(list, `href="/admin/companies?state=archived"`) {
			t.Errorf("no filter for archived companies")
		}
		archived := w.staff.Get("/admin/companies?state=archived").Body
		if !strings.Contains(archived, "Alpha GmbH") || !strings.Contains(archived, ">archiviert<") ||
			strings.Contains(archived, "Beta AG") {
			t.Errorf("archived list wrong:\n%.2000s", archived)
		}
		if body := w.staff.Get("/admin/companies?state=archived&q=alpha").Body; !strings.Contains(body, "Alpha GmbH") {
			t.Errorf("search among archived companies finds nothing")
		}
		if body := w.staff.Get("/admin/companies?q=alpha").Body; strings.Contains(body, "Alpha GmbH") {
			t.Errorf("search among live companies finds the archived one")
		}

		// Not offered for new things.
		if body := w.staff.Get("/admin/tickets/new?cq=a").Body; strings.Contains(body, "Alpha GmbH") {
			t.Errorf("new ticket offers the archived company")
		}
		for _, p := range []string{"/admin/tickets/new?company=" + id(w.a.ID), "/admin/contacts/new?company_id=" + id(w.a.ID)} {
			if r := w.staff.Get(p); r.Status != 303 {
				t.Errorf("GET %s: %d, want a refusal", p, r.Status)
			}
		}
		if r := w.staff.Post("/admin/tickets", url.Values{"company_id": {id(w.a.ID)}, "contact_id": {id(w.alice)},
			"title": {"Neu"}, "body": {"x"}}); r.Status != 303 || count(t, w.env, `SELECT COUNT(*) FROM tickets WHERE title = 'Neu'`) != 0 {
			t.Errorf("ticket created for the archived company: %d", r.Status)
		}
		move := "/admin/tickets/" + id(betaTicket) + "/move"
		if body := w.staff.Get(move + "?cq=alpha").Body; strings.Contains(body, "Alpha GmbH") {
			t.Errorf("move offers the archived company")
		}
		if r := w.staff.Post(move, url.Values{"company_id": {id(w.a.ID)}, "contact": {id(w.alice)}}); r.Status != 422 ||
			!strings.Contains(r.Body, "Bitte zuerst wiederherstellen") {
			t.Errorf("move into the archived company: %d", r.Status)
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM tickets WHERE id = ? AND company_id = ?`, betaTicket, w.b.ID); n != 1 {
			t.Errorf("ticket moved into the archived company")
		}

		// Inbound mail from its domain: to the inbox, unsorted.
		tickets := count(t, w.env, `SELECT COUNT(*) FROM tickets`)
		send("Neu <neu@alpha.test>", "support@desk.test", "Subject: Drucker\r\n", "Hilfe\r\n")
		send("Alice <alice@alpha.test>", "support@desk.test", "Subject: Neue Frage\r\n", "Noch was\r\n")
		if n := count(t, w.env, `SELECT COUNT(*) FROM tickets`); n != tickets {
			t.Errorf("mail from the archived company's domain opened %d tickets", n-tickets)
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM contacts WHERE email = 'neu@alpha.test'`); n != 0 {
			t.Errorf("mail from the archived company's domain made a contact")
		}
		for _, from := range []string{"neu@alpha.test", "alice@alpha.test"} {
			if n := count(t, w.env, `SELECT COUNT(*) FROM inbox_items WHERE email = ? AND kind = ? AND state = 'open'
				AND (suggested_company_id IS NULL OR suggested_company_id = 0)`, from, inbox.KindMail); n != 1 {
				t.Errorf("mail from %s: %d open inbox items without suggestion, want 1", from, n)
			}
		}
		var itemID int64
		w.env.DB.QueryRow(ctx, `SELECT id FROM inbox_items WHERE email = 'neu@alpha.test'`).Scan(&itemID)
		if r := w.staff.Post("/admin/inbox/"+id(itemID)+"/ticket", url.Values{"company_id": {id(w.a.ID)},
			"contact_id": {"new"}, "first_name": {"Neu"}, "last_name": {"Kunde"}}); r.Status == 303 || r.Status >= 500 {
			t.Errorf("inbox mail filed under the archived company: %d", r.Status)
		}

		// Restored, its domain leads to it again.
		follow(t, w.staff, w.path+"/restore", nil)
		send("Neu <neu@alpha.test>", "support@desk.test", "Subject: Drucker 2\r\n", "Hilfe\r\n")
		if n := count(t, w.env, `SELECT COUNT(*) FROM tickets WHERE company_id = ? AND title = 'Drucker 2'`, w.a.ID); n != 1 {
			t.Errorf("mail after restore: %d tickets in the company", n)
		}
	})
}
