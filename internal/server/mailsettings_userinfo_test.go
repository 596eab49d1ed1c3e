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

// TestTenantSMTPLoginAsTyped: an admin types the mail server's login as the provider
// gave it — a user name that is an address and a password with "#", "/", "?" and "@" —
// into the SMTP address. It was refused with the message to use the very form just
// typed; now Pforte encodes the login itself, the test mail logs in with it, and the
// form shows the address with the password masked. An address that names no server
// is still refused, and a correctly encoded one is kept as typed.
func TestTenantSMTPLoginAsTyped(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		smtp := testutil.StartSMTP(t)
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		c := env.Client("")
		c.AdminLogin("boss@service.test", "boss-password")
		server, err := url.Parse(smtp.URL()) // smtp://host:port?tls=none&from=…@…
		if err != nil {
			t.Fatal(err)
		}
		hostPort := server.Host
		const user, password = "portal@service.test", "Xy#9/a?b@c"
		typed := "smtp://" + user + ":" + password + "@" + hostPort + "?" + server.RawQuery
		r := c.Post("/admin/settings/mail", url.Values{"smtp_url": {typed}, "mail_from": {"portal@service.test"}})
		if r.Status != 303 {
			t.Fatalf("save %s: status %d %s", typed, r.Status, errorMsgs(r.Body))
		}
		ms, err := tenant.GetMail(context.Background(), env.DB, ten.ID)
		if err != nil {
			t.Fatal(err)
		}
		u, err := url.Parse(ms.SMTPURL)
		if err != nil {
			t.Fatalf("stored %q: %v", ms.SMTPURL, err)
		}
		if pw, _ := u.User.Password(); u.User.Username() != user || pw != password || u.Host != hostPort || u.Query().Get("tls") != "none" {
			t.Errorf("stored %q: user %q password %q host %q", ms.SMTPURL, u.User.Username(), pw, u.Host)
		}
		form := c.Get("/admin/settings/mail").Body
		if want := `value="smtp://portal%40service.test:********@` + hostPort + `?tls=none`; !strings.Contains(form, want) || strings.Contains(form, "Xy#9") {
			t.Errorf("form does not show %s", want)
		}
		if r := c.Post("/admin/settings/mail/test", nil); r.Status != 303 {
			t.Fatalf("test mail: %d", r.Status)
		}
		if got := smtp.WaitFor(t, 1, 5*time.Second)[0]; got.User != user {
			t.Errorf("test mail logged in as %q", got.User)
		}

		for _, bad := range []string{"smtp://portal:geheim@", "smtp://portal:ge#heim@mail server.test:587"} {
			if r := c.Post("/admin/settings/mail", url.Values{"smtp_url": {bad}, "mail_from": {"portal@service.test"}}); r.Status != 422 ||
				!strings.Contains(r.Body, `id="e-smtp_url"`) {
				t.Errorf("%s: status %d, want the address refused", bad, r.Status)
			}
		}
		encoded := "smtp://portal%40service.test:50%25%23off@mail.service.test:587"
		if r := c.Post("/admin/settings/mail", url.Values{"smtp_url": {encoded}, "mail_from": {"portal@service.test"}}); r.Status != 303 {
			t.Fatalf("save encoded: %d %s", r.Status, errorMsgs(r.Body))
		}
		if ms, _ := tenant.GetMail(context.Background(), env.DB, ten.ID); ms.SMTPURL != encoded {
			t.Errorf("encoded address stored as %q", ms.SMTPURL)
		}
	})
}

// errorMsgs are the field messages of a page, for a failure's report.
func errorMsgs(body string) string {
	var out []string
	for _, part := range strings.Split(body, `class="error-msg"`)[1:] {
		msg, _, _ := strings.Cut(part, "</p>")
		out = append(out, msg)
	}
	return strings.Join(out, " | ")
}
