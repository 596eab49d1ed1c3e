package server_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/testutil"
)

// TestSLACardDatesIsolated: in Hebrew the back office's SLA card writes its due times
// ("מועד יעד: …") as left-to-right <bdi> blocks (web.Isolated), so a narrow card no
// longer wraps a date in the middle with its comma beside the label.
func TestSLACardDatesIsolated(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		agent := d.env.Client("desk.test")
		agent.AdminLogin("agent@desk.test", "agent-password")
		if r := agent.Post("/admin/settings/helpdesk/sla", url.Values{"first_2": {"4"}, "resolve_2": {"24"}}); r.Status != 303 {
			t.Fatalf("save targets: %d %.300s", r.Status, r.Body)
		}
		id := d.open(t, d.as("alice@alpha.test", "alice-password"), "Drucker")
		if r := agent.Post("/admin/language", url.Values{"language": {"he"}}); r.Status != 303 {
			t.Fatalf("staff choose Hebrew: %d", r.Status)
		}
		page := agent.Get("/admin/tickets/" + itoa64(id)).Body
		start := strings.Index(page, `id="sla-card-h"`)
		if start < 0 {
			t.Fatalf("no SLA card: %.300s", page)
		}
		card := page[start:]
		card = card[:strings.Index(card, "</section>")]
		// "מועד יעד: " as the translation writes it, before the time.
		due, _, _ := strings.Cut(i18n.For("he").T("sla.card.due", map[string]any{"Time": "\x00"}), "\x00")
		sentence := regexp.MustCompile(regexp.QuoteMeta(due) + `<bdi dir="ltr" class="ltr-run">\d\d\.\d\d\.\d{4}, \d\d:\d\d [A-Z]{3,4}</bdi>`)
		if n := len(sentence.FindAllString(card, -1)); n != 2 { // first response, resolution
			t.Errorf("SLA card: %d due times in a <bdi> block, want 2: %s", n, card)
		}
	})
}

// TestFilterFold: the ticket lists' filter forms sit in a fold that starts closed with
// the default filter (on a phone the stylesheet keeps it shut, above the first ticket)
// and open once a filter is in force, in the portal and in the back office.
func TestFilterFold(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		alice := d.as("alice@alpha.test", "alice-password")
		agent := d.env.Client("desk.test")
		agent.AdminLogin("agent@desk.test", "agent-password")
		const closed, open = `<details class="filter-box"><summary>`, `<details class="filter-box" open><summary>`
		for _, c := range []struct {
			name, path, want string
			get              func(string) string
		}{
			{"portal default", "/tickets", closed, func(p string) string { return alice.Get(p).Body }},
			{"portal state", "/tickets?state=all", open, func(p string) string { return alice.Get(p).Body }},
			{"portal search", "/tickets?q=Drucker", open, func(p string) string { return alice.Get(p).Body }},
			{"portal mine", "/tickets?who=mine", open, func(p string) string { return alice.Get(p).Body }},
			{"queue default", "/admin/tickets", closed, func(p string) string { return agent.Get(p).Body }},
			{"queue paged", "/admin/tickets?page=2", closed, func(p string) string { return agent.Get(p).Body }},
			{"queue priority", "/admin/tickets?priority=4", open, func(p string) string { return agent.Get(p).Body }},
			{"queue overdue", "/admin/tickets?overdue=1", open, func(p string) string { return agent.Get(p).Body }},
			{"queue company search", "/admin/tickets?cq=Alpha", open, func(p string) string { return agent.Get(p).Body }},
		} {
			if body := c.get(c.path); !strings.Contains(body, c.want) {
				t.Errorf("%s (%s): want %q", c.name, c.path, c.want)
			}
		}
	})
}
