package ticket_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestAutoClose: a resolved ticket is closed once the tenant's days since it was
// resolved have passed, as the system, with the status mail to its contact and the
// company's list version moved on; a fresh one waits for its own day, a billed one is
// never touched, and the page's plan says when.
func TestAutoClose(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newAutoWorld(t, d, "close", ticket.Automation{CloseDays: 7})
		old, fresh, billed := w.open(t, "Old"), w.open(t, "Fresh"), w.open(t, "Billed")
		w.move(t, old, ticket.CodeResolved, 0)
		w.move(t, fresh, ticket.CodeResolved, 5)
		w.move(t, billed, ticket.CodeResolved, 0)
		if err := ticket.SetBilled(ctx, d, w.get(t, billed), true, w.agent, w.at(0.5)); err != nil {
			t.Fatal(err)
		}
		p, err := ticket.PlanOf(ctx, d, w.get(t, fresh))
		if err != nil || p.Step != ticket.StepClose || !p.At.Equal(w.at(12)) {
			t.Fatalf("plan of the fresh ticket: %+v %v, want close at %v", p, err, w.at(12))
		}
		if sw := w.sweep(t, 6.9); sw != (ticket.Swept{}) {
			t.Fatalf("a day early: %+v", sw)
		}
		version := func() int64 {
			var v int64
			if err := d.QueryRow(ctx, `SELECT version FROM list_versions WHERE company_id = ?`, w.co).Scan(&v); err != nil {
				t.Fatal(err)
			}
			return v
		}
		before := version()
		if sw := w.sweep(t, 7.01); sw != (ticket.Swept{Closed: 1}) {
			t.Fatalf("sweep after 7 days: %+v", sw)
		}
		tk := w.get(t, old)
		if tk.Status.Code != ticket.CodeClosed {
			t.Fatalf("old ticket: %s", tk.Status.Code)
		}
		dt, err := ticket.Load(ctx, d, tk, true)
		if err != nil {
			t.Fatal(err)
		}
		last := dt.Events[len(dt.Events)-1]
		if last.Kind != ticket.EventAutoClosed || last.Actor != "" || last.To.Code != ticket.CodeClosed || !last.CreatedAt.Equal(w.at(7.01).Truncate(1e9)) {
			t.Errorf("history: %+v", last)
		}
		if version() == before {
			t.Errorf("the company's list version stayed %d", before)
		}
		if n := w.mailsLike(t, old, "anna@close.test [#"); n != 1 || !strings.Contains(strings.Join(w.mails(t, old), ""), "Status: Closed") {
			t.Errorf("status mail: %q", w.mails(t, old))
		}
		for _, id := range []int64{fresh, billed} {
			if st := w.get(t, id).Status.Code; st != ticket.CodeResolved {
				t.Errorf("ticket %d: %s", id, st)
			}
		}
		if p, _ := ticket.PlanOf(ctx, d, w.get(t, billed)); p.Step != "" {
			t.Errorf("billed ticket has a plan: %+v", p)
		}
		if sw := w.sweep(t, 12.01); sw != (ticket.Swept{Closed: 1}) || w.get(t, fresh).Status.Code != ticket.CodeClosed {
			t.Fatalf("fresh ticket on its day: %+v", sw)
		}
		if sw := w.sweep(t, 400); sw != (ticket.Swept{}) || w.get(t, billed).Status.Code != ticket.CodeResolved {
			t.Errorf("billed ticket touched: %+v", sw)
		}
		// Unbilled, it counts from then.
		if err := ticket.SetBilled(ctx, d, w.get(t, billed), false, w.agent, w.at(400)); err != nil {
			t.Fatal(err)
		}
		if sw := w.sweep(t, 407.01); sw != (ticket.Swept{Closed: 1}) {
			t.Errorf("unbilled ticket: %+v", sw)
		}
	})
}

