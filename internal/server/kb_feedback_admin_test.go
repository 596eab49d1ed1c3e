package server_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestKBFeedbackStaff: the back office lists reads and the share of helpful answers,
// shows an article's counts and its latest "no" comments with contact, company and
// date, and resets them (audited). Before the reset the contact's export holds their
// answer; after deleting their account, their answer stays and their comment goes.
func TestKBFeedbackStaff(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := newKBFeedbackWorld(t, e)
		ctx := context.Background()
		w.env.Staff(w.ten, "agent", "agent@service.test", "agent-password")
		agent := w.env.Client("a.test")
		agent.AdminLogin("agent@service.test", "agent-password")

		w.a.Get("/kb/articles/kunden")
		w.a.Post("/kb/articles/kunden/feedback", url.Values{"helpful": {"no"}, "comment": {"Es fehlt <b>ein Bild</b>"}})
		w.b.Post("/kb/articles/kunden/feedback", url.Values{"helpful": {"yes"}})
		w.b.Post("/kb/articles/offen/feedback", url.Values{"helpful": {"yes"}})

		list := agent.Get("/admin/kb")
		if list.Status != 200 || !strings.Contains(list.Body, "Hilfreich") || !strings.Contains(list.Body, "50 % (2)") ||
			!strings.Contains(list.Body, "100 % (1)") {
			t.Errorf("list without helpful share: %d", list.Status)
		}
		art := "/admin/kb/articles/" + id(w.customers)
		page := agent.Get(art)
		for _, want := range []string{"1-mal gelesen. Hilfreich: 1 Ja, 1 Nein.", "50 % fanden ihn hilfreich.",
			"Es fehlt &lt;b&gt;ein Bild&lt;/b&gt;", "Test a@kunde-a.test", "Kunde A", "<time datetime=", art + "/feedback/reset"} {
			if !strings.Contains(page.Body, want) {
				t.Errorf("article page lacks %q", want)
			}
		}

		// The contact's export holds the answer.
		r := w.a.Post("/account/export", nil)
		var exp struct {
			KB []struct {
				ArticleID int64  `json:"article_id"`
				Article   string `json:"article"`
				Helpful   bool   `json:"helpful"`
				Comment   string `json:"comment"`
			} `json:"kb_feedback"`
		}
		if err := json.Unmarshal([]byte(r.Body), &exp); err != nil {
			t.Fatalf("export: %v", err)
		}
		if len(exp.KB) != 1 || exp.KB[0].ArticleID != w.customers || exp.KB[0].Article != "Toner bestellen" ||
			exp.KB[0].Helpful || exp.KB[0].Comment != "Es fehlt <b>ein Bild</b>" {
			t.Errorf("export: %+v", exp.KB)
		}

		// Deleting the account keeps the answer, not the comment.
		if r := w.a.Post("/account/delete", url.Values{"delete_password": {"kunde-a-password"}}); r.Status != 303 {
			t.Fatalf("delete account: %d", r.Status)
		}
		var comment string
		var n int
		w.env.DB.QueryRow(ctx, `SELECT COUNT(*), MAX(comment) FROM kb_feedback WHERE article_id = ? AND NOT helpful`, w.customers).Scan(&n, &comment)
		if n != 1 || comment != "" {
			t.Errorf("after account deletion: %d answers, comment %q", n, comment)
		}
		if page := agent.Get(art); strings.Contains(page.Body, "ein Bild") || !strings.Contains(page.Body, "1 Ja, 1 Nein") {
			t.Errorf("article page after account deletion")
		}

		if r := agent.Post(art+"/feedback/reset", nil); r.Status != 303 || r.Location != art+"#feedback" {
			t.Fatalf("reset: %d %q", r.Status, r.Location)
		}
		page = agent.Get(art)
		if !strings.Contains(page.Body, "Aufrufe und Antworten wurden zurückgesetzt.") || !strings.Contains(page.Body, "0-mal gelesen. Hilfreich: 0 Ja, 0 Nein.") ||
			strings.Contains(page.Body, art+"/feedback/reset") {
			t.Errorf("article page after reset")
		}
		var target string
		w.env.DB.QueryRow(ctx, `SELECT target FROM audit_log WHERE action = ?`, audit.KBFeedbackReset).Scan(&target)
		if target != "article:"+id(w.customers)+" kunden (views 1, yes 1, no 1)" {
			t.Errorf("audit target %q", target)
		}
		// The other article keeps its answer.
		if list := agent.Get("/admin/kb"); !strings.Contains(list.Body, "100 % (1)") || strings.Contains(list.Body, "50 % (2)") {
			t.Errorf("list after reset")
		}
	})
}
