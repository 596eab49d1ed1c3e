package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestPasswordReset: the tenant switch shows the link; the answer is the same for known
// and unknown addresses; the link works once, ends every other session and mails a
// notice; expired and reused links get a clear page.
func TestPasswordReset(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "vergesslich@kunde.test", "old-password-1", "user", co)
		c := env.Client("")
		if r := c.Get("/password/forgot"); r.Status != 404 || strings.Contains(c.Get("/login").Body, "/password/forgot") {
			t.Fatalf("reset offered although switched off: %d", r.Status)
		}
		ctx := context.Background()
		if err := tenant.SetFeatures(ctx, env.DB, ten.ID, []string{tenant.FeaturePasswordReset}); err != nil {
			t.Fatal(err)
		}
		c = env.Client("x.test") // another host: no cached tenant from before the switch
		if !strings.Contains(c.Get("/login").Body, `href="/password/forgot"`) {
			t.Fatalf("login page lacks the link")
		}
		old := env.Client("x.test")
		old.Login("vergesslich@kunde.test", "old-password-1")

		if r := c.Post("/password/forgot", url.Values{"email": {"kein-at"}}); r.Status != 422 || !strings.Contains(r.Body, `value="kein-at"`) {
			t.Errorf("malformed email: %d", r.Status)
		}
		known := c.Post("/password/forgot", url.Values{"email": {"vergesslich@kunde.test"}})
		unknown := c.Post("/password/forgot", url.Values{"email": {"niemand@kunde.test"}})
		norm := func(s string) string { return strings.NewReplacer("vergesslich@", "X@", "niemand@", "X@").Replace(s) }
		if known.Status != 200 || norm(known.Body) != norm(unknown.Body) {
			t.Errorf("known and unknown addresses answer differently")
		}
		subject, text := lastMailTo(t, env, "vergesslich@kunde.test")
		if !strings.Contains(subject, "Neues Passwort") {
			t.Errorf("reset mail subject %q", subject)
		}
		var n int
		env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM mails WHERE to_addr = 'niemand@kunde.test'`).Scan(&n)
		if n != 0 {
			t.Errorf("mail to an unknown address")
		}
		// x.test is no hostname of the tenant: it reached the portal only because the
		// installation has a single tenant, and a link to it could be a forger's server.
		if strings.Contains(text, "x.test") {
			t.Errorf("reset link follows the request's unconfigured Host:\n%s", text)
		}
		link := strings.TrimPrefix(mustRE(`https?://\S+/password/reset/\S+`).FindString(text), env.Srv.URL)
		if !strings.HasPrefix(link, "/password/reset/") {
			t.Fatalf("no reset link in:\n%s", text)
		}
		n1 := env.Client("x.test")
		if r := n1.Post(link, url.Values{"password": {"kurz"}, "password_confirm": {"kurz"}}); r.Status != 422 {
			t.Errorf("short password: %d", r.Status)
		}
		if r := n1.Post(link, url.Values{"password": {"new-password-2"}, "password_confirm": {"new-password-2"}}); r.Status != 303 {
			t.Fatalf("reset: %d", r.Status)
		}
		if n1.Get("/").Status != 200 {
			t.Errorf("not logged in after reset")
		}
		if r := old.Get("/"); r.Status != 303 {
			t.Errorf("old session survived the reset: %d", r.Status)
		}
		if r := env.Client("x.test").Get(link); r.Status != 410 || !strings.Contains(r.Body, "bereits verwendet") {
			t.Errorf("reused link: %d", r.Status)
		}
		subject, _ = lastMailTo(t, env, "vergesslich@kunde.test")
		if !strings.Contains(subject, "wurde geändert") {
			t.Errorf("no notice after reset: %q", subject)
		}
		env.Client("x.test").Login("vergesslich@kunde.test", "new-password-2")
		// An expired link.
		c.Post("/password/forgot", url.Values{"email": {"vergesslich@kunde.test"}})
		deadline := time.Now().Add(5 * time.Second)
		for {
			_, text = lastMailTo(t, env, "vergesslich@kunde.test")
			if strings.Contains(text, "/password/reset/") || time.Now().After(deadline) {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		env.DB.Exec(ctx, `UPDATE tokens SET expires_at = ? WHERE purpose = 'reset' AND used_at IS NULL`, time.Now().Add(-time.Second).Unix())
		link = strings.TrimPrefix(mustRE(`https?://\S+/password/reset/\S+`).FindString(text), env.Srv.URL)
		if r := env.Client("x.test").Get(link); r.Status != 410 || !strings.Contains(r.Body, "abgelaufen") {
			t.Errorf("expired link: %d", r.Status)
		}
		// Requests are throttled per address: the sixth within 15 minutes sends nothing.
		for range 6 {
			c.Post("/password/forgot", url.Values{"email": {"vergesslich@kunde.test"}})
		}
		env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM mails WHERE to_addr = 'vergesslich@kunde.test' AND subject LIKE 'Neues Passwort%'`).Scan(&n)
		if n > 5 {
			t.Errorf("%d reset mails: not throttled", n)
		}
	})
}
