package e2e

import (
	"context"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/testutil"
)

// queueWidthJS measures the queue's table against its frame: "" when it fits, else the
// widths; and names a company cell whose words were split mid-letter to make room
// (a cell's height of many lines for a name of two words).
const queueWidthJS = `(() => {
	const wrap = document.querySelector(".table-wrap:has(table.tickets)");
	if (!wrap) return "no queue table";
	if (wrap.scrollWidth > wrap.clientWidth + 1) return "table " + wrap.scrollWidth + " px in a frame of " + wrap.clientWidth + " px";
	if (document.documentElement.scrollWidth > window.innerWidth) return "page " + document.documentElement.scrollWidth + " px wide";
	for (const a of document.querySelectorAll("table.tickets td > a[href^='/admin/companies/']")) {
		const lines = Math.round(a.getBoundingClientRect().height / parseFloat(getComputedStyle(a).lineHeight));
		if (lines > a.textContent.trim().split(/\s+/).length) return "company " + a.textContent + " on " + lines + " lines";
	}
	return "";
})()`

// TestTicketQueueWidth: the back office's ticket queue with the demo tickets fits a
// 1280 px screen without scrolling sideways in German, English, French and Hebrew, and
// a 375 px phone shows it as cards no wider than the screen.
func TestTicketQueueWidth(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		if _, err := demo.Load(context.Background(), env.DB, time.Now()); err != nil {
			t.Fatalf("demo data: %v", err)
		}
		browser := startBrowser(t)
		shots := artifactDir(t)
		s := newSession(t, browser, env.Srv.URL, "admin")
		staffLogin(s, a11yAdmin, demo.AdminPassword)
		for _, lang := range []string{"de", "en", "fr", "he"} {
			if lang != "de" {
				s.pickLanguage(lang)
			}
			for _, v := range []viewport{desktop, phone} {
				s.setViewport(v)
				s.open("/admin/tickets", "table.tickets")
				if got := s.eval(queueWidthJS); got != "" {
					s.screenshot(shots, "queue-"+lang+"-"+v.name)
					s.fatalf("queue in %s at %s: %s", lang, v.name, got)
				}
			}
		}
	})
}
