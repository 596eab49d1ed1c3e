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

// TestSentenceDatesIsolated: in Hebrew the back office writes the dates inside its
// sentences as left-to-right <bdi> blocks (web.Isolated): the queue's follow-up badge,
// the follow-up in the ticket's history, the company note's "last changed" line and the
// audit log's range. Without them a narrow column broke a date beside its label.
func TestSentenceDatesIsolated(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		agent := d.env.Client("desk.test")
		agent.AdminLogin("agent@desk.test", "agent-password")
		id := d.open(t, d.as("alice@alpha.test", "alice-password"), "Drucker")
		if r := agent.Post("/admin/tickets/"+itoa64(id)+"/followup", url.Values{"when": {"tomorrow"}}); r.Status != 303 {
			t.Fatalf("follow-up: %d %.300s", r.Status, r.Body)
		}
		company := "/admin/companies/" + itoa64(d.a.ID)
		if r := agent.Post(company+"/note", url.Values{"note": {"VIP"}}); r.Status != 303 {
			t.Fatalf("company note: %d", r.Status)
		}
		if r := agent.Post("/admin/language", url.Values{"language": {"he"}}); r.Status != 303 {
			t.Fatalf("staff choose Hebrew: %d", r.Status)
		}
		he := i18n.For("he")
		// before is a Hebrew sentence's text up to its value, as the page escapes it.
		before := func(id, field string) string {
			s, _, _ := strings.Cut(he.T(id, map[string]any{field: "\x00", "Actor": "\x01", "Name": "\x01"}), "\x00")
			if _, rest, ok := strings.Cut(s, "\x01"); ok {
				s = rest
			}
			return regexp.QuoteMeta(s)
		}
		const day, moment = `\d\d\.\d\d\.\d{4}`, `\d\d\.\d\d\.\d{4}, \d\d:\d\d [A-Z]{3,4}`
		bdi := func(v string) string { return `<bdi dir="ltr" class="ltr-run">` + v + `</bdi>` }
		for _, c := range []struct{ name, path, want string }{
			{"queue badge", "/admin/tickets", `<time class="badge muted"[^>]*>` + before("followup.badge.on", "Date") + bdi(day) + `</time>`},
			{"history", "/admin/tickets/" + itoa64(id), before("tickets_admin.event.followup", "Date") + bdi(moment)},
			{"company note", company, before("company_note.changed", "When") + bdi(moment)},
			{"audit range", "/admin/audit?from=2026-03-01&to=2026-03-05", before("audit_export.range", "From") + bdi(day)},
		} {
			if page := agent.Get(c.path).Body; !regexp.MustCompile(c.want).MatchString(page) {
				t.Errorf("%s (%s): no %s", c.name, c.path, c.want)
			}
		}
	})
}

// TestBulkBarFold: the queue's bulk bar sits in a fold, closed by default (a phone's
// stylesheet keeps it shut above the first ticket, a desktop's shows it) and open when
// the form comes back with its error and the ticked boxes.
func TestBulkBarFold(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		id := d.open(t, d.as("alice@alpha.test", "alice-password"), "Drucker")
		agent := d.env.Client("desk.test")
		agent.AdminLogin("agent@desk.test", "agent-password")
		const closed, open = `<details class="fold-box"><summary>`, `<details class="fold-box" open><summary>`
		if page := agent.Get("/admin/tickets").Body; !strings.Contains(page, closed) {
			t.Errorf("queue: want the bulk bar folded (%q)", closed)
		}
		r := agent.Post("/admin/tickets/bulk", url.Values{"ids": {itoa64(id)}, "action": {""}})
		if r.Status != 422 || !strings.Contains(r.Body, open) || !strings.Contains(r.Body, `value="`+itoa64(id)+`" data-bulk-pick checked`) {
			t.Errorf("bulk without an action: %d, want 422 with the fold open and the box ticked", r.Status)
		}
	})
}
