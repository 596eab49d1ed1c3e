package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestAutomationClosePages: the back office's ticket page says when a resolved ticket
// closes; the contact reads it on the portal's ticket page while they may reopen the
// ticket, not once reopening is off; a pass after the day closes it as the system,
// which both histories tell in their language.
func TestAutomationClosePages(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx, now := context.Background(), time.Now()
		if err := ticket.SetAutomation(ctx, h.env.DB, h.ten.ID, ticket.Automation{CloseDays: 7}); err != nil {
			t.Fatal(err)
		}
		id := h.open(t, h.acme, h.anna, "Laptop for the trainee")
		if r := h.staffC.Post("/admin/tickets/"+itoa64(id)+"/status", url.Values{"status": {itoa64(statusID(t, h.env, h.ten.ID, ticket.CodeResolved))}}); r.Status != 303 {
			t.Fatalf("resolve: %d", r.Status)
		}
		p, err := ticket.PlanOf(ctx, h.env.DB, staffTicket(t, h.env, h.ten.ID, id).Ticket)
		if err != nil || p.Step != ticket.StepClose {
			t.Fatalf("plan: %+v %v", p, err)
		}
		berlin, _ := time.LoadLocation("Europe/Berlin")
		if page := h.staffC.Get("/admin/tickets/" + itoa64(id)).Body; !strings.Contains(page, `id="automation"`) ||
			!strings.Contains(page, "Wird am "+i18n.For("de").DateTime(p.At, berlin)) {
			t.Errorf("back office: no closing date")
		}
		anna := h.env.Client("hd.test")
		anna.Login("anna@acme.test", "anna-password-1")
		note := "This ticket will be closed on " + i18n.For("en").Date(p.At, berlin)
		if page := anna.Get("/tickets/" + itoa64(id)).Body; !strings.Contains(page, note) {
			t.Errorf("portal: no closing date %q", note)
		}
		// Without reopening the contact cannot do anything about it: no word of it.
		if r := h.staffC.Post("/admin/settings/helpdesk", url.Values{"upload_mb": {"20"}}); r.Status != 303 {
			t.Fatalf("reopen off: %d", r.Status)
		}
		if page := anna.Get("/tickets/" + itoa64(id)).Body; strings.Contains(page, "will be closed on") || strings.Contains(page, `id="auto-note"`) {
			t.Errorf("portal names the closing date though reopening is off")
		}

		if sw := h.env.App.Automate(ctx, now.Add(7*24*time.Hour+time.Minute)); sw != (ticket.Swept{Closed: 1}) {
			t.Fatalf("pass: %+v", sw)
		}
		page := h.staffC.Get("/admin/tickets/" + itoa64(id)).Body
		if !strings.Contains(page, "Automatisch geschlossen (Gelöst → Geschlossen)") || strings.Contains(page, `id="automation"`) {
			t.Errorf("back office history after closing")
		}
		if page := anna.Get("/tickets/" + itoa64(id)).Body; !strings.Contains(page, "The status changed automatically to") {
			t.Errorf("portal history after closing")
		}
	})
}

