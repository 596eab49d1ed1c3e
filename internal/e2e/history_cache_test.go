package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestSearchKeepsNoPageCopy: the back office's contact search pushes its address into
// the history, and htmx would keep a copy of the page it leaves (names, addresses) in
// the tab's sessionStorage, which outlives the logout and the pages' no-store. The
// copy is not kept; going back still shows the list, loaded afresh.
func TestSearchKeepsNoPageCopy(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Service GmbH")
		env.Contact(ten, contactEmail, contactPass, "main", env.Company(ten, companyName))
		env.Staff(ten, staff.RoleAdmin, adminEmail, adminPassword)

		s := newSession(t, browser, env.Srv.URL, "staff")
		staffLogin(s, adminEmail, adminPassword)
		s.open("/admin/contacts", "#q")
		s.do("search", chromedp.SendKeys(css("#q"), "joerg"))
		for deadline := time.Now().Add(5 * time.Second); !strings.Contains(s.location(), "q=joerg"); time.Sleep(50 * time.Millisecond) {
			if time.Now().After(deadline) {
				s.fatalf("the search did not push its address")
			}
		}
		if kept := s.eval(`Object.keys(sessionStorage).map(k => k + "=" + sessionStorage.getItem(k)).join("\n")`); strings.Contains(kept, contactEmail) {
			s.fatalf("the tab's sessionStorage keeps a copy of the page:\n%.300s", kept)
		}
		s.do("back", chromedp.NavigateBack())
		for deadline := time.Now().Add(5 * time.Second); strings.Contains(s.location(), "q=joerg") || !strings.Contains(s.body(), contactEmail); time.Sleep(50 * time.Millisecond) {
			if time.Now().After(deadline) {
				s.fatalf("going back does not show the list again")
			}
		}
	})
}
