package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// tokenRE finds a single-use link's token in a mail or a page.
var tokenRE = mustRE(`/(?:invitation|password/reset|register/confirm)/([A-Za-z0-9_-]{20,})`)

// TestOutboxMasksSecretLinks: every mail that carries a single-use link (contact
// invitation, welcome mail with its set-password link, password reset, registration
// confirmation) shows its token to admins only; an agent sees the mail and its state
// with the token masked, in the list of links, the text part and the HTML part.
func TestOutboxMasksSecretLinks(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "vergesslich@kunde.test", "old-password-1", "user", co)
		if err := tenant.SetFeatures(ctx, env.DB, ten.ID, []string{tenant.FeaturePasswordReset,
			tenant.FeatureRegistration, tenant.FeatureWelcomeMail}); err != nil {
			t.Fatal(err)
		}
		env.Staff(ten, staff.RoleAgent, "agent@service.test", "agent-password")
		env.Staff(ten, staff.RoleAdmin, "admin@service.test", "admin-password")
		agent, adm := env.Client(""), env.Client("")
		agent.AdminLogin("agent@service.test", "agent-password")
		adm.AdminLogin("admin@service.test", "admin-password")

		// Welcome mail with its set-password link: the agent adds a contact.
		if r := agent.Post("/admin/contacts", url.Values{"first_name": {"Neu"}, "last_name": {"Kunde"},
			"email": {"neu@kunde.test"}, "company_id": {id(co.ID)}, "role": {"user"}}); r.Status != 303 {
			t.Fatalf("create contact: %d %.300s", r.Status, r.Body)
		}
		// Password reset.
		c := env.Client("")
		if r := c.Post("/password/forgot", url.Values{"email": {"vergesslich@kunde.test"}}); r.Status != 200 {
			t.Fatalf("forgot: %d", r.Status)
		}
		// Registration confirmation.
		if r := c.Post("/register", registerForm("rita@fremd.test", "Fremd GmbH")); r.Status != 200 {
			t.Fatalf("register: %d", r.Status)
		}
		for _, to := range []string{"neu@kunde.test", "vergesslich@kunde.test", "rita@fremd.test"} {
			_, text := lastMailTo(t, env, to)
			m := tokenRE.FindStringSubmatch(text)
			if m == nil {
				t.Fatalf("no token link in the mail to %s:\n%s", to, text)
			}
			var mailID int64
			env.DB.QueryRow(ctx, `SELECT id FROM mails WHERE to_addr = ? ORDER BY id DESC LIMIT 1`, to).Scan(&mailID)
			r := agent.Get("/admin/outbox/" + id(mailID))
			if r.Status != 200 {
				t.Fatalf("agent opens the mail to %s: %d", to, r.Status)
			}
			if strings.Contains(r.Body, m[1]) {
				t.Errorf("agent reads the token of the mail to %s", to)
			}
			if !strings.Contains(r.Body, outbox.Masked) || !strings.Contains(r.Body, to) {
				t.Errorf("agent's view of the mail to %s lacks the mask or the address", to)
			}
			if r := adm.Get("/admin/outbox/" + id(mailID)); r.Status != 200 || !strings.Contains(r.Body, m[1]) {
				t.Errorf("admin does not read the link of the mail to %s: %d", to, r.Status)
			}
			if !strings.Contains(agent.Get("/admin/outbox").Body, to) {
				t.Errorf("agent's outbox does not list the mail to %s", to)
			}
		}
		// The masked mail was still delivered whole: the link works.
		_, text := lastMailTo(t, env, "vergesslich@kunde.test")
		link := tokenRE.FindString(text)
		if r := env.Client("").Get(link); r.Status != 200 {
			t.Errorf("reset link after the agent looked: %d", r.Status)
		}
		// A tenant's template may put the link into the subject: masked there too.
		secret := "Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3Ab4"
		mailID, err := outbox.Queue(ctx, env.DB, ten.ID, mail.Message{To: "subj@kunde.test",
			Subject: "Link: http://x.test/password/reset/" + secret, Text: "t", HTML: "<p>t</p>"}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(agent.Get("/admin/outbox").Body, secret) || strings.Contains(agent.Get("/admin/outbox/"+id(mailID)).Body, secret) {
			t.Errorf("agent reads a token in a subject")
		}
	})
}

// TestMaskKeepsOrdinaryLinks: ticket, login and article links stay readable.
func TestMaskKeepsOrdinaryLinks(t *testing.T) {
	for _, s := range []string{"https://p.test/tickets/123", "https://p.test/login", "https://p.test/account",
		"https://p.test/kb/wie-richte-ich-das-vpn-auf-windows-elf-ein", "https://p.test/downloads/7"} {
		if outbox.HasSecret(s) {
			t.Errorf("%s masked", s)
		}
	}
	for _, s := range []string{"https://p.test/invitation/abc", "http://p.test/password/reset/x_Y-1",
		"https://p.test/some/new/place/Q2xhc3NpYyB0b2tlbiBsb29rcyBsaWtlIHRoaXMx"} {
		if !outbox.HasSecret(s) {
			t.Errorf("%s not masked", s)
		}
	}
}