// TestAutomationReminderMail: a ticket waiting for the customer brings its contact one
// reminder, delivered over SMTP, with staff's question, a link to the ticket and the
// day it will be resolved; the portal says that day too. The contact's answer from the
// portal moves the ticket on, and a pass long after resolves nothing.
func TestAutomationReminderMail(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		smtp := testutil.StartSMTP(t)
		env := apptest.Start(t, e, apptest.Options{SMTPURL: smtp.URL()})
		ten := env.Tenant("Service GmbH", "hd.test")
		acme := env.Company(ten, "Acme AG")
		anna := env.Contact(ten, "anna@acme.test", "anna-password-1", "main", acme)
		env.Staff(ten, staff.RoleAdmin, "admin@hd.test", "admin-password-1")
		ctx, now := context.Background(), time.Now()
		if err := ticket.SetAutomation(ctx, env.DB, ten.ID, ticket.Automation{RemindDays: 5, ResolveDays: 4}); err != nil {
			t.Fatal(err)
		}
		id := openTicket(t, env, ten.ID, acme.ID, anna.ID, "Printer prints blank pages")
		adm := env.Client("hd.test")
		adm.AdminLogin("admin@hd.test", "admin-password-1")
		if r := adm.PostMultipart("/admin/tickets/"+itoa64(id)+"/reply", map[string]string{"kind": "reply",
			"body": "Did you remove the protective film?", "status": itoa64(statusID(t, env, ten.ID, ticket.CodeWaiting))}); r.Status != 303 {
			t.Fatalf("reply: %d %.300s", r.Status, r.Body)
		}
		before := len(smtp.WaitFor(t, 1, 10*time.Second)) // the answer's mail

		if sw := env.App.Automate(ctx, now.Add(4*24*time.Hour)); sw != (ticket.Swept{}) {
			t.Fatalf("early pass: %+v", sw)
		}
		// Five days later, as the mail worker sees it: the ticket's waiting started
		// then (a pass at a future time would queue its mail for that time).
		if _, err := env.DB.Exec(ctx, `UPDATE tickets SET auto_since = auto_since - ? WHERE id = ?`, 5*24*3600+60, id); err != nil {
			t.Fatal(err)
		}
		if sw := env.App.Automate(ctx, time.Now()); sw != (ticket.Swept{Reminded: 1}) {
			t.Fatalf("pass: %+v", sw)
		}
		if sw := env.App.Automate(ctx, time.Now().Add(time.Hour)); sw != (ticket.Swept{}) {
			t.Fatalf("second pass: %+v", sw)
		}
		got := smtp.WaitFor(t, before+1, 10*time.Second)[before]
		p, err := ticket.PlanOf(ctx, env.DB, staffTicket(t, env, ten.ID, id).Ticket)
		if err != nil || p.Step != ticket.StepResolve {
			t.Fatalf("plan: %+v %v", p, err)
		}
		berlin, _ := time.LoadLocation("Europe/Berlin")
		resolveDay := i18n.For("de").Date(p.At, berlin)
		if got.To[0] != "anna@acme.test" || !strings.Contains(got.Subject, "Wir warten auf Ihre Antwort") {
			t.Fatalf("reminder: %v %q", got.To, got.Subject)
		}
		for _, want := range []string{"Did you remove the protective film?", "/tickets/" + itoa64(id), "bis zum " + resolveDay} {
			if !strings.Contains(got.Text, want) {
				t.Errorf("reminder without %q:\n%s", want, got.Text)
			}
		}
		if n := count(t, env, `SELECT COUNT(*) FROM mails WHERE ticket_id = ? AND subject LIKE ?`, id, "%Wir warten auf Ihre Antwort%"); n != 1 {
			t.Errorf("%d reminders", n)
		}
		c := env.Client("hd.test")
		c.Login("anna@acme.test", "anna-password-1")
		if page := c.Get("/tickets/" + itoa64(id)).Body; !strings.Contains(page, "am "+resolveDay+" als gelöst markiert") ||
			!strings.Contains(page, "Erinnerung gesendet: Wir warten auf Ihre Antwort") {
			t.Errorf("portal: no resolving day or reminder in the history")
		}
		if page := adm.Get("/admin/tickets/" + itoa64(id)).Body; !strings.Contains(page, "Erinnerung automatisch an den Kunden gesendet") ||
			!strings.Contains(page, "Erinnerung gesendet am") {
			t.Errorf("back office: reminder not shown")
		}

		if r := c.PostMultipart("/tickets/"+itoa64(id)+"/reply", map[string]string{"body": "Yes, still blank."}); r.Status != 303 {
			t.Fatalf("answer: %d %.300s", r.Status, r.Body)
		}
		if sw := env.App.Automate(ctx, now.Add(60*24*time.Hour)); sw != (ticket.Swept{}) {
			t.Fatalf("pass after the answer: %+v", sw)
		}
		if st := staffTicket(t, env, ten.ID, id).Status.Code; st != ticket.CodeProgress {
			t.Errorf("status after the answer: %s", st)
		}
	})
}
