package server_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/testutil"
)

// TestOutboxSearch: staff find mails in the outbox by recipient (any part, any case)
// and subject, narrow them to a state and to a ticket, and page on with the filter
// kept; an agent never finds a staff member's admin-only mail (a password reset), even
// by its address; another tenant's mails never show; bad input is named next to its
// field, kept in it, and never a server error.
func TestOutboxSearch(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		env, ctx := h.env, context.Background()
		t1 := h.open(t, h.acme, h.anna, "Drucker streikt")
		t2 := h.open(t, h.acme, h.bernd, "Monitor flackert")
		queued := func(tenantID int64, to, subject string, ticketID int64) int64 {
			t.Helper()
			id, err := outbox.Queue(ctx, env.DB, tenantID, mail.Message{To: to, Subject: subject, Text: "t", HTML: "<p>t</p>"}, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			if ticketID > 0 {
				if err := outbox.ForTicket(ctx, env.DB, tenantID, id, ticketID); err != nil {
					t.Fatal(err)
				}
			}
			return id
		}
		failed := queued(h.ten.ID, "Anna.Berger@Acme.test", "Toner bestellt", t1)
		queued(h.ten.ID, "bernd@acme.test", "Rechnung März", t2)
		for i := range 55 {
			queued(h.ten.ID, "viele@acme.test", "Rundschreiben "+id(int64(i)), 0)
		}
		// Another tenant writes to the same address, about its own ticket.
		other := env.Tenant("Fremd AG", "fremd.test")
		otherCo := env.Company(other, "Fremd Kunde")
		otherCt := env.Contact(other, "fremd@kunde.test", "", "main", otherCo)
		otherTicket := openTicket(t, env, other.ID, otherCo.ID, otherCt.ID, "Fremdes Ticket")
		queued(other.ID, "anna.berger@acme.test", "Fremdgeheimnis", otherTicket)
		// An admin's password reset: a mail only admins may read.
		if r := env.Client("hd.test").Post("/admin/password/forgot", url.Values{"email": {"admin@hd.test"}}); r.Status != 200 {
			t.Fatalf("forgot: %d", r.Status)
		}
		waitDelivered(t, env, 1)
		var resetID int64
		var resetSubject string
		if err := env.DB.QueryRow(ctx, `SELECT id, subject FROM mails WHERE to_addr = 'admin@hd.test' AND admin_only`).Scan(&resetID, &resetSubject); err != nil {
			t.Fatal(err)
		}
		resetLink := `href="/admin/outbox/` + id(resetID) + `"`
		if _, err := env.DB.Exec(ctx, `UPDATE mails SET state = 'failed' WHERE id = ?`, failed); err != nil {
			t.Fatal(err)
		}
		adm := h.staffC
		agent := env.Client("hd.test")
		agent.AdminLogin("agent@hd.test", "agent-password-1")

		for _, c := range []struct {
			name, query string
			want, not   []string
		}{
			{"recipient, any case", "q=ANNA.berger", []string{"Toner bestellt"}, []string{"Rechnung März", "Rundschreiben", "Fremdgeheimnis"}},
			{"domain", "q=%40ACME.test", []string{"Rundschreiben"}, []string{"Fremdgeheimnis"}},
			{"subject", "q=rechnung", []string{"Rechnung März"}, []string{"Toner bestellt"}},
			{"ticket", "ticket=" + id(t1), []string{"Toner bestellt"}, []string{"Rechnung März", "Rundschreiben"}},
			{"ticket with #", "ticket=%23" + id(t2), []string{"Rechnung März"}, []string{"Toner bestellt"}},
			{"state", "state=failed", []string{"Toner bestellt", `<option value="failed" selected`}, []string{"Rechnung März", "Rundschreiben"}},
			{"state and text", "state=failed&q=bernd", []string{"Keine E-Mails passen zum Filter."}, []string{"Toner bestellt", "Rechnung März"}},
			{"foreign tenant's text", "q=fremdgeheimnis", []string{"Keine E-Mails passen zum Filter."}, []string{"Fremdgeheimnis"}},
			{"foreign tenant's ticket", "ticket=" + id(otherTicket), []string{"Keine E-Mails passen zum Filter."}, []string{"Fremd", "anna.berger"}},
		} {
			r := adm.Get("/admin/outbox?" + c.query)
			body := html.UnescapeString(r.Body)
			if r.Status != 200 {
				t.Errorf("%s: %d", c.name, r.Status)
			}
			for _, s := range c.want {
				if !strings.Contains(body, s) {
					t.Errorf("%s: %q missing", c.name, s)
				}
			}
			for _, s := range c.not {
				if strings.Contains(body, s) {
					t.Errorf("%s: %q shown", c.name, s)
				}
			}
		}
		// The list links each mail's ticket.
		if r := adm.Get("/admin/outbox?q=rechnung"); !strings.Contains(r.Body, `href="/admin/tickets/`+id(t2)+`"`) {
			t.Errorf("the ticket is not linked")
		}

		// Paging keeps the filter: 55 matches make two pages.
		first := adm.Get("/admin/outbox?q=viele&state=sent")
		older := mustRE(`href="(/admin/outbox\?[^"]*before=[0-9]+)"`).FindStringSubmatch(first.Body)
		if n := strings.Count(first.Body, "viele@acme.test"); n != 50 || older == nil {
			t.Fatalf("first page: %d rows, older link %v", n, older)
		}
		next := html.UnescapeString(older[1])
		if !strings.Contains(next, "q=viele") || !strings.Contains(next, "state=sent") {
			t.Errorf("the older link drops the filter: %s", next)
		}
		second := adm.Get(next)
		if n := strings.Count(second.Body, "viele@acme.test"); n != 5 || strings.Count(second.Body, "Rundschreiben") != 5 {
			t.Errorf("second page: %d rows", n)
		}
		if !strings.Contains(second.Body, `href="/admin/outbox?q=viele&amp;state=sent"`) || !strings.Contains(second.Body, `value="viele"`) {
			t.Errorf("second page lost the filter (newest link, search field)")
		}

		// The admin finds the reset mail by address and subject; the agent finds nothing.
		for _, q := range []string{"admin%40hd.test", url.QueryEscape(resetSubject)} {
			if r := adm.Get("/admin/outbox?q=" + q); !strings.Contains(r.Body, resetLink) {
				t.Errorf("admin does not find the reset mail by %s", q)
			}
			r := agent.Get("/admin/outbox?q=" + q)
			if r.Status != 200 || strings.Contains(r.Body, resetLink) {
				t.Errorf("agent searching %s: %d, finds the admin-only mail", q, r.Status)
			}
		}
		if r := agent.Get("/admin/outbox?q=hd.test&state=sent"); strings.Contains(r.Body, resetLink) || strings.Contains(r.Body, resetSubject) {
			t.Errorf("agent finds the admin-only mail by its domain")
		}

		// Bad input: named next to its field, the typed text kept, never a server error.
		long := strings.Repeat("x", 300)
		if r := adm.Get("/admin/outbox?q=" + long); r.Status != 200 || !strings.Contains(r.Body, "höchstens 254 Zeichen") ||
			!strings.Contains(r.Body, `id="e-q"`) || !strings.Contains(r.Body, "Rundschreiben") {
			t.Errorf("overlong search: %d", r.Status)
		}
		r := adm.Get("/admin/outbox?ticket=abc%3Cb%3E&q=rechnung")
		if body := html.UnescapeString(r.Body); r.Status != 200 || !strings.Contains(body, "Bitte geben Sie eine Ticketnummer ein") ||
			!strings.Contains(body, `value="abc<b>"`) || !strings.Contains(body, "Rechnung März") || strings.Contains(body, "Toner bestellt") {
			t.Errorf("non-numeric ticket: %d", r.Status)
		}
		if strings.Contains(r.Body, "abc<b>") {
			t.Errorf("typed ticket number not escaped")
		}
		for _, q := range []string{"state=bogus", "ticket=-3", "ticket=99999999999999999999", "q=%00%01", "q=%FF%FE",
			"before=abc&q=x", "q=%25%25&state=sent", "q=" + url.QueryEscape(`'"\`), "ticket=%20"} {
			if r := adm.Get("/admin/outbox?" + q); r.Status != 200 {
				t.Errorf("GET /admin/outbox?%s: %d", q, r.Status)
			}
		}
	})
}

// waitDelivered waits until the queue has delivered every mail, at least adminOnly of
// them admin-only (they are written by a job of their own), so that a state the test
// sets is not overwritten by a delivery.
func waitDelivered(t *testing.T, env *apptest.Env, adminOnly int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if count(t, env, `SELECT COUNT(*) FROM mails WHERE state <> 'sent'`) == 0 &&
			count(t, env, `SELECT COUNT(*) FROM mails WHERE admin_only`) >= adminOnly {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("mails not delivered")
}

// outboxSearchIsolation: tenant A's staff search the outbox for tenant B's recipient
// and ticket and find nothing; the HTML preview of a mail template shows tenant A's
// sample data and the text typed, never tenant B's saved text.
func outboxSearchIsolation(t *testing.T, w *world, staffA *apptest.Client, tenantB int64) {
	t.Helper()
	ticketB := openTicket(t, w.env, tenantB, w.b1, w.carol, "B-Ticket geheim")
	if err := outbox.ForTicket(context.Background(), w.env.DB, tenantB, w.mailB, ticketB); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"q=erin%40b1.test", "q=b1.test", "ticket=" + id(ticketB), "q=Tenant+B"} {
		r := staffA.Get("/admin/outbox?" + q)
		if r.Status != 200 || strings.Contains(r.Body, "/admin/outbox/"+id(w.mailB)) || strings.Contains(r.Body, "/admin/tickets/"+id(ticketB)) ||
			!strings.Contains(r.Body, "Keine E-Mails passen zum Filter.") {
			t.Errorf("outbox search %s shows tenant B's mail: %d", q, r.Status)
		}
	}
	r := staffA.Post("/admin/settings/mails/invitation/de/preview/html", invitationText("Betreff A {{portal}}"))
	if r.Status != 200 || !strings.Contains(r.Body, "Tenant A") || strings.Contains(r.Body, "Tenant B") || strings.Contains(r.Body, "Geheim") {
		t.Errorf("HTML preview across tenants: %d", r.Status)
	}
}
