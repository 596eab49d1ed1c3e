package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestPasswordRulesDoNotThrottle: a contact and a staff member who give the right
// current password but a new one that breaks the rules (too short, not repeated alike)
// many times are told what is wrong each time, never "too many attempts", and can still
// sign in; the change then works. A wrong current password still counts: after five,
// the form and the login are refused, and the contact sees the block among their own
// security events.
func TestPasswordRulesDoNotThrottle(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		ct := env.Contact(ten, "pw@kunde.test", "first-password", "main", co)
		c := env.Client("")
		c.Login("pw@kunde.test", "first-password")
		change := func(cl *apptest.Client, path, cur, pw, confirm string) apptest.Response {
			return cl.Post(path, url.Values{"current": {cur}, "password": {pw}, "password_confirm": {confirm}})
		}
		for i := range 8 {
			r := change(c, "/account/password", "first-password", "kurz", "kurz")
			if i%2 == 1 {
				r = change(c, "/account/password", "first-password", "second-password", "other-password")
			}
			if r.Status != 422 || strings.Contains(r.Body, "Zu viele fehlgeschlagene") {
				t.Fatalf("attempt %d with the right current password: %d, throttled=%v", i+1, r.Status,
					strings.Contains(r.Body, "Zu viele fehlgeschlagene"))
			}
		}
		env.Client("").Login("pw@kunde.test", "first-password")
		if r := change(c, "/account/password", "first-password", "second-password", "second-password"); r.Status != 303 {
			t.Fatalf("change after rule errors: %d", r.Status)
		}

		// Wrong current passwords count: five, then even the right one is refused.
		for range 5 {
			if r := change(c, "/account/password", "wrong-password", "third-password", "third-password"); r.Status != 422 || !strings.Contains(r.Body, "nicht korrekt") {
				t.Fatalf("wrong current password: %d", r.Status)
			}
		}
		if r := change(c, "/account/password", "second-password", "third-password", "third-password"); r.Status != 422 || !strings.Contains(r.Body, "Zu viele fehlgeschlagene") {
			t.Errorf("sixth attempt not throttled: %d", r.Status)
		}
		if r := env.Client("").Post("/login", url.Values{"email": {"pw@kunde.test"}, "password": {"second-password"}}); r.Status != 422 || !strings.Contains(r.Body, "Zu viele fehlgeschlagene") {
			t.Errorf("login after five wrong current passwords: %d", r.Status)
		}
		var n int
		env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE action = 'login_throttled' AND contact_id = ?`, ct.ID).Scan(&n)
		if n == 0 {
			t.Errorf("the block is not tied to the contact")
		}
		if r := c.Get("/account"); !strings.Contains(r.Body, "Anmeldung gesperrt (zu viele Versuche)") {
			t.Errorf("the contact's security events do not show the block")
		}

		// Staff: the same path.
		env.Staff(ten, "agent", "agent@service.test", "agent-password-1")
		s := env.Client("")
		s.AdminLogin("agent@service.test", "agent-password-1")
		for i := range 8 {
			r := change(s, "/admin/account/password", "agent-password-1", "kurz", "kurz")
			if r.Status != 422 || strings.Contains(r.Body, "Too many failed") || strings.Contains(r.Body, "Zu viele fehlgeschlagene") {
				t.Fatalf("staff attempt %d with the right current password: %d", i+1, r.Status)
			}
		}
		env.Client("").AdminLogin("agent@service.test", "agent-password-1")
		for range 5 {
			change(s, "/admin/account/password", "wrong-password", "new-password-22", "new-password-22")
		}
		if r := env.Client("").Post("/admin/login", url.Values{"email": {"agent@service.test"}, "password": {"agent-password-1"}}); r.Status == 303 {
			t.Errorf("staff login not throttled after five wrong current passwords")
		}
	})
}
