package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestTicketTimeJourney: an agent answers a ticket and types 1:30 as the time spent;
// the ticket's sidebar shows 1 h 30 min in the agent's language. The provider shows
// time to customers, so the contact, reading Danish, sees 1 t 30 min on the ticket
// page of the portal.
func TestTicketTimeJourney(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		shots := artifactDir(t)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, companyName)
		joerg := env.Contact(ten, contactEmail, contactPass, "main", co)
		agent := env.Staff(ten, staff.RoleAgent, adminEmail, adminPassword)
		if err := staff.SetLanguage(ctx, env.DB, ten.ID, agent.ID, "en"); err != nil {
			t.Fatal(err)
		}
		if err := contact.SetLanguage(ctx, env.DB, ten.ID, joerg.ID, "da"); err != nil {
			t.Fatal(err)
		}
		rules := tenant.TicketRules{Reopen: true, UploadLimitMB: 5, TimeBillable: true, TimePortal: true}
		if err := tenant.SetTicketRules(ctx, env.DB, ten.ID, rules); err != nil {
			t.Fatal(err)
		}
		id := openTicketFor(t, env, ten.ID, co.ID, joerg.ID, "Printer offline")

		s := newSession(t, browser, env.Srv.URL, "staff")
		staffLogin(s, adminEmail, adminPassword)
		s.open("/admin/tickets/"+id, "#f-body")
		s.do("reply", chromedp.SendKeys(css("#f-body"), "The printer is back online."))
		s.fill("time", "1:30")
		s.clickTo(`form[action$="/reply"] button[type=submit]`, ".flash")
		if got := s.text("#time-total"); got != "1 h 30 min" {
			s.fatalf("sidebar total %q, want 1 h 30 min", got)
		}
		if got := s.text("#time-billable"); got != "1 h 30 min" {
			s.fatalf("sidebar billable %q", got)
		}
		s.screenshot(shots, string(e)+"-time-staff")

		c := newSession(t, browser, env.Srv.URL, "contact")
		login(c, contactEmail, contactPass)
		c.open("/tickets/"+id, "#time-total")
		if got := c.text("#time-total"); got != "1 t 30 min" {
			c.fatalf("portal total %q, want 1 t 30 min", got)
		}
		if b := c.body(); !strings.Contains(b, "The printer is back online.") {
			c.fatalf("portal lacks the reply")
		}
		c.screenshot(shots, string(e)+"-time-portal")
	})
}

// openTicketFor opens a ticket of the company as its contact would, and gives its id.
func openTicketFor(t *testing.T, env *apptest.Env, tenantID, companyID, contactID int64, title string) string {
	t.Helper()
	n, err := ticket.Create(context.Background(), env.DB, ticket.New{TenantID: tenantID, CompanyID: companyID,
		ContactID: contactID, Author: "Kunde", Title: title, Body: title + ".", Priority: ticket.PriorityNormal}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return strconv.FormatInt(n, 10)
}
