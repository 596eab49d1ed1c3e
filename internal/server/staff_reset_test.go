package server_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestStaffPasswordReset: /admin/login offers "forgot password"; the answer is the same
// for staff, unknown addresses and contacts; only the staff member gets a mail (over
// SMTP, in their language) with a link that works once, ends all their sessions, signs
// them in and mails a notice; reused, expired and contact links are refused; requests
// are throttled; the audit log has the request and the reset.
func TestStaffPasswordReset(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		smtp := testutil.StartSMTP(t)
		env := apptest.Start(t, e, apptest.Options{SMTPURL: smtp.URL()})
		ten := env.Tenant("Service GmbH")
		m := env.Staff(ten, "agent", "agent@service.test", "agent-password-1")
		env.Contact(ten, "kunde@kunde.test", "kunde-password-1", "user", env.Company(ten, "Kunde AG"))
		if _, err := env.DB.Exec(t.Context(), `UPDATE staff SET language = 'en' WHERE id = ?`, m.ID); err != nil {
			t.Fatal(err)
		}
		old := env.Client("")
		old.AdminLogin("agent@service.test", "agent-password-1")
		c := env.Client("")
		if !strings.Contains(c.Get("/admin/login").Body, `href="/admin/password/forgot"`) {
			t.Fatalf("login page lacks the link")
		}
		for _, bad := range []string{"", "kein-at", strings.Repeat("a", 250) + "@x.test"} {
			if r := c.Post("/admin/password/forgot", url.Values{"email": {bad}}); r.Status != 422 {
				t.Errorf("email %q: %d, want 422", bad, r.Status)
			}
		}
		if r := c.Post("/admin/password/forgot", url.Values{"email": {"kein-at"}}); !strings.Contains(r.Body, `value="kein-at"`) {
			t.Errorf("typed address lost")
		}
		norm := func(s string) string {
			return strings.NewReplacer("agent@service.test", "X", "niemand@service.test", "X", "kunde@kunde.test", "X").Replace(s)
		}
		known := c.Post("/admin/password/forgot", url.Values{"email": {"agent@service.test"}})
		unknown := c.Post("/admin/password/forgot", url.Values{"email": {"niemand@service.test"}})
		customer := c.Post("/admin/password/forgot", url.Values{"email": {"kunde@kunde.test"}})
		if known.Status != 200 || norm(known.Body) != norm(unknown.Body) || norm(known.Body) != norm(customer.Body) {
			t.Errorf("known and unknown addresses answer differently")
		}
		msgs := smtp.WaitFor(t, 1, 10*time.Second)
		time.Sleep(200 * time.Millisecond) // give wrong mails a chance to show up
		msgs = smtp.Messages()
		if len(msgs) != 1 || msgs[0].To[0] != "agent@service.test" {
			t.Fatalf("mails: %d (want one, to the staff member)", len(msgs))
		}
		if !strings.Contains(msgs[0].Subject, "New password for the Service GmbH back office") {
			t.Errorf("reset mail not in the member's language: %q", msgs[0].Subject)
		}
		link := strings.TrimPrefix(mustRE(`https?://\S+/admin/password/reset/\S+`).FindString(msgs[0].Text), env.Srv.URL)
		if !strings.HasPrefix(link, "/admin/password/reset/") {
			t.Fatalf("no reset link in:\n%s", msgs[0].Text)
		}
		// The portal's reset form does not take a staff link.
		if r := env.Client("").Get(strings.TrimPrefix(link, "/admin")); r.Status != 404 && r.Status != 410 {
			t.Errorf("staff link on the portal's form: %d", r.Status)
		}
		n1 := env.Client("")
		for _, b := range []struct{ pw, confirm string }{{"", ""}, {"kurz", "kurz"}, {"new-password-22", "new-password-23"}} {
			if r := n1.Post(link, url.Values{"password": {b.pw}, "password_confirm": {b.confirm}}); r.Status != 422 {
				t.Errorf("reset with %q/%q: %d, want 422", b.pw, b.confirm, r.Status)
			}
		}
		if r := n1.Post(link, url.Values{"password": {"new-password-22"}, "password_confirm": {"new-password-22"}}); r.Status != 303 {
			t.Fatalf("reset: %d", r.Status)
		}
		if r := n1.Get("/admin/"); r.Status != 200 {
			t.Errorf("not signed in after the reset: %d", r.Status)
		}
		if r := old.Get("/admin/"); r.Status != 303 {
			t.Errorf("old session survived the reset: %d", r.Status)
		}
		if r := env.Client("").Get(link); r.Status != 410 {
			t.Errorf("reused link: %d", r.Status)
		}
		if r := env.Client("").Post(link, url.Values{"password": {"third-password-3"}, "password_confirm": {"third-password-3"}}); r.Status != 410 {
			t.Errorf("reused link submit: %d", r.Status)
		}
		msgs = smtp.WaitFor(t, 2, 10*time.Second)
		if !strings.Contains(msgs[len(msgs)-1].Subject, "was changed") {
			t.Errorf("no notice after the reset: %q", msgs[len(msgs)-1].Subject)
		}
		env.Client("").AdminLogin("agent@service.test", "new-password-22")

		// An expired link.
		c.Post("/admin/password/forgot", url.Values{"email": {"agent@service.test"}})
		msgs = smtp.WaitFor(t, 3, 10*time.Second)
		link = strings.TrimPrefix(mustRE(`https?://\S+/admin/password/reset/\S+`).FindString(msgs[2].Text), env.Srv.URL)
		env.DB.Exec(t.Context(), `UPDATE tokens SET expires_at = ? WHERE purpose = 'staff_reset' AND used_at IS NULL`, time.Now().Add(-time.Second).Unix())
		if r := env.Client("").Get(link); r.Status != 410 {
			t.Errorf("expired link: %d", r.Status)
		}
		// A deactivated member gets nothing.
		env.DB.Exec(t.Context(), `UPDATE staff SET active = FALSE WHERE id = ?`, m.ID)
		c.Post("/admin/password/forgot", url.Values{"email": {"agent@service.test"}})
		time.Sleep(300 * time.Millisecond)
		if n := len(smtp.Messages()); n != 3 {
			t.Errorf("%d mails; a deactivated member got a link", n)
		}
		env.DB.Exec(t.Context(), `UPDATE staff SET active = TRUE WHERE id = ?`, m.ID)
		// Throttled per address: at most five requests in 15 minutes are answered.
		for range 6 {
			c.Post("/admin/password/forgot", url.Values{"email": {"agent@service.test"}})
		}
		time.Sleep(500 * time.Millisecond)
		if n := count(t, env, `SELECT COUNT(*) FROM mails WHERE to_addr = 'agent@service.test' AND subject LIKE 'New password%'`); n > 5 {
			t.Errorf("%d reset mails: not throttled", n)
		}
		for _, action := range []string{"password_reset_requested", "password_reset"} {
			if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor LIKE ?`, action, "staff:"+id(m.ID)+" %"); n == 0 {
				t.Errorf("no audit entry %s", action)
			}
		}
	})
}
