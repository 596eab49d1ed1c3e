package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestMailLinkOrigin: links in mails never follow a Host the provider did not configure.
// A "forgot password" with a forged Host gets the listen address before any admin
// sign-in (an agent's does not count), the address of the first admin sign-in after it, the admin's portal
// address once set; a request on one of the tenant's hostnames keeps that hostname.
func TestMailLinkOrigin(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		ctx := context.Background()
		if err := tenant.SetFeatures(ctx, env.DB, ten.ID, []string{tenant.FeaturePasswordReset}); err != nil {
			t.Fatal(err)
		}
		env.Staff(ten, "admin", "admin@service.test", "admin-pw-2026")
		env.Staff(ten, "agent", "agent@service.test", "agent-pw-2026")
		n := 0
		// resetLink asks for a reset through host for a new contact and returns the
		// link's origin.
		resetLink := func(host string) string {
			t.Helper()
			n++
			email := "kunde" + string(rune('a'+n)) + "@kunde.test"
			env.Contact(ten, email, "pw-kunde-2026", "user", co)
			if r := env.Client(host).Post("/password/forgot", url.Values{"email": {email}}); r.Status != 200 {
				t.Fatalf("forgot via %s: %d", host, r.Status)
			}
			_, text := lastMailTo(t, env, email)
			link := mustRE(`https?://\S+/password/reset/\S+`).FindString(text)
			if link == "" {
				t.Fatalf("no reset link in:\n%s", text)
			}
			return link[:strings.Index(link, "/password/")]
		}
		if got := resetLink("evil.example"); got != env.Srv.URL {
			t.Errorf("before any staff sign-in: %s, want the listen address %s", got, env.Srv.URL)
		}
		// An agent's sign-in, here with a forged Host, sets nothing: the address is an
		// admin's setting.
		env.Client("evil.example").AdminLogin("agent@service.test", "agent-pw-2026")
		if got := resetLink("evil.example"); got != env.Srv.URL {
			t.Errorf("after an agent's sign-in: %s", got)
		}
		adm := env.Client("portal.service.test")
		adm.AdminLogin("admin@service.test", "admin-pw-2026")
		if got := resetLink("evil.example"); got != "http://portal.service.test" {
			t.Errorf("after the first admin sign-in: %s", got)
		}
		var logged int
		env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'portal_url_remembered' AND target = 'http://portal.service.test'`).Scan(&logged)
		if logged != 1 {
			t.Errorf("remembered address logged %d times", logged)
		}
		env.Client("other.service.test").AdminLogin("admin@service.test", "admin-pw-2026")
		if got := resetLink("evil.example"); got != "http://portal.service.test" {
			t.Errorf("a later sign-in replaced the remembered address: %s", got)
		}

		settings := func(portalURL, hosts string) apptest.Response {
			return adm.Post("/admin/settings", url.Values{"name": {"Service GmbH"}, "language": {"de"},
				"modules": {"helpdesk"}, "features": {tenant.FeaturePasswordReset}, "portal_url": {portalURL}, "hosts": {hosts}})
		}
		for _, bad := range []string{"ftp://portal.service.test", "https://portal.service.test/kunden", "portal service.test",
			"https://user@portal.service.test", "https://portal.service.test:99999", "https://evil.example?x=1"} {
			r := settings(bad, "")
			if r.Status != 422 || !strings.Contains(r.Body, "https://portal.example.de") || !strings.Contains(r.Body, `value="`+bad+`"`) {
				t.Errorf("portal address %q: %d, want 422 with the message and the typed value", bad, r.Status)
			}
		}
		if r := settings(" https://Portal.Service.test:8443/ ", ""); r.Status != 303 {
			t.Fatalf("settings: %d %.300s", r.Status, r.Body)
		}
		if got := resetLink("evil.example"); got != "https://portal.service.test:8443" {
			t.Errorf("admin's portal address: %s", got)
		}
		if r := settings("https://portal.service.test:8443", "kunden.service.test"); r.Status != 303 {
			t.Fatalf("settings with a hostname: %d %.300s", r.Status, r.Body)
		}
		if got := resetLink("kunden.service.test"); got != "http://kunden.service.test" {
			t.Errorf("request on a configured hostname: %s", got)
		}
		if got := resetLink("evil.example"); got != "https://portal.service.test:8443" {
			t.Errorf("forged Host with hostnames configured: %s", got)
		}
		// A configured hostname with a port the portal is not known to answer on: the
		// port is dropped; the portal address's own port is kept.
		if got := resetLink("kunden.service.test:31337"); got != "http://kunden.service.test" {
			t.Errorf("configured hostname, forged port: %s", got)
		}
		if got := resetLink("kunden.service.test:8443"); got != "http://kunden.service.test:8443" {
			t.Errorf("configured hostname, the portal address's port: %s", got)
		}
	})
}
