package e2e

import (
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestCompanyReportBrowser: a main contact with three tickets follows "Report" from
// the ticket list to the company's figures of the last 30 days, picks another period,
// and reads the page in Hebrew on a phone: right to left, nothing wider than the
// screen (a screenshot goes to the test artifacts).
func TestCompanyReportBrowser(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Demo Service GmbH")
		env.Contact(ten, contactEmail, contactPass, "main", env.Company(ten, companyName))
		hc := env.Client("")
		hc.Login(contactEmail, contactPass)
		for _, title := range []string{"Drucker druckt nicht", "VPN bricht ab", "Neuer Arbeitsplatz"} {
			if r := hc.PostMultipart("/tickets", map[string]string{"title": title, "body": "Bitte prüfen.", "priority": "2"}); r.Status != 303 {
				t.Fatalf("create %q: %d", title, r.Status)
			}
		}

		browser := startBrowser(t)
		c := newSession(t, browser, env.Srv.URL, "contact")
		login(c, contactEmail, contactPass)
		c.open("/tickets", `a[href="/tickets/report"]`)
		c.clickTo(`a[href="/tickets/report"]`, ".report-totals")
		c.expectPath("/tickets/report")
		if got := c.text(".report-totals .report-number"); got != "3" {
			c.fatalf("opened tickets %q, want 3", got)
		}
		if body := c.eval(`document.querySelector("main").textContent`); !strings.Contains(body, "Helpdesk-Auswertung") ||
			!strings.Contains(body, "Eröffnet von") {
			c.fatalf("the German report lacks its heading or the people: %.400s", body)
		}
		c.clickTo(`a[href="/tickets/report?period=last_7"]`, ".report-totals")
		if got := c.eval(`document.querySelector('.report-presets a[aria-current="page"]').getAttribute("href")`); got != "/tickets/report?period=last_7" {
			c.fatalf("current preset %q", got)
		}

		c.pickLanguage("he")
		c.expectLang("he")
		c.setViewport(phone)
		c.open("/tickets/report", ".report-totals")
		if dir := c.eval(`document.documentElement.dir`); dir != "rtl" {
			c.fatalf(`<html dir=%q>, want "rtl"`, dir)
		}
		if w := c.eval(`String(document.documentElement.scrollWidth)`); w != "375" {
			c.screenshot(artifactDir(t), "company-report-he-"+string(e))
			c.fatalf("the Hebrew report is %s px wide on a 375 px phone", w)
		}
		c.viewportShot(artifactDir(t), "company-report-he-"+string(e))
	})
}
