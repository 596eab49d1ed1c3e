package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/i18n"
	"pforte/internal/testutil"
)

// phone390 is the phone the second QA round used.
var phone390 = viewport{name: "phone 390", width: 390, height: 844, mobile: true}

// headerJS describes the header on a phone: its height, each picker's label when it
// is visible (its text) or "hidden", and whether the navigation row scrolls with the
// shadow that says so.
const headerJS = `(() => {
	const label = id => {
		const l = document.querySelector('label[for="' + id + '"]');
		if (!l) return "none";
		const r = l.getBoundingClientRect();
		return r.width > 8 && r.height > 8 && r.left >= 0 && r.right <= innerWidth && l.checkVisibility() ? l.innerText.trim() : "hidden";
	};
	const ul = document.querySelector(".mainnav ul");
	const scrolls = ul.scrollWidth > ul.clientWidth + 1;
	const cue = getComputedStyle(ul).backgroundImage.includes("radial-gradient");
	return JSON.stringify({H: Math.round(document.querySelector("header.topbar").getBoundingClientRect().height),
		Company: label("switch-company"), Lang: label("switch-lang"), Scrolls: scrolls, Cue: cue});
})()`

// headerInfo is what headerJS reports.
type headerInfo struct {
	H             int
	Company, Lang string
	Scrolls, Cue  bool
}

// header reads the page's header with headerJS.
func (s *session) header() headerInfo {
	s.t.Helper()
	var h headerInfo
	if err := json.Unmarshal([]byte(s.eval(headerJS)), &h); err != nil {
		s.fatalf("read the header: %v", err)
	}
	return h
}

// visibleJS is whether the element with the given id is rendered (not folded away).
func visibleJS(id string) string {
	return `(() => { const el = document.getElementById(` + strconv.Quote(id) + `); return el && el.checkVisibility() ? "yes" : "no"; })()`
}

// TestPhoneHeaderFiltersFiles: on a 390 px phone the portal's header names its two
// pickers ("Firma", "Sprache") and stays compact, its navigation row shows that it
// scrolls; the ticket list's filters are folded behind "Filter" so the first ticket
// is on the first screen, open once a filter is in force and always shown on a
// desktop; the back office's queue folds the same way. The file input has a button
// and status in the page's language, and the native input still takes the files.
func TestPhoneHeaderFiltersFiles(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		if _, err := demo.Load(context.Background(), env.DB, time.Now()); err != nil {
			t.Fatalf("demo data: %v", err)
		}
		browser := startBrowser(t)
		shots := artifactDir(t)
		c := newSession(t, browser, env.Srv.URL, "contact")
		contactLogin(c, a11yContact, demo.ContactPassword, a11yCompany)
		c.setViewport(phone390)
		c.open("/tickets", "main table")
		l := i18n.For(c.lang())
		want := headerInfo{Company: l.T("qa2_layout.company"), Lang: l.T("layout.language"), Scrolls: true, Cue: true}
		if h := c.header(); h.H > 145 || h.Company != want.Company || h.Lang != want.Lang || !h.Scrolls || !h.Cue {
			c.fatalf("phone header: %+v, want %+v at most 145 px high", h, want)
		}
		if c.eval(visibleJS("f-q")) != "no" {
			c.fatalf("ticket filters not folded on a phone")
		}
		top := c.eval(`String(Math.round(document.querySelector("main table tbody tr").getBoundingClientRect().top))`)
		if n, err := strconv.Atoi(top); err != nil || n > 400 {
			c.fatalf("first ticket starts at %s px, below the first half of the screen", top)
		}
		c.viewportShot(shots, "qa2-phone-tickets-"+string(e))
		c.open("/tickets?state=all", "main table")
		if c.eval(visibleJS("f-q")) != "yes" {
			c.fatalf("filters folded although one is in force")
		}
		c.setViewport(desktop)
		c.open("/tickets", "main table")
		if c.eval(visibleJS("f-q")) != "yes" || c.eval(`document.querySelector("details.filter-box > summary").checkVisibility() ? "shown" : ""`) != "" {
			c.fatalf("desktop: filters folded")
		}

		c.setViewport(phone390)
		c.open("/tickets/new", "label.file-pick")
		if got, want := c.text(`label.file-pick[for="f-files"]`), l.T("qa2_layout.file_choose_many"); got != want {
			c.fatalf("file button %q, want %q", got, want)
		}
		if got, want := c.text(`[data-file-status="f-files"]`), l.T("qa2_layout.file_none"); got != want {
			c.fatalf("file status %q, want %q", got, want)
		}
		if c.eval(`document.getElementById("f-files").focus(), document.activeElement.id`) != "f-files" {
			c.fatalf("the native file input is not focusable")
		}
		file := filepath.Join(t.TempDir(), "fehlerbild.txt")
		if err := os.WriteFile(file, []byte("Fehler"), 0o644); err != nil {
			t.Fatal(err)
		}
		c.do("choose a file", chromedp.SetUploadFiles(css("#f-files"), []string{file}))
		if got := c.text("ul[data-file-names]"); got != "fehlerbild.txt" {
			c.fatalf("chosen file listed as %q", got)
		}
		c.viewportShot(shots, "qa2-phone-file-"+string(e))

		a := newSession(t, browser, env.Srv.URL, "admin")
		staffLogin(a, a11yAdmin, demo.AdminPassword)
		a.setViewport(phone390)
		a.open("/admin/tickets", "main table")
		want = headerInfo{Company: "none", Lang: l.T("layout.language"), Scrolls: true, Cue: true}
		if h := a.header(); h.H > 145 || h.Company != want.Company || h.Lang != want.Lang || !h.Scrolls || !h.Cue {
			a.fatalf("back office phone header: %+v, want %+v at most 145 px high", h, want)
		}
		if a.eval(visibleJS("fq")) != "no" {
			a.fatalf("queue filters not folded on a phone")
		}
		a.open("/admin/tickets?priority=4", "main")
		if a.eval(visibleJS("fq")) != "yes" {
			a.fatalf("queue filters folded although one is in force")
		}
		a.viewportShot(shots, "qa2-phone-queue-"+string(e))
	})
}
