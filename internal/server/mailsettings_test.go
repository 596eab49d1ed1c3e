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
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestTenantSMTP: an admin sets the tenant's own SMTP server in the back office; the
// test mail and then invitations go through it; the password is never shown again.
func TestTenantSMTP(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		smtp := testutil.StartSMTP(t)
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		c := env.Client("")
		c.AdminLogin("boss@service.test", "boss-password")
		if r := c.Post("/admin/settings/mail", url.Values{"smtp_url": {"ftp://nope"}, "mail_from": {"not an address"}}); r.Status != 422 ||
			!strings.Contains(r.Body, "smtp://benutzer:passwort@") || !strings.Contains(r.Body, `value="not an address"`) {
			t.Fatalf("bad mail settings: %d", r.Status)
		}
		withPW := strings.Replace(smtp.URL(), "smtp://", "smtp://portal:geheim-123@", 1)
		if r := c.Post("/admin/settings/mail", url.Values{"smtp_url": {withPW}, "mail_from": {"Portal <portal@service.test>"}}); r.Status != 303 {
			t.Fatalf("save: %d", r.Status)
		}
		if !strings.Contains(c.Get("/admin/settings").Body, `name="features" value="password_reset"`) {
			t.Errorf("settings lack the password reset switch")
		}
		form := c.Get("/admin/settings/mail").Body
		if strings.Contains(form, "geheim-123") || !strings.Contains(form, "portal:********@") {
			t.Errorf("password shown in the form")
		}
		// Saving the masked form keeps the password.
		masked := strings.Replace(withPW, "geheim-123", tenant.PasswordMask, 1)
		c.Post("/admin/settings/mail", url.Values{"smtp_url": {masked}, "mail_from": {"Portal <portal@service.test>"}})
		ms, _ := tenant.GetMail(context.Background(), env.DB, ten.ID)
		if ms.SMTPURL != withPW {
			t.Errorf("stored URL %q", ms.SMTPURL)
		}
		if r := c.Post("/admin/settings/mail/test", nil); r.Status != 303 {
			t.Fatalf("test mail: %d", r.Status)
		}
		if !strings.Contains(c.Get("/admin/settings/mail").Body, "wurde verschickt") {
			t.Errorf("test mail not reported as sent")
		}
		got := smtp.WaitFor(t, 1, 5*time.Second)[0]
		if got.User != "portal" || got.To[0] != "boss@service.test" || !strings.Contains(got.Subject, "Test-E-Mail") || got.From != "portal@service.test" {
			t.Errorf("test mail: user %q to %v subject %q from %q", got.User, got.To, got.Subject, got.From)
		}
		co := env.Company(ten, "Kunde AG")
		ct := env.Contact(ten, "via@kunde.test", "", "user", co)
		if err := env.App.Access.Grant(context.Background(), ten, actor, memberships(t, env, ten.ID, ct.ID)[0], "user", "http://x"); err != nil {
			t.Fatal(err)
		}
		env.App.Worker.Wake()
		if got := smtp.WaitFor(t, 2, 10*time.Second)[1]; got.To[0] != "via@kunde.test" {
			t.Errorf("invitation not sent through the tenant's server: %v", got.To)
		}
		// The mask with another server does not carry the stored password over.
		evil := strings.Replace(masked, "127.0.0.1", "evil.test", 1)
		if r := c.Post("/admin/settings/mail", url.Values{"smtp_url": {evil}, "mail_from": {"p@service.test"}}); r.Status != 422 || !strings.Contains(r.Body, "Passwort erneut") {
			t.Errorf("mask with another host: %d", r.Status)
		}
		if r := c.Post("/admin/settings/mail", url.Values{"smtp_url": {"smtp://mail.service.test:587"}}); r.Status != 422 || !strings.Contains(r.Body, "braucht es einen Absender") {
			t.Errorf("own server without sender: %d", r.Status)
		}
		// A server that refuses: the admin gets a clear failure, not a 500.
		if r := c.Post("/admin/settings/mail", url.Values{"smtp_url": {"smtp://127.0.0.1:1?tls=none"}, "mail_from": {"p@service.test"}}); r.Status != 303 {
			t.Fatalf("save refusing server: %d", r.Status)
		}
		if r := c.Post("/admin/settings/mail/test", nil); r.Status != 200 || !strings.Contains(r.Body, "konnte nicht verschickt werden") {
			t.Errorf("failing test mail: %d", r.Status)
		}
	})
}