// TestAutoRemindResolve: a ticket waiting for the customer brings one reminder after
// the tenant's days, quoting staff's question and saying by when an answer is needed;
// the ticket is then resolved once the days after the reminder have passed, with the
// status mail. A later pass sends no second reminder.
func TestAutoRemindResolve(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newAutoWorld(t, d, "remind", ticket.Automation{RemindDays: 5, ResolveDays: 3})
		id := w.open(t, "Printer")
		w.answer(t, id, true, "Does it print after a restart?", 0)
		w.move(t, id, ticket.CodeWaiting, 0)
		if sw := w.sweep(t, 4.9); sw != (ticket.Swept{}) {
			t.Fatalf("early: %+v", sw)
		}
		if sw := w.sweep(t, 5.01); sw != (ticket.Swept{Reminded: 1}) {
			t.Fatalf("reminder: %+v", sw)
		}
		if sw := w.sweep(t, 6); sw != (ticket.Swept{}) {
			t.Fatalf("second pass: %+v", sw)
		}
		reminders := queryStrings(t, d, `SELECT text_body FROM mails WHERE ticket_id = ? AND subject LIKE '%waiting for your answer%'`, id)
		if len(reminders) != 1 {
			t.Fatalf("%d reminders: %q", len(reminders), w.mails(t, id))
		}
		for _, want := range []string{"Does it print after a restart?", "by 10/03/2026", "https://portal.test/tickets/"} {
			if !strings.Contains(reminders[0], want) {
				t.Errorf("reminder without %q: %s", want, reminders[0])
			}
		}
		if tk := w.get(t, id); tk.Status.Code != ticket.CodeWaiting {
			t.Errorf("reminded ticket moved: %s", tk.Status.Code)
		}
		p, err := ticket.PlanOf(ctx, d, w.get(t, id))
		if err != nil || p.Step != ticket.StepResolve || !p.At.Equal(w.at(8.01).Truncate(1e9)) {
			t.Errorf("plan after the reminder: %+v %v", p, err)
		}
		if sw := w.sweep(t, 8.02); sw != (ticket.Swept{Resolved: 1}) {
			t.Fatalf("resolve: %+v", sw)
		}
		tk := w.get(t, id)
		if tk.Status.Code != ticket.CodeResolved {
			t.Fatalf("status: %s", tk.Status.Code)
		}
		if got := w.events(t, id); !slices.Equal(got[len(got)-2:], []string{ticket.EventReminded, ticket.EventAutoResolved}) {
			t.Errorf("history: %v", got)
		}
		if w.mailsLike(t, id, "Status: Resolved") != 1 {
			t.Errorf("status mail: %q", w.mails(t, id))
		}
		// Resolved now, it is to be closed from the moment of resolving, once that is
		// switched on.
		if err := ticket.SetAutomation(ctx, d, w.ten.ID, ticket.Automation{CloseDays: 2, RemindDays: 5, ResolveDays: 3}); err != nil {
			t.Fatal(err)
		}
		if p, _ := ticket.PlanOf(ctx, d, tk); p.Step != ticket.StepClose || !p.At.Equal(w.at(10.02).Truncate(1e9)) {
			t.Errorf("plan after resolving: %+v", p)
		}
	})
}

