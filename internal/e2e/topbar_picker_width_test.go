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

// pickerRoomJS names each picker of the top bar (language, company) whose select is too
// narrow to show the chosen entry: the text's width in the select's font against the
// select's inner width less the arrow. "" when every picker shows its entry in full.
const pickerRoomJS = `(() => {
	const out = [];
	for (const s of document.querySelectorAll(".topbar-pick select")) {
		const cs = getComputedStyle(s);
		const c = document.createElement("canvas").getContext("2d");
		c.font = cs.font;
		const text = s.options[s.selectedIndex].text;
		const need = Math.ceil(c.measureText(text).width);
		const room = Math.floor(s.clientWidth - parseFloat(cs.paddingInlineStart) - parseFloat(cs.paddingInlineEnd) - 16);
		if (room < need) out.push(s.id + " shows " + JSON.stringify(text) + " in " + room + " px, needs " + need);
	}
	if (document.documentElement.scrollWidth > window.innerWidth) out.push("page " + document.documentElement.scrollWidth + " px wide");
	return out.join("; ");
})()`

// TestTopbarPickerWidth: on a phone the language picker shows the whole language name,
// also when the portal's name is short enough for the picker to squeeze in beside it
// (a new tenant is called "Pforte": "Deutsch" showed as "Deutsc", on a 414 px phone the
// login page showed "Deu"). The contact of two companies sees the whole company name at
// 375 px, where the company picker has a row of its own.
func TestTopbarPickerWidth(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		if _, err := demo.Load(ctx, env.DB, time.Now()); err != nil {
			t.Fatalf("demo data: %v", err)
		}
		browser := startBrowser(t)
		shots := artifactDir(t)
		widths := []int64{320, 375, 414, 600}
		check := func(s *session, what string) {
			s.t.Helper()
			for _, w := range widths {
				s.setViewport(viewport{name: "phone", width: w, height: 812, mobile: true})
				s.do("reload", chromedp.Reload())
				if got := s.eval(pickerRoomJS); got != "" {
					s.screenshot(shots, "picker-"+what+"-"+strconv.FormatInt(w, 10))
					s.fatalf("%s at %d px: %s", what, w, got)
				}
			}
		}
		for _, title := range []string{"", "Pforte"} { // the demo's name, then a new tenant's
			if _, err := env.DB.Exec(ctx, `UPDATE tenants SET brand_title = ?`, title); err != nil {
				t.Fatalf("brand title: %v", err)
			}
			visitor := newSession(t, browser, env.Srv.URL, "visitor "+title)
			visitor.open("/login", "#switch-lang")
			check(visitor, "login page "+title)

			anna := newSession(t, browser, env.Srv.URL, "anna "+title)
			login(anna, "anna@mueller-haustechnik.de", demo.ContactPassword)
			check(anna, "home "+title)
			anna.pickLanguage("en") // "Log out" is shorter than "Abmelden"
			check(anna, "home en "+title)
			anna.pickLanguage("de")

			thomas := newSession(t, browser, env.Srv.URL, "thomas "+title)
			contactLogin(thomas, a11yContact, demo.ContactPassword, a11yCompany)
			thomas.setViewport(phone)
			thomas.do("reload", chromedp.Reload())
			if got := thomas.eval(pickerRoomJS); got != "" {
				thomas.screenshot(shots, "picker-thomas-"+title)
				thomas.fatalf("two companies at 375 px: %s", got)
			}
		}
	})
}
