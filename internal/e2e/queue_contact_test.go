package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestQueueContactChip: from a contact's page with more tickets than it lists, staff
// follow the link to all of them; the queue names the contact in a chip, keeps the
// filter when another one is applied, and the chip's remove link shows every
// contact's tickets again.
func TestQueueContactChip(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Demo Service GmbH")
		co := env.Company(ten, "Müller Haustechnik GmbH")
		anna := env.Contact(ten, "anna@mueller.test", "anna-password-2026", "main", co)
		bob := env.Contact(ten, "bob@mueller.test", "bob-password-2026", "user", co)
		env.Staff(ten, "agent", "agent@demo-service.test", "agent-password-2026")
		ctx, t0 := context.Background(), time.Now().Add(-time.Hour)
		for i := range 12 {
			who := anna
			if i == 11 {
				who = bob
			}
			if _, err := ticket.Create(ctx, env.DB, ticket.New{TenantID: ten.ID, CompanyID: co.ID, ContactID: who.ID,
				Author: who.Name(), Title: fmt.Sprintf("Heizung %02d von %s", i, who.Email), Body: "Text"}, t0.Add(time.Duration(i)*time.Minute)); err != nil {
				t.Fatal(err)
			}
		}
		s := newSession(t, browser, env.Srv.URL, "agent")
		staffLogin(s, "agent@demo-service.test", "agent-password-2026")
		s.open(fmt.Sprintf("/admin/contacts/%d", anna.ID), "#tickets-h")
		s.clickTo(`a[href*="contact=`+fmt.Sprint(anna.ID)+`"][href*="state=all"]`, ".contact-chip")
		if chip := s.text(".contact-chip .chip"); !strings.Contains(chip, anna.Name()) {
			s.fatalf("chip %q, want %q", chip, anna.Name())
		}
		if b := s.body(); strings.Contains(b, "bob@mueller.test") || !strings.Contains(b, "Heizung 00") {
			s.fatalf("filtered queue shows the wrong tickets")
		}
		s.screenshot(artifactDir(t), "queue-contact-"+string(e))
		s.do("choose a priority", chromedp.SetValue(css("#fpriority"), "2"))
		s.clickTo(`form.filters button[type="submit"]`, ".contact-chip")
		if !strings.Contains(s.location(), "contact=") {
			s.fatalf("applying another filter dropped the contact: %s", s.location())
		}
		s.clickTo(".chip-remove", "form.filters")
		if s.eval(`String(document.querySelectorAll(".contact-chip").length)`) != "0" || !strings.Contains(s.body(), "Heizung 11") {
			s.fatalf("removing the chip: %s", s.location())
		}
	})
}
