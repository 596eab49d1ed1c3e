package e2e

import (
	"context"
	"net/smtp"
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
)

// TestInboxMailToTicket: a mail from a sender no company knows waits in the inbox; the
// agent searches the company, keeps the sender as a new contact with the name from the
// mail, gives the company the sender's domain and lands on the new ticket, which holds
// the mail's text; the inbox item links to it.
func TestInboxMailToTicket(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		shots := artifactDir(t)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, companyName)
		tenant.SetSupportAddresses(ctx, env.DB, ten.ID, []string{"support@service.test"}, time.Now())
		env.Staff(ten, staff.RoleAdmin, adminEmail, "admin-password-2026")
		addr := env.ListenInbound()
		mail := "From: Nora Neu <nora@neu-kunde.test>\r\nTo: support@service.test\r\nSubject: Server startet nicht\r\n" +
			"Content-Type: text/plain; charset=utf-8\r\n\r\nUnser Server startet seit heute Morgen nicht mehr.\r\n"
		if err := smtp.SendMail(addr, nil, "nora@neu-kunde.test", []string{"support@service.test"}, []byte(mail)); err != nil {
			t.Fatal(err)
		}

		s := newSession(t, browser, env.Srv.URL, "admin")
		staffLogin(s, adminEmail, "admin-password-2026")
		s.open("/admin/inbox", "table.list")
		s.clickTo(`table.list a[href^="/admin/inbox/"]`, "#sort-h")
		item := s.path()
		s.do("search the company", chromedp.SendKeys(css("#cq"), strings.Fields(companyName)[0]))
		s.clickTo(`#sort form[role=search] button[type=submit]`, "#f-company")
		s.do("choose the company", chromedp.SetValue(css("#f-company"), strconv.FormatInt(co.ID, 10)))
		s.clickTo(`#sort form:not([role]) button[type=submit]`, "#f-contact_id")
		if got := s.eval(`document.querySelector("#f-first_name").value + " " + document.querySelector("#f-last_name").value`); got != "Nora Neu" {
			s.fatalf("name from the mail: %q", got)
		}
		s.do("give the domain", chromedp.Click(css("#f-add_domain")))
		s.screenshot(shots, string(e)+"-inbox-to-ticket")
		s.clickTo(`form[action$="/ticket"] button[type=submit]`, ".flash.success")
		if !strings.HasPrefix(s.path(), "/admin/tickets/") || !strings.Contains(s.body(), "Unser Server startet") {
			s.fatalf("not on the new ticket")
		}
		ticketPath := s.path()
		s.open(item, "dl.details")
		if s.eval(`document.querySelector('a[href="`+ticketPath+`"]') ? "yes" : "no"`) != "yes" {
			s.fatalf("the done item does not link to %s", ticketPath)
		}
		var domains string
		env.DB.QueryRow(ctx, `SELECT email_domains FROM companies WHERE id = ?`, co.ID).Scan(&domains)
		if domains != "neu-kunde.test" {
			t.Errorf("company domains %q", domains)
		}
	})
}
