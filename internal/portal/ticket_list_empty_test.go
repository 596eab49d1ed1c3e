package portal_test

import (
	"context"
	"html"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketListEmptySaysWhy: on a new portal the ticket list said "no open tickets at
// the moment", as if there were others, and a plain user read the company's words. An
// empty list without a search now says there is no ticket yet when there is none in
// any state (the company's for a main contact, their own for a user), names the
// "New ticket" button, and keeps "No tickets match" for a search.
func TestTicketListEmptySaysWhy(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		w := newWalk(t, e)
		var coID int64
		if err := w.env.DB.QueryRow(ctx, `SELECT id FROM companies WHERE tenant_id = ?`, w.ten.ID).Scan(&coID); err != nil {
			t.Fatal(err)
		}
		en := i18n.For("en")
		main := w.as(t, w.main, "main-password-1", "en")
		user := w.as(t, w.user, "user-password-1", "en")
		get := func(step string, c *apptest.Client, path, want string, not ...string) {
			t.Helper()
			r := c.Get(path)
			body := html.UnescapeString(r.Body)
			if r.Status != 200 || !strings.Contains(body, en.T(want)) {
				t.Errorf("%s %s: status %d, want %q (%s)", step, path, r.Status, en.T(want), want)
			}
			for _, n := range not {
				if strings.Contains(body, en.T(n)) {
					t.Errorf("%s %s says %q (%s)", step, path, en.T(n), n)
				}
			}
		}
		// A new portal: nothing at all.
		get("new", main, "/tickets", "tickets.none_all", "tickets.none_open", "tickets.none")
		get("new", user, "/tickets", "tickets.none_all_own", "tickets.none_open", "tickets.none_all")
		get("new", main, "/tickets?who=mine", "tickets.none_all_own")
		get("new", main, "/tickets?q=drucker", "tickets.none", "tickets.none_all")
		get("new", user, "/tickets?q=drucker", "tickets.none", "tickets.none_all_own")
		get("new", user, "/tickets?state=done", "tickets.none_done_own", "tickets.none_done")
		if !strings.Contains(en.T("tickets.none_all"), en.T("tickets.new")) || !strings.Contains(en.T("tickets.none_all_own"), en.T("tickets.new")) {
			t.Errorf("the empty list does not name the %q button", en.T("tickets.new"))
		}

		// The main contact's ticket, closed: the company has tickets, none open; the
		// user still has none of their own and is not told the company has none.
		id, err := ticket.Create(ctx, w.env.DB, ticket.New{TenantID: w.ten.ID, CompanyID: coID, ContactID: w.main.ID,
			Author: "Main", Title: "Drucker", Body: "Leere Seiten", Priority: ticket.PriorityNormal}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		tk, err := ticket.ForStaff(ctx, w.env.DB, w.ten.ID, id)
		if err != nil {
			t.Fatal(err)
		}
		if err := ticket.Close(ctx, w.env.DB, tk, ticket.Actor{ContactID: w.main.ID, Name: "Main"}, time.Now()); err != nil {
			t.Fatal(err)
		}
		get("closed", main, "/tickets", "tickets.none_open", "tickets.none_all")
		get("closed", main, "/tickets?who=mine", "tickets.none_open_own", "tickets.none_all_own")
		get("closed", user, "/tickets", "tickets.none_all_own", "tickets.none_open", "tickets.none_all")
		get("closed", main, "/tickets?q=zzzz", "tickets.none", "tickets.none_open")
	})
}
