package e2e

import (
	"context"
	"net/smtp"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

const inboundJourneyMail = "From: Jonas Wagner <jonas@kunde.test>\r\n" +
	"To: support@service.test\r\n" +
	"Subject: Drucker im 2. OG druckt nur Streifen\r\n" +
	"Message-ID: <e2e-1@kunde.test>\r\n" +
	"Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n" +
	"--B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
	"Hallo,\r\nder Drucker im zweiten Stock druckt seit heute nur noch Streifen.\r\n\r\n" +
	"Am 02.06.2025 um 10:00 schrieb Support <support@service.test>:\r\n> Wie können wir helfen?\r\n" +
	"--B\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"Testseite.pdf\"\r\n" +
	"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n" +
	"--B--\r\n"

// TestInboundMail: an admin enters the support address in the mail settings, a mail to
// it arrives over SMTP, and staff find it in the inbox with the reply text, the quote a
// click away and the attachment to download, and mark it done.
func TestInboundMail(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		shots := artifactDir(t)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, companyName)
		env.DB.Exec(context.Background(), `UPDATE companies SET email_domains = 'kunde.test' WHERE id = ?`, co.ID)
		// Without the helpdesk, mail of a customer's domain waits in the inbox (with the
		// company suggested) instead of opening a ticket.
		tenant.SetModules(context.Background(), env.DB, ten.ID, []string{"knowledge"})
		env.Staff(ten, staff.RoleAdmin, adminEmail, "admin-password-2026")

		s := newSession(t, browser, env.Srv.URL, "admin")
		staffLogin(s, adminEmail, "admin-password-2026")
		s.open("/admin/settings/mail", "#f-support_addresses")
		s.fill("support_addresses", "nicht gültig")
		s.clickTo(`form[action="/admin/settings/mail"] button[type=submit]`, "#e-support_addresses")
		s.fill("support_addresses", "support@service.test")
		s.clickTo(`form[action="/admin/settings/mail"] button[type=submit]`, ".flash.success")

		addr := env.ListenInbound()
		if err := smtp.SendMail(addr, nil, "jonas@kunde.test", []string{"support@service.test"}, []byte(inboundJourneyMail)); err != nil {
			t.Fatal(err)
		}

		s.clickTo(`nav a[href="/admin/inbox"]`, "table.list")
		s.clickTo(`table.list a[href^="/admin/inbox/"]`, "pre.mail")
		body := s.body()
		for _, want := range []string{"Jonas Wagner <jonas@kunde.test>", "der Drucker im zweiten Stock", "Testseite.pdf", companyName} {
			if !strings.Contains(body, want) {
				s.fatalf("inbox item lacks %q:\n%s", want, body)
			}
		}
		if strings.Contains(s.text("section pre.mail"), "Wie können wir helfen") {
			s.fatalf("quoted text not trimmed")
		}
		s.screenshot(shots, string(e)+"-inbound-item")
		// "Mark as done" asks first (it ends the item's actions until reopened): say yes.
		s.eval(`window.confirm = () => true; "ok"`)
		s.clickTo(`form[action$="/done"] button[type=submit]`, ".flash.success")
		s.open("/admin/settings/mail", "#inbound-h")
		s.screenshot(shots, string(e)+"-inbound-log")
		if !strings.Contains(s.body(), "Drucker im 2. OG") {
			s.fatalf("mail settings page lacks the received mail")
		}
	})
}
