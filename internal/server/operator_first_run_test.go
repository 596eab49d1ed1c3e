package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/twofactor"
)

// TestMailTestWithoutServer: with no SMTP server anywhere, "send a test email" says the
// mail was only stored in the data directory's outbox folder (it is not in the back
// office's outbox either), never that it was sent.
func TestMailTestWithoutServer(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		c := env.Client("")
		c.AdminLogin("boss@service.test", "boss-password")
		if r := c.Post("/admin/settings/mail/test", nil); r.Status != 303 {
			t.Fatalf("test mail: %d", r.Status)
		}
		page := c.Get("/admin/settings/mail").Body
		if strings.Contains(page, "wurde verschickt") || !strings.Contains(page, "nicht verschickt") ||
			!strings.Contains(page, "outbox") || !strings.Contains(page, "PFORTE_SMTP_URL") {
			t.Errorf("test mail without a mail server is not reported as stored only")
		}
	})
}

// TestAdminLoginWithoutAdmin: while a tenant has no administrator the staff login page
// says where the first one comes from (serve's one-time link); once there is one, not.
func TestAdminLoginWithoutAdmin(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		c := env.Client("")
		if r := c.Get("/admin/login"); r.Status != 200 || !strings.Contains(r.Body, `id="no-admin"`) ||
			!strings.Contains(r.Body, "pforte serve") {
			t.Errorf("login page without an administrator names no setup link: %d", r.Status)
		}
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		if r := c.Get("/admin/login"); strings.Contains(r.Body, `id="no-admin"`) {
			t.Errorf("login page still says there is no administrator")
		}
	})
}

// TestTwoFactorOtherKey: after a restore into a data directory without the old secret
// key, a contact's and a staff member's code step says the key is missing (not a 500,
// and a right recovery code is not called wrong).
func TestTwoFactorOtherKey(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "anna@kunde.test", "anna-password-1", "main", co)
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		anna := env.Client("")
		anna.Login("anna@kunde.test", "anna-password-1")
		secret, codes := enableTOTP(t, anna)
		boss := env.Client("")
		boss.AdminLogin("boss@service.test", "boss-password")
		staffSecret, staffCodes := staffSetupTOTP(t, boss)

		own := env.App.Access.Keys
		env.App.Access.Keys = twofactor.NewKeyring([]byte("a key made after the restore"))
		t.Cleanup(func() { env.App.Access.Keys = own })
		if n, err := twofactor.ForeignSecrets(t.Context(), env.DB, env.App.Access.Keys); err != nil || n != 2 {
			t.Errorf("foreign secrets: %d %v, want 2", n, err)
		}
		if n, err := twofactor.ForeignSecrets(t.Context(), env.DB, own); err != nil || n != 0 {
			t.Errorf("foreign secrets with the right key: %d %v", n, err)
		}
		for _, input := range []string{nextCode(t, secret), codes[0]} {
			c := env.Client("")
			passwordStep(t, c, "anna@kunde.test", "anna-password-1")
			r := c.Post("/login/code", url.Values{"code": {input}})
			if r.Status != 422 || !strings.Contains(r.Body, "geheime Schlüssel") {
				t.Errorf("contact code %q with another key: %d", input, r.Status)
			}
		}
		for _, input := range []string{nextCode(t, staffSecret), staffCodes[0]} {
			c := env.Client("")
			r := c.Post("/admin/login", url.Values{"email": {"boss@service.test"}, "password": {"boss-password"}})
			if r.Status != 303 || !strings.HasPrefix(r.Location, "/admin/login/code") {
				t.Fatalf("staff password step: %d %q", r.Status, r.Location)
			}
			r = c.Post("/admin/login/code", url.Values{"code": {input}})
			if r.Status != 422 || !strings.Contains(r.Body, "geheime Schlüssel") {
				t.Errorf("staff code %q with another key: %d", input, r.Status)
			}
		}

		env.App.Access.Keys = own // the old key is back: the same codes work
		c := env.Client("")
		passwordStep(t, c, "anna@kunde.test", "anna-password-1")
		if r := c.Post("/login/code", url.Values{"code": {codes[0]}}); r.Status != 303 {
			t.Errorf("recovery code with the right key: %d", r.Status)
		}
	})
}

// TestMailSettingsWithoutListener: while the process receives no mail (no
// PFORTE_INBOUND_ADDR) the mail settings say so beside the support addresses; with the
// listener running they do not.
func TestMailSettingsWithoutListener(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		c := env.Client("")
		c.AdminLogin("boss@service.test", "boss-password")
		if r := c.Get("/admin/settings/mail"); !strings.Contains(r.Body, `id="no-listener"`) || !strings.Contains(r.Body, "PFORTE_INBOUND_ADDR") {
			t.Errorf("mail settings without a listener do not say so: %d", r.Status)
		}
		env.ListenInbound()
		if r := c.Get("/admin/settings/mail"); r.Status != 200 || strings.Contains(r.Body, `id="no-listener"`) {
			t.Errorf("mail settings with a listener still say none runs: %d", r.Status)
		}
	})
}
