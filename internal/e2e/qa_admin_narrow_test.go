package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestNarrowAdminTables: on a phone the download folders and an article's texts turn
// into one card per row like the other back-office lists. As plain tables they were
// wider than the screen inside their scroll box: the folder rows grew tall around a
// squeezed "Edit folder" column out of sight, the article's title broke after every
// few letters and its date was cut off.
func TestNarrowAdminTables(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Demo Service GmbH")
		env.Staff(ten, "agent", "agent@demo-service.test", "agent-password-2026")
		s := newSession(t, browser, env.Srv.URL, "agent")
		staffLogin(s, "agent@demo-service.test", "agent-password-2026")

		s.open("/admin/downloads", "#f-name")
		s.fill("name", "Handbücher & Anleitungen")
		s.clickTo(`form[action="/admin/downloads/folders"] button[type="submit"]`, ".flash.success")
		s.open("/admin/kb/new", "#f-title")
		s.fill("title", "Erste Schritte im Kundenportal")
		s.do("type the text", chromedp.SendKeys(css("#f-body"), "So melden Sie sich an."))
		s.clickTo(`button[name="action"][value="save"]`, ".flash.success")
		article := s.path()

		s.setViewport(phone)
		const tooWide = `[...document.querySelectorAll("main .table-wrap")].filter(w => w.scrollWidth > w.clientWidth + 1).length`
		for _, p := range []string{"/admin/downloads", article} {
			s.open(p, "main table")
			if n := s.eval(`String(` + tooWide + `)`); n != "0" {
				s.fatalf("%s on a phone: %s tables wider than their box", p, n)
			}
		}
	})
}

// TestPhoneAccountLink: on a phone the staff member's name in the top bar stays a
// visible link to "My account". The back office has no "My account" in its
// navigation, so hiding the name (as the portal does, whose navigation has it) left
// no way to the password, two-factor and signature settings.
func TestPhoneAccountLink(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Demo Service GmbH")
		env.Staff(ten, "agent", "agent@demo-service.test", "agent-password-2026")
		s := newSession(t, browser, env.Srv.URL, "agent")
		staffLogin(s, "agent@demo-service.test", "agent-password-2026")
		s.setViewport(phone)
		s.open("/admin/", "main h1")
		const shown = `(() => { const a = document.querySelector('.topbar a[href="/admin/account"]');
			if (!a) return "missing"; const r = a.getBoundingClientRect();
			return r.width > 20 && r.height > 10 && getComputedStyle(a).clipPath === "none" ? "shown" : "hidden " + r.width; })()`
		if got := s.eval(shown); got != "shown" {
			s.fatalf("account link on a phone: %s", got)
		}
		s.clickTo(`.topbar a[href="/admin/account"]`, "#f-signature")
	})
}
