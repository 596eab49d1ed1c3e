package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestMailTestShowsError: a test mail to a server that refuses the connection names the
// server's error beside the failure (so the admin sees what to change), and the page
// never shows the SMTP password.
func TestMailTestShowsError(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		c := env.Client("")
		c.AdminLogin("boss@service.test", "boss-password")
		if r := c.Post("/admin/settings/mail", url.Values{"smtp_url": {"smtp://portal:geheim-77@127.0.0.1:1?tls=none"}, "mail_from": {"p@service.test"}}); r.Status != 303 {
			t.Fatalf("save: %d", r.Status)
		}
		r := c.Post("/admin/settings/mail/test", nil)
		if r.Status != 200 || !strings.Contains(r.Body, "konnte nicht verschickt werden") || !strings.Contains(r.Body, "127.0.0.1:1") ||
			!strings.Contains(r.Body, "connection refused") {
			t.Fatalf("failing test mail: %d, body lacks the server's error", r.Status)
		}
		if strings.Contains(r.Body, "geheim-77") {
			t.Errorf("the SMTP password is shown")
		}
	})
}