// TestAutoAnswerStartsOver: a customer's answer after the reminder moves the ticket on
// and nothing is resolved; a public answer of staff on a waiting ticket starts its
// waiting time again (an internal note does not); a status change does too, and a
// hidden waiting status (the provider's own business) reminds nobody.
func TestAutoAnswerStartsOver(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newAutoWorld(t, d, "answer", ticket.Automation{RemindDays: 5, ResolveDays: 3})
		id := w.open(t, "VPN")
		w.move(t, id, ticket.CodeWaiting, 0)
		if sw := w.sweep(t, 5.01); sw.Reminded != 1 {
			t.Fatalf("reminder: %+v", sw)
		}
		w.answer(t, id, false, "Still broken.", 6)
		if sw := w.sweep(t, 30); sw != (ticket.Swept{}) {
			t.Fatalf("after the customer's answer: %+v", sw)
		}
		if tk := w.get(t, id); tk.Status.Code != ticket.CodeProgress {
			t.Fatalf("status: %s", tk.Status.Code)
		}

		// Waiting again: staff's later public answer counts, a note does not.
		w.move(t, id, ticket.CodeWaiting, 30)
		w.answer(t, id, true, "Please try the new profile.", 33)
		r := ticket.Reply{StaffID: w.agent.StaffID, Author: w.agent.Name, Body: "note", Internal: true, Via: "staff"}
		if _, err := ticket.AddReply(ctx, d, w.get(t, id), r, w.at(37)); err != nil {
			t.Fatal(err)
		}
		if sw := w.sweep(t, 37.9); sw != (ticket.Swept{}) {
			t.Fatalf("counted from the status change, not from staff's answer: %+v", sw)
		}
		if sw := w.sweep(t, 38.01); sw != (ticket.Swept{Reminded: 1}) {
			t.Fatalf("second waiting period: %+v", sw)
		}
		// A status change after the reminder starts over: no resolving.
		w.move(t, id, ticket.CodeProgress, 39)
		w.move(t, id, ticket.CodeWaiting, 39.5)
		if sw := w.sweep(t, 41.5); sw != (ticket.Swept{}) {
			t.Fatalf("resolved after a status change: %+v", sw)
		}
		if got := count(w.events(t, id), ticket.EventReminded); got != 2 {
			t.Errorf("%d reminders", got)
		}

		// A waiting status the portal hides is not the customer's to answer.
		hidden, err := ticket.SaveStatus(ctx, d, w.ten.ID, ticket.Status{Name: "Waiting for parts", Kind: ticket.KindWaiting,
			Position: 9, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		other := w.open(t, "Parts")
		if _, err := ticket.SetStatus(ctx, d, w.get(t, other), hidden, w.agent, w.at(40)); err != nil {
			t.Fatal(err)
		}
		// (The pass reminds the first ticket, waiting since 39.5 days, not this one.)
		if sw := w.sweep(t, 100); sw.Reminded != 1 || count(w.events(t, other), ticket.EventReminded) != 0 {
			t.Errorf("hidden waiting status: %+v", sw)
		}
		// Shown in the portal from now on, its tickets wait for the customer from now.
		if _, err := ticket.SaveStatus(ctx, d, w.ten.ID, ticket.Status{ID: hidden, Name: "Waiting for parts", Kind: ticket.KindWaiting,
			Position: 9, Active: true, PortalVisible: true}); err != nil {
			t.Fatal(err)
		}
		if p, _ := ticket.PlanOf(ctx, d, w.get(t, other)); p.Step != ticket.StepRemind {
			t.Errorf("plan after showing the status: %+v", p)
		}
	})
}

// TestAutoDisabled: without settings, with every step at 0, or with the helpdesk
// switched off, a pass over old resolved and waiting tickets does nothing.
func TestAutoDisabled(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := newAutoWorld(t, d, "off", ticket.Automation{})
		resolved, waiting := w.open(t, "Resolved"), w.open(t, "Waiting")
		w.move(t, resolved, ticket.CodeResolved, 0)
		w.move(t, waiting, ticket.CodeWaiting, 0)
		check := func(what string) {
			t.Helper()
			if sw := w.sweep(t, 500); sw != (ticket.Swept{}) {
				t.Errorf("%s: %+v", what, sw)
			}
			if p, _ := ticket.PlanOf(ctx, d, w.get(t, resolved)); p.Step != "" {
				t.Errorf("%s: plan %+v", what, p)
			}
		}
		check("all 0")
		if _, err := d.Exec(ctx, `DELETE FROM ticket_automation`); err != nil {
			t.Fatal(err)
		}
		check("no settings")
		if err := ticket.SetAutomation(ctx, d, w.ten.ID, ticket.Automation{ResolveDays: 3}); err != nil {
			t.Fatal(err)
		}
		check("resolving without reminders")
		if err := ticket.SetAutomation(ctx, d, w.ten.ID, ticket.Automation{CloseDays: 1, RemindDays: 1, ResolveDays: 1}); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `UPDATE tenants SET modules = 'knowledge' WHERE id = ?`, w.ten.ID); err != nil {
			t.Fatal(err)
		}
		if sw := w.sweep(t, 500); sw != (ticket.Swept{}) {
			t.Errorf("helpdesk off: %+v", sw)
		}
		if len(w.mails(t, resolved))+len(w.mails(t, waiting)) != 0 {
			t.Errorf("mails: %q %q", w.mails(t, resolved), w.mails(t, waiting))
		}
	})
}
