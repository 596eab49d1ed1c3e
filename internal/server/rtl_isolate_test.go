package server_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// isolatedDate is a date and time as web.When writes it on a right-to-left page:
// between Unicode's left-to-right isolate and its end ("⁦23.11.2026, 06:49 CET⁩").
var isolatedDate = regexp.MustCompile("\u2066\\d\\d\\.\\d\\d\\.\\d{4}, \\d\\d:\\d\\d [A-Z]{3,4}\u2069")

// TestRightToLeftValuesIsolated: on Hebrew pages dates, times and file sizes read left
// to right, isolated from the text around them — in the ticket's facts and
// conversation, the ticket list, the home page and the back office's ticket page, in
// <time> elements and bare text alike — and the stylesheet isolates every <time> and
// ticket number (class "ltr") on right-to-left pages. German pages carry no isolates.
func TestRightToLeftValuesIsolated(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		alice := d.as("alice@alpha.test", "alice-password")
		id := d.open(t, alice, "Drucker", apptest.File{Field: "files", Name: "fehler.txt", Data: []byte(strings.Repeat("x", 2048))})
		path := "/tickets/" + itoa64(id)
		if r := alice.Post("/settings/language", url.Values{"language": {"he"}}); r.Status != 303 {
			t.Fatalf("choose Hebrew: %d", r.Status)
		}

		page := alice.Get(path).Body
		if !strings.Contains(page, `<html lang="he" dir="rtl">`) {
			t.Fatalf("not a Hebrew page: %.300s", page)
		}
		// The facts' "opened" and the conversation's message: both <time>, both isolated.
		times := regexp.MustCompile(`<time[^>]*>([^<]*)</time>`).FindAllStringSubmatch(page, -1)
		if len(times) < 2 {
			t.Fatalf("ticket page has %d <time> elements", len(times))
		}
		for _, m := range times {
			if !isolatedDate.MatchString(m[1]) {
				t.Errorf("ticket page: time %q not isolated", m[1])
			}
		}
		if !strings.Contains(page, "\u20662\u00a0KB\u2069") {
			t.Errorf("ticket page: file size not isolated")
		}
		// A size inside a Hebrew sentence ("up to 20 MB each") is isolated by the
		// translation itself; bare, it read "MB 20".
		if body := alice.Get("/tickets/new").Body; !regexp.MustCompile("\u2066\\d+ MB\u2069").MatchString(body) {
			t.Errorf("upload hint: size not isolated")
		}
		for _, p := range []string{"/tickets", "/"} {
			if body := alice.Get(p).Body; !isolatedDate.MatchString(body) || !strings.Contains(body, `<span class="ltr">#`) && p == "/" {
				t.Errorf("%s: no isolated date or ticket number", p)
			}
		}

		// The stylesheet isolates <time> and class "ltr" on right-to-left pages.
		css := alice.Get(web.Asset("css/app.css")).Body
		if !regexp.MustCompile(`\[dir="rtl"\] time, \[dir="rtl"\] \.ltr \{ direction: ltr; unicode-bidi: isolate; \}`).MatchString(css) {
			t.Errorf("stylesheet does not isolate <time> on right-to-left pages")
		}

		// The back office's ticket page writes its dates as bare text: isolated too.
		agent := d.env.Client("desk.test")
		agent.AdminLogin("agent@desk.test", "agent-password")
		if r := agent.Post("/admin/language", url.Values{"language": {"he"}}); r.Status != 303 {
			t.Fatalf("staff choose Hebrew: %d", r.Status)
		}
		staffPage := agent.Get("/admin" + path).Body
		if n := len(isolatedDate.FindAllString(staffPage, -1)); n < 3 { // created, updated, the message
			t.Errorf("back office ticket page: %d isolated dates", n)
		}

		// Left-to-right pages stay as they were.
		if r := alice.Post("/settings/language", url.Values{"language": {"de"}}); r.Status != 303 {
			t.Fatalf("choose German: %d", r.Status)
		}
		if body := alice.Get(path).Body; strings.ContainsAny(body, "\u2066\u2069") {
			t.Errorf("German page carries bidi isolates")
		}
	})
}
