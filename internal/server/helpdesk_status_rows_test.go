package server_test

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestHelpdeskStatusRows: each built-in status is named as a label in the staff's
// wording (waiting for the customer, with what customers read beside it), not only as
// a placeholder; "always active" stands in that line, not inside the row's checkbox,
// so every row holds the same fields and its save button lines up with the others.
func TestHelpdeskStatusRows(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		adm := d.env.Client("desk.test")
		adm.AdminLogin("agent@desk.test", "agent-password")
		r := adm.Get("/admin/settings/helpdesk")
		if r.Status != 200 {
			t.Fatalf("helpdesk settings: %d", r.Status)
		}
		page := html.UnescapeString(r.Body)
		rows := regexp.MustCompile(`(?s)<form class="settings-row" method="post" action="/admin/settings/helpdesk/statuses/\d+".*?</form>`).FindAllString(page, -1)
		if len(rows) < 7 {
			t.Fatalf("%d status rows", len(rows))
		}
		var waiting, required int
		for _, row := range rows {
			title := regexp.MustCompile(`(?s)<p class="settings-row-title"[^>]*>(.*?)</p>`).FindStringSubmatch(row)
			if title == nil {
				t.Errorf("a built-in status without its name line:\n%.300s", row)
				continue
			}
			if strings.Contains(title[1], "Eingebaut: Wartet auf Antwort des Kunden") {
				waiting++
				if !strings.Contains(title[1], "Kunden lesen „Wartet auf Ihre Antwort“") ||
					!strings.Contains(row, `placeholder="Wartet auf Antwort des Kunden"`) {
					t.Errorf("waiting row: %s", title[1])
				}
			}
			if strings.Contains(title[1], "Immer aktiv") {
				required++
			}
			if strings.Contains(row, `<p class="hint" id=`) && strings.Contains(row, "Immer aktiv") &&
				!strings.Contains(title[1], "Immer aktiv") {
				t.Error("always-active hint inside the checkbox")
			}
			if strings.Count(row, `aria-describedby`) > strings.Count(row, "<input")+strings.Count(row, "<select") {
				t.Error("a field described twice")
			}
		}
		if waiting != 1 || required < 5 {
			t.Errorf("waiting rows %d, always-active rows %d", waiting, required)
		}
	})
}
