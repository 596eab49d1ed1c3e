package e2e

import (
	"context"
	"net/smtp"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestHelpdeskJourney: a contact opens a ticket with an attachment; staff get the mail
// and reply in the back office; the contact gets the reply by mail and answers it by
// mail through the SMTP listener; the answer appears in the ticket; staff resolve it,
// and the contact cannot reopen it because the provider forbids reopening.
func TestHelpdeskJourney(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		shots := artifactDir(t)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, companyName)
		env.Contact(ten, contactEmail, contactPass, "main", co)
		env.Staff(ten, staff.RoleAdmin, adminEmail, adminPassword)
		if err := tenant.SetSupportAddresses(ctx, env.DB, ten.ID, []string{"support@service.test"}, time.Now()); err != nil {
			t.Fatal(err)
		}
		tenant.SetTicketRules(ctx, env.DB, ten.ID, tenant.TicketRules{Reopen: false, UploadLimitMB: 5})
		addr := env.ListenInbound()
		file := filepath.Join(t.TempDir(), "fehlerbild.png")
		os.WriteFile(file, append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 900)...), 0o600)

		// The contact opens a ticket with an attachment.
		c := newSession(t, browser, env.Srv.URL, "contact")
		login(c, contactEmail, contactPass)
		c.clickTo(`nav a[href="/tickets"]`, ".page-head")
		c.clickTo(`a[href="/tickets/new"]`, "#f-title")
		// A title of spaces passes the browser's check but not the server's: the form
		// comes back with the chosen file kept (web/kept_files.go), not to be chosen again.
		c.fill("title", "   ")
		c.do("describe", chromedp.SendKeys(css("#f-body"), "Seit heute Morgen kommt nur ein leeres Blatt."))
		c.do("attach file", chromedp.SetUploadFiles(css("#f-files"), []string{file}))
		c.clickTo(`form[action="/tickets"] button[type=submit]`, ".staged-files")
		if !strings.Contains(c.body(), "Angehängt: fehlerbild.png") {
			c.fatalf("the refused form does not list the chosen file")
		}
		c.fill("title", "Drucker im Lager druckt nicht")
		c.screenshot(shots, string(e)+"-ticket-new")
		c.clickTo(`form[action="/tickets"] button[type=submit]`, ".conversation")
		if b := c.body(); !strings.Contains(b, "Drucker im Lager druckt nicht") || !strings.Contains(b, "fehlerbild.png") {
			c.fatalf("ticket page lacks title or attachment")
		}
		id := strings.TrimPrefix(c.path(), "/tickets/")

		// Staff get the mail and reply in the back office.
		waitForMail(t, env, adminEmail, regexp.MustCompile(`leeres Blatt`))
		s := newSession(t, browser, env.Srv.URL, "staff")
		staffLogin(s, adminEmail, adminPassword)
		s.open("/admin/tickets", "table")
		s.clickTo(`a[href="/admin/tickets/`+id+`"]`, "#f-body")
		s.do("reply", chromedp.SendKeys(css("#f-body"), "Bitte prüfen Sie, ob Toner eingelegt ist."))
		s.clickTo(`form[action$="/reply"] button[type=submit]`, ".flash")
		s.screenshot(shots, string(e)+"-ticket-staff")

		// The contact is mailed and answers by mail.
		waitForMail(t, env, contactEmail, regexp.MustCompile(`Toner`))
		var replyTo, text string
		env.DB.QueryRow(ctx, `SELECT reply_to, text_body FROM mails WHERE to_addr = ? ORDER BY id DESC LIMIT 1`, contactEmail).Scan(&replyTo, &text)
		if !strings.HasPrefix(replyTo, "support+") {
			t.Fatalf("reply address %q", replyTo)
		}
		mail := "From: Joerg <" + contactEmail + ">\r\nTo: " + replyTo + "\r\nSubject: Re: Drucker\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n\r\nToner war leer, jetzt geht es wieder.\r\n\r\n" + text
		if err := smtp.SendMail(addr, nil, contactEmail, []string{replyTo}, []byte(mail)); err != nil {
			t.Fatal(err)
		}
		c.open("/tickets/"+id, ".conversation")
		if b := c.text(".conversation"); !strings.Contains(b, "Toner war leer") || strings.Contains(b, "Please type your reply") {
			c.fatalf("mail answer missing or untrimmed: %q", b)
		}

		// Staff resolve; the contact cannot reopen.
		resolved, _ := ticket.StatusByCode(ctx, env.DB, ten.ID, ticket.CodeResolved)
		s.open("/admin/tickets/"+id, "#f-body")
		s.do("choose resolved", chromedp.SetValue(css(`form[action$="/status"] select[name=status]`), strconv.FormatInt(resolved.ID, 10)))
		s.clickTo(`form[action$="/status"] button[type=submit]`, ".flash")
		c.open("/tickets/"+id, ".conversation")
		c.screenshot(shots, string(e)+"-ticket-resolved")
		if n := c.eval(`String(document.querySelectorAll('form[action$="/reopen"], form[action$="/reply"]').length)`); n != "0" {
			c.fatalf("resolved ticket offers %s reopen/reply forms although reopening is off", n)
		}
		if b := c.body(); !strings.Contains(b, "Gelöst") {
			c.fatalf("status not shown as resolved")
		}
	})
}
