package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestOutboxDiscardHeld: an admin who knows a mail held since a restore already went
// out chooses "Don't send" on its page (confirmed first): the mail says in its own
// words that it was not sent, never that its ticket was deleted, the queue never sends
// it and "retry" refuses it; the audit log names it. "Don't send any" on the list does
// the same for the tenant's other held mails, not another tenant's. Agents are offered
// neither and are refused both. /metrics counts the held mails apart from the depth.
func TestOutboxDiscardHeld(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH", "service.test")
		other := env.Tenant("Andere AG", "andere.test")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		env.Staff(ten, staff.RoleAgent, "agent@service.test", "agent-password")
		adm, agent := env.Client("service.test"), env.Client("service.test")
		adm.AdminLogin("boss@service.test", "boss-password")
		agent.AdminLogin("agent@service.test", "agent-password")
		var gone, second, third, foreign int64
		err := env.DB.InTx(ctx, func(tx *db.Tx) error { // as a restore leaves them: held before any worker sees them
			for _, q := range []struct {
				id       *int64
				tenantID int64
				to       string
			}{{&gone, ten.ID, "schon@kunde.test"}, {&second, ten.ID, "zwei@kunde.test"}, {&third, ten.ID, "drei@kunde.test"},
				{&foreign, other.ID, "fremd@kunde.test"}} {
				var err error
				if *q.id, err = outbox.Queue(ctx, tx, q.tenantID, mail.Message{To: q.to, Subject: "Ihr Ticket", Text: "Hallo"},
					time.Now()); err != nil {
					return err
				}
			}
			_, err := outbox.HoldQueued(ctx, tx)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		metric := func(want string) {
			t.Helper()
			if m := env.Client("").Get("/metrics").Body; !strings.Contains(m, want+"\n") || !strings.Contains(m, "pforte_queue_depth 0\n") {
				t.Errorf("metrics lack %q (and a depth of 0)", want)
			}
		}
		metric("pforte_queue_held 4")

		page := adm.Get("/admin/outbox/" + id(gone)).Body
		for _, want := range []string{"/admin/outbox/" + id(gone) + "/discard", "Nicht senden",
			`data-confirm="Diese E-Mail nicht senden? Wählen Sie das nur, wenn der Empfänger sie schon von der alten Installation bekommen hat.`} {
			if !strings.Contains(page, want) {
				t.Errorf("the held mail's page lacks %q", want)
			}
		}
		if page := agent.Get("/admin/outbox/" + id(gone)).Body; strings.Contains(page, "/discard") {
			t.Errorf("an agent is offered Don't send")
		}
		if r := agent.Post("/admin/outbox/"+id(gone)+"/discard", nil); r.Status != 404 {
			t.Errorf("agent's Don't send: %d, want 404", r.Status)
		}
		list := adm.Get("/admin/outbox").Body
		for _, want := range []string{"3 E-Mails sind seit einer Wiederherstellung zurückgehalten", `action="/admin/outbox/discard-held"`,
			"Keine senden", `data-confirm="Keine der 3 zurückgehaltenen E-Mails senden?`} {
			if !strings.Contains(list, want) {
				t.Errorf("the admin's outbox lacks %q", want)
			}
		}
		if list := agent.Get("/admin/outbox").Body; strings.Contains(list, "discard-held") {
			t.Errorf("an agent is offered Don't send any")
		}

		r := adm.Post("/admin/outbox/"+id(gone)+"/discard", nil)
		if r.Status != 303 {
			t.Fatalf("Don't send: %d", r.Status)
		}
		page = adm.Get(r.Location).Body
		for _, want := range []string{"Die E-Mail wird nicht gesendet.", "Nicht gesendet (nach Wiederherstellung zurückgehalten)",
			"Diese E-Mail wurde nicht gesendet: Sie war nach einer Wiederherstellung zurückgehalten"} {
			if !strings.Contains(page, want) {
				t.Errorf("the discarded mail's page lacks %q", want)
			}
		}
		for _, never := range []string{"Storniert", "/retry", "/discard", "Zurückgehalten"} {
			if strings.Contains(page, never) {
				t.Errorf("the discarded mail's page shows %q", never)
			}
		}
		if list := adm.Get("/admin/outbox?state=discarded").Body; !strings.Contains(list, "schon@kunde.test") ||
			strings.Contains(list, "zwei@kunde.test") {
			t.Errorf("the state filter does not find the discarded mail alone")
		}
		r = adm.Post("/admin/outbox/"+id(gone)+"/retry", nil)
		if r.Status != 303 || !strings.Contains(adm.Get(r.Location).Body, "Diese E-Mail wird nicht gesendet: Ein Administrator hat") {
			t.Errorf("retry of a discarded mail: %d", r.Status)
		}
		r = adm.Post("/admin/outbox/"+id(gone)+"/discard", nil)
		if r.Status != 303 || !strings.Contains(adm.Get(r.Location).Body, "nicht mehr zurückgehalten") {
			t.Errorf("Don't send twice: %d", r.Status)
		}
		metric("pforte_queue_held 3")

		r = adm.Post("/admin/outbox/discard-held", nil)
		if r.Status != 303 || !strings.Contains(adm.Get(r.Location).Body, "2 zurückgehaltene E-Mails werden nicht gesendet.") {
			t.Fatalf("Don't send any: %d", r.Status)
		}
		if list := adm.Get("/admin/outbox").Body; strings.Contains(list, "discard-held") {
			t.Errorf("Don't send any is still offered")
		}
		if r := agent.Post("/admin/outbox/discard-held", nil); r.Status != 404 {
			t.Errorf("agent's Don't send any: %d, want 404", r.Status)
		}
		metric("pforte_queue_held 1")
		// Nothing goes out: the jobs are done, and the other tenant's mail is still held.
		env.App.Env.WakeWorker()
		time.Sleep(300 * time.Millisecond)
		if n := count(t, env, `SELECT COUNT(*) FROM mails WHERE id IN (?, ?, ?) AND state = 'discarded'`, gone, second, third); n != 3 {
			t.Errorf("%d of 3 mails discarded", n)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM jobs WHERE ref_id = ? AND state = 'held'`, foreign); n != 1 {
			t.Errorf("the other tenant's held mail was touched")
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'mail_discarded' AND tenant_id = ?`, ten.ID); n != 3 {
			t.Errorf("%d audit entries for 3 mails not sent", n)
		}
		audit := adm.Get("/admin/audit").Body
		for _, want := range []string{"Zurückgehaltene E-Mail nicht gesendet (Nicht senden)", "E-Mail #" + id(gone) + " an schon@kunde.test"} {
			if !strings.Contains(audit, want) {
				t.Errorf("the audit log lacks %q", want)
			}
		}
	})
}
