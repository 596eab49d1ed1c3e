package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestOutboxShowsWhyMailIsStuck: with an SMTP server that refuses connections, the
// outbox shows the error, the attempts and the next try (and a marker in the list);
// an admin's "retry now" sends the mail at once once the server works, is logged, and
// also brings back a mail the queue gave up on. Agents see the state, not the button.
func TestOutboxShowsWhyMailIsStuck(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		env.Staff(ten, staff.RoleAgent, "agent@service.test", "agent-password")
		adm, agent := env.Client(""), env.Client("")
		adm.AdminLogin("boss@service.test", "boss-password")
		agent.AdminLogin("agent@service.test", "agent-password")
		if r := adm.Post("/admin/settings/mail", url.Values{"smtp_url": {"smtp://127.0.0.1:1?tls=none"},
			"mail_from": {"p@service.test"}}); r.Status != 303 {
			t.Fatalf("save refusing server: %d", r.Status)
		}
		co := env.Company(ten, "Kunde AG")
		ct := env.Contact(ten, "wartet@kunde.test", "", "user", co)
		if r := agent.Post("/admin/memberships/"+id(memberships(t, env, ten.ID, ct.ID)[0])+"/grant",
			url.Values{"role": {"user"}}); r.Status != 303 {
			t.Fatalf("grant: %d", r.Status)
		}
		var mailID int64
		env.DB.QueryRow(ctx, `SELECT id FROM mails WHERE to_addr = 'wartet@kunde.test'`).Scan(&mailID)
		lastError := func() string {
			var s string
			env.DB.QueryRow(ctx, `SELECT last_error FROM jobs WHERE kind = 'mail' AND ref_id = ?`, mailID).Scan(&s)
			return s
		}
		deadline := time.Now().Add(10 * time.Second)
		for lastError() == "" && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if lastError() == "" {
			t.Fatal("the refused delivery recorded no error")
		}
		page := adm.Get("/admin/outbox/" + id(mailID)).Body
		for _, want := range []string{"refused", "Versuche", "Letzter Fehler", "Nächster Versuch", "/retry", "Jetzt erneut senden"} {
			if !strings.Contains(page, want) {
				t.Errorf("detail lacks %q", want)
			}
		}
		if list := adm.Get("/admin/outbox").Body; !strings.Contains(list, "Versuch 1 fehlgeschlagen") || !strings.Contains(list, "refused") {
			t.Errorf("list lacks the failure marker")
		}
		if page := agent.Get("/admin/outbox/" + id(mailID)).Body; !strings.Contains(page, "refused") || strings.Contains(page, "/retry") {
			t.Errorf("agent: error missing or retry button shown")
		}
		if r := agent.Post("/admin/outbox/"+id(mailID)+"/retry", nil); r.Status != 404 {
			t.Errorf("agent retries: %d", r.Status)
		}

		// The server works again: "retry now" sends at once instead of after the backoff.
		smtp := testutil.StartSMTP(t)
		if r := adm.Post("/admin/settings/mail", url.Values{"smtp_url": {smtp.URL()}, "mail_from": {"p@service.test"}}); r.Status != 303 {
			t.Fatalf("save working server: %d", r.Status)
		}
		r := adm.Post("/admin/outbox/"+id(mailID)+"/retry", nil)
		if r.Status != 303 || !strings.Contains(adm.Get(r.Location).Body, "wird jetzt erneut gesendet") {
			t.Fatalf("retry: %d", r.Status)
		}
		if got := smtp.WaitFor(t, 1, 10*time.Second)[0]; got.To[0] != "wartet@kunde.test" {
			t.Errorf("retried mail went to %v", got.To)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'mail_retried' AND target LIKE ?`,
			"%wartet@kunde.test"); n != 1 {
			t.Errorf("%d audit entries for the retry", n)
		}
		lastMailTo(t, env, "wartet@kunde.test")
		r = adm.Post("/admin/outbox/"+id(mailID)+"/retry", nil)
		if !strings.Contains(adm.Get(r.Location).Body, "bereits gesendet") {
			t.Errorf("retry of a sent mail not refused")
		}

		// A mail the queue gave up on comes back with a full round of attempts.
		stuckDelivery(t, env, ctx, mailID)
		if page := adm.Get("/admin/outbox/" + id(mailID)).Body; !strings.Contains(page, "Zustellung wurde aufgegeben") {
			t.Errorf("given-up mail does not say so")
		}
		adm.Post("/admin/outbox/"+id(mailID)+"/retry", nil)
		smtp.WaitFor(t, 2, 10*time.Second)
	})
}

// stuckDelivery makes a mail look like one the queue has given up on.
func stuckDelivery(t *testing.T, env *apptest.Env, ctx context.Context, mailID int64) {
	t.Helper()
	if _, err := env.DB.Exec(ctx, `UPDATE mails SET state = 'failed', sent_at = NULL WHERE id = ?`, mailID); err != nil {
		t.Fatal(err)
	}
	if _, err := env.DB.Exec(ctx, `UPDATE jobs SET state = 'failed', attempts = 8, last_error = 'gave up' WHERE kind = 'mail' AND ref_id = ?`,
		mailID); err != nil {
		t.Fatal(err)
	}
}
