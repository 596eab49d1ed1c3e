package e2e

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/testutil"
)

// navCurrentJS is "" when the navigation's entry for the current page lies inside the
// row that shows it, else where it is and what the row shows.
const navCurrentJS = `(() => {
	const ul = document.querySelector(".mainnav ul");
	const a = ul && ul.querySelector("a[aria-current]");
	if (!a) return "no current entry";
	const box = ul.getBoundingClientRect(), r = a.getBoundingClientRect();
	if (r.left >= box.left - 1 && r.right <= box.right + 1) return "";
	return JSON.stringify(a.textContent.trim()) + " at " + Math.round(r.left) + "–" + Math.round(r.right) +
		" px, the row shows " + Math.round(box.left) + "–" + Math.round(box.right);
})()`

// directionJS is the computed direction of the first element matching sel.
func directionJS(sel string) string {
	return `(() => { const el = document.querySelector(` + strconv.Quote(sel) + `); return el ? getComputedStyle(el).direction : "missing"; })()`
}

// TestPhoneNavAndForeignText: on a 375 px phone, in English and in Hebrew, the
// navigation row shows the entry of the page one is on (it opened at its start, so on
// Settings, Audit log or My account the marked entry was out of sight) and no page is
// wider than the phone. In the Hebrew back office a German article's Markdown box and
// its preview read left to right (they were right to left: the table's columns came
// out mirrored and "Intervalle:" as ":Intervalle"), and the back link's arrow points
// back, to the right.
func TestPhoneNavAndForeignText(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		if _, err := demo.Load(context.Background(), env.DB, time.Now()); err != nil {
			t.Fatalf("demo data: %v", err)
		}
		browser := startBrowser(t)
		shots := artifactDir(t)

		a := newSession(t, browser, env.Srv.URL, "admin")
		staffLogin(a, a11yAdmin, demo.AdminPassword)
		a.setViewport(phone)
		article := a.linkFrom("/admin/kb", `^/admin/kb/articles/\d+$`)
		german := article + "/translations/de"
		c := newSession(t, browser, env.Srv.URL, "contact")
		contactLogin(c, a11yContact, demo.ContactPassword, a11yCompany)
		c.setViewport(phone)

		for _, lang := range []string{"en", "he"} {
			a.pickLanguage(lang)
			c.pickLanguage(lang)
			for _, w := range []struct {
				s     *session
				paths []string
			}{
				{a, []string{"/admin/settings", "/admin/audit", "/admin/staff", german}},
				{c, []string{"/account", "/settings"}},
			} {
				for _, p := range w.paths {
					w.s.open(p, "main h1")
					w.s.expectLang(lang)
					if got := w.s.eval(navCurrentJS); got != "" {
						w.s.viewportShot(shots, "phone-nav-"+lang+"-"+string(e))
						w.s.fatalf("%s in %s at 375 px: current entry out of sight: %s", p, lang, got)
					}
					if got := w.s.eval(overflowJS); got != "" {
						t.Errorf("%s in %s at 375 px: %s", p, lang, got)
					}
				}
			}
		}

		a.open(german, "#f-body")
		if got := a.eval(directionJS("#f-body")); got != "ltr" {
			a.fatalf("German Markdown on a Hebrew page: direction %q", got)
		}
		a.do("preview", chromedp.Click(css(`button[name="action"][value="preview"]`)), chromedp.WaitVisible(css("#md-preview .prose")))
		if got := a.eval(directionJS("#md-preview .prose")); got != "ltr" {
			a.fatalf("German preview on a Hebrew page: direction %q", got)
		}
		a.viewportShot(shots, "phone-he-kb-text-"+string(e))
		const arrow = `(() => { const i = document.querySelector("main a .icon-dir"); return i ? getComputedStyle(i).transform : "no arrow"; })()`
		if got := a.eval(arrow); got != "matrix(-1, 0, 0, 1, 0, 0)" {
			a.fatalf("back link's arrow on a Hebrew page: %s", got)
		}
	})
}
