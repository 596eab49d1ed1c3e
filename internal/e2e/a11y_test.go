package e2e

import (
	"context"
	"net/url"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/testutil"
)

// a11yTimeout bounds the whole accessibility walk of one engine.
const a11yTimeout = 6 * time.Minute

// The demo's main contact of a second company (Bäckerei Schneider KG, with tickets,
// downloads and a colleague) who is a plain user at Müller Haustechnik: the company
// switcher shows on every page.
const (
	a11yContact = "thomas@mueller-haustechnik.de"
	a11yCompany = "Bäckerei Schneider KG"
	a11yAdmin   = "admin@demo-service.de"
)

// TestAccessibility walks every page of the portal and the back office with the demo
// data — as a visitor, as a main contact and as an administrator — and runs axe-core's
// WCAG 2 A/AA rules on each, at desktop width, on a 375 px phone and in Hebrew (right to
// left). Any serious or critical violation fails, listed with page, rule and element;
// so does a page wider than the phone. The keyboard reaches the navigation, the company
// switcher, the language picker and the main buttons with a visible focus. Screenshots
// of each mode go to the artifacts.
func TestAccessibility(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		started := time.Now()
		env := apptest.Start(t, e)
		ctx, now := context.Background(), time.Now()
		if _, err := demo.Load(ctx, env.DB, now); err != nil {
			t.Fatalf("demo data: %v", err)
		}
		if err := demo.LoadDownloads(ctx, env.DB, env.App.Env.Files, now); err != nil {
			t.Fatalf("demo downloads: %v", err)
		}
		// A mail in the outbox: the reset link the contact asks for (a client without a
		// browser's Origin header passes cross-origin protection).
		if r := env.Client("").Post("/password/forgot", url.Values{"email": {a11yContact}}); r.Status >= 400 {
			t.Fatalf("ask for a reset link: %d", r.Status)
		}
		browser := startBrowserFor(t, a11yTimeout)
		audit := newAxeAudit(t)
		shots, prefix := artifactDir(t), "a11y-"+string(e)+"-"

		visitor := newSessionFor(t, browser, env.Srv.URL, "visitor", a11yTimeout)
		c := newSessionFor(t, browser, env.Srv.URL, "contact", a11yTimeout)
		contactLogin(c, a11yContact, demo.ContactPassword, a11yCompany)
		c.expectCSPBlocksInline()
		audit.expectCatches(c)
		a := newSessionFor(t, browser, env.Srv.URL, "admin", a11yTimeout)
		staffLogin(a, a11yAdmin, demo.AdminPassword)
		portal, admin := portalPages(c), adminPages(a)

		for _, v := range []viewport{desktop, phone} {
			audit.walk(visitor, v, publicPages)
			audit.walk(c, v, portal)
			audit.walk(a, v, admin)
			c.open("/", "main .tiles")
			c.screenshot(shots, prefix+v.name+"-portal-home")
			c.open(portal[5], "main") // a ticket
			c.screenshot(shots, prefix+v.name+"-portal-ticket")
			a.open("/admin/", "main")
			a.screenshot(shots, prefix+v.name+"-admin-home")
		}

		c.setViewport(desktop)
		a.setViewport(desktop)
		keyboardChecks(c, a, visitor)
		audit.formChecks(c, a, visitor)

		for _, s := range []*session{c, a} {
			s.pickLanguage("he")
			s.expectLang("he")
		}
		audit.walk(c, desktop, portal)
		// The back office's pages share their parts; in Hebrew, one of each kind.
		audit.walk(a, desktop, matching(admin, `^/admin/$`, `^/admin/tickets(/\d+)?$`, `^/admin/companies/\d+$`,
			`^/admin/contacts/new$`, `^/admin/inbox/\d+$`, `^/admin/kb/articles/\d+$`, `^/admin/downloads/files/\d+$`,
			`^/admin/settings/mails`, `^/admin/audit$`, `^/admin/account$`))
		c.open("/", "main .tiles")
		c.viewportShot(shots, prefix+"hebrew-portal-home")
		a.open("/admin/", "main")
		a.viewportShot(shots, prefix+"hebrew-admin-home")
		audit.walk(c, phone, portal[:3])
		c.screenshot(shots, prefix+"hebrew-mobile-portal-company")

		audit.report()
		t.Logf("accessibility on %s: %v", e, time.Since(started).Round(time.Millisecond))
	})
}

// matching returns the paths that match one of patterns.
func matching(paths []string, patterns ...string) []string {
	var res []string
	for _, p := range paths {
		for _, re := range patterns {
			if regexp.MustCompile(re).MatchString(p) {
				res = append(res, p)
				break
			}
		}
	}
	return res
}

// contactLogin signs a contact of several companies in through the login form and
// picks company on the chooser.
func contactLogin(s *session, email, password, company string) {
	s.t.Helper()
	s.open("/login", "#f-email")
	s.fill("email", email)
	s.fill("password", password)
	s.clickTo(`form[action="/login"] button[type=submit]`, "ul.chooser")
	pick := `(() => {
		for (const l of document.querySelectorAll("ul.chooser label")) {
			if (l.innerText.includes(` + strconv.Quote(company) + `)) { l.querySelector("input").checked = true; return "ok"; }
		}
		return "";
	})()`
	if s.eval(pick) != "ok" {
		s.fatalf("chooser does not offer %s", company)
	}
	s.clickTo(`form[action="/choose"] button[type=submit]`, "main .tiles")
}

// pickLanguage chooses lang in the header's language picker and sends it.
func (s *session) pickLanguage(lang string) {
	s.t.Helper()
	s.do("choose "+lang, chromedp.SetValue(css("#switch-lang"), lang))
	s.clickTo(`form:has(#switch-lang) button[type=submit]`, "main")
}
