package e2e

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketBulkQueue: in the back office's queue, "all tickets on this page" ticked
// with the keyboard ticks every row (app.js), clearing one row shows it as mixed, and
// the action bar changes the ticked tickets; the queue comes back with a flash that
// counts the changed and the skipped (billed) ones.
func TestTicketBulkQueue(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		shots := artifactDir(t)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, companyName)
		ct := env.Contact(ten, contactEmail, contactPass, "main", co)
		env.Staff(ten, staff.RoleAdmin, adminEmail, adminPassword)
		var ids []int64
		for i, title := range []string{"Drucker", "Server", "Abgerechnet"} {
			err := env.DB.InTx(ctx, func(tx *db.Tx) error {
				id, err := ticket.Create(ctx, tx, ticket.New{TenantID: ten.ID, CompanyID: co.ID, ContactID: ct.ID, Author: "Kunde",
					Title: title, Body: "Text", Priority: ticket.PriorityNormal}, time.Now())
				if err != nil || i < 2 {
					ids = append(ids, id)
					return err
				}
				tk, err := ticket.ForStaff(ctx, tx, ten.ID, id)
				ids = append(ids, id)
				if err != nil {
					return err
				}
				return ticket.SetBilled(ctx, tx, tk, true, ticket.Actor{Name: "Test"}, time.Now())
			})
			if err != nil {
				t.Fatal(err)
			}
		}

		s := newSession(t, browser, env.Srv.URL, "staff")
		staffLogin(s, adminEmail, adminPassword)
		s.open("/admin/tickets", "#bulk-all")
		s.do("tick all with the keyboard", chromedp.Focus(css("#bulk-all")), chromedp.KeyEvent(" "))
		if n := s.eval(`String(document.querySelectorAll('input[data-bulk-pick]:checked').length)`); n != "3" {
			s.fatalf("all on this page ticked %s rows, want 3", n)
		}
		first := "#pick-" + strconv.FormatInt(ids[0], 10)
		s.do("clear one row", chromedp.Click(css(first)))
		if got := s.eval(`String(document.getElementById('bulk-all').checked) + " " + String(document.getElementById('bulk-all').indeterminate)`); got != "false true" {
			s.fatalf("after clearing a row, all on this page is %q, want unticked and mixed", got)
		}
		s.do("tick it again", chromedp.Focus(css(first)), chromedp.KeyEvent(" "))
		s.do("choose urgent", chromedp.SetValue(css("#bulk-action"), "priority:4"))
		s.screenshot(shots, string(e)+"-ticket-bulk")
		s.do("focus the button", chromedp.Focus(css(`.bulk-bar button[type=submit]`)))
		s.follow("apply", chromedp.KeyEvent(kb.Enter), ".flash")
		if got := s.text(".flash"); got != "2 Tickets geändert. 1 übersprungen (abgerechnet)." {
			s.fatalf("flash %q", got)
		}
		for i, id := range ids {
			want := ticket.PriorityUrgent
			if i == 2 {
				want = ticket.PriorityNormal
			}
			tk, err := ticket.ForStaff(ctx, env.DB, ten.ID, id)
			if err != nil || tk.Priority != want {
				t.Errorf("ticket %d: priority %d (%v), want %d", id, tk.Priority, err, want)
			}
		}
	})
}
