package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/testutil"
)

// TestRightToLeft: a contact picks Hebrew in the header's language picker with the
// keyboard; the page says <html lang="he" dir="rtl">, its layout is mirrored (brand on
// the right, the tools on the left, headings aligned right, sideways icons turned), the
// choice survives a reload, and a screenshot goes to the test artifacts.
func TestRightToLeft(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Demo Service GmbH")
		env.Contact(ten, contactEmail, contactPass, "main", env.Company(ten, companyName))

		c := newSession(t, browser, env.Srv.URL, "contact")
		login(c, contactEmail, contactPass)
		c.expectLang("de")
		c.expectPickerLists(i18n.Languages)
		ltr := c.layout()
		if ltr.Dir != "ltr" || !(ltr.Brand.Left < ltr.Tools.Left) {
			c.fatalf("German page is not left to right: %+v", ltr)
		}

		c.do("pick Hebrew with the keyboard",
			chromedp.SetValue(css("#switch-lang"), "he"),
			chromedp.Focus(css(`#switch-lang ~ button[type="submit"]`)))
		c.follow("press Enter on the language button", chromedp.KeyEvent(kb.Enter), "main .tiles")
		c.expectLang("he")
		c.open("/", "main .tiles") // the choice is the contact's setting now
		c.expectLang("he")

		rtl := c.layout()
		switch {
		case rtl.Dir != "rtl":
			c.fatalf(`<html dir=%q>, want "rtl"`, rtl.Dir)
		case rtl.Brand.Right < rtl.Width*3/4:
			c.fatalf("brand not on the right: %+v in a %v px window", rtl.Brand, rtl.Width)
		case !(rtl.Tools.Right < rtl.Brand.Left):
			c.fatalf("header tools %+v not left of the brand %+v", rtl.Tools, rtl.Brand)
		case rtl.Heading.Right < rtl.Width*3/4 || rtl.Heading.Left < ltr.Heading.Left:
			c.fatalf("heading text not aligned right: %+v (left to right: %+v)", rtl.Heading, ltr.Heading)
		case rtl.Icon != "matrix(-1, 0, 0, 1, 0, 0)":
			c.fatalf("sideways icon not turned: transform %q", rtl.Icon)
		}
		c.viewportShot(artifactDir(t), "rtl-"+string(e))
	})
}

// viewportShot saves a PNG of the window as dir/name.png and logs its path. Not the
// full-page capture of screenshot: Chromium places a right-to-left page off by the
// scrollbar-free width there (the page is cut on the right, blank on the left), while
// the window capture shows what a person sees.
func (s *session) viewportShot(dir, name string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		s.fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(dir, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		s.t.Fatalf("write screenshot: %v", err)
	}
	s.t.Logf("screenshot: %s", p)
}

// box is an element's bounding box in CSS pixels.
type box struct{ Left, Right float64 }

// layout is what the right-to-left check measures on a page.
type layout struct {
	Dir     string
	Width   float64
	Brand   box    // the brand link at the start of the header
	Tools   box    // the header's tools (pickers, logout) at its end
	Heading box    // the text of the page's h1, not its full-width block
	Icon    string // computed transform of an element with class icon-dir
}

// layout measures the page.
func (s *session) layout() layout {
	s.t.Helper()
	const js = `(() => {
		const b = (el) => { const r = el.getBoundingClientRect(); return {Left: r.left, Right: r.right}; };
		const h1 = document.querySelector("main h1");
		const range = document.createRange();
		range.selectNodeContents(h1);
		const icon = document.createElement("span");
		icon.className = "icon-dir";
		icon.textContent = "\u2192";
		document.body.appendChild(icon);
		const transform = getComputedStyle(icon).transform;
		icon.remove();
		return JSON.stringify({
			Dir: getComputedStyle(document.documentElement).direction,
			Width: document.documentElement.clientWidth,
			Brand: b(document.querySelector(".topbar .brand")),
			Tools: b(document.querySelector(".topbar-tools")),
			Heading: b(range),
			Icon: transform,
		});
	})()`
	var l layout
	if err := json.Unmarshal([]byte(s.eval(js)), &l); err != nil {
		s.fatalf("measure the layout: %v", err)
	}
	return l
}

// expectPickerLists fails unless the header's language picker offers exactly langs,
// each in its own name and marked with its language.
func (s *session) expectPickerLists(langs []string) {
	s.t.Helper()
	var got []struct{ Value, Label, Lang string }
	raw := s.eval(`JSON.stringify([...document.querySelectorAll("#switch-lang option")].map(o => ({Value: o.value, Label: o.textContent, Lang: o.lang})))`)
	if err := json.Unmarshal([]byte(raw), &got); err != nil || len(got) != len(langs) {
		s.fatalf("language picker offers %s, want %v", raw, langs)
	}
	for i, l := range langs {
		if got[i].Value != l || got[i].Label != i18n.Names[l] || got[i].Lang != l {
			s.fatalf("language picker option %d is %+v, want %s %q", i, got[i], l, i18n.Names[l])
		}
	}
}
