package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

// TestKBNewArticleWithCompanies: the new article form picks the companies of the
// visibility "chosen companies" itself, so one save publishes the article to them.
// Without a company ticked it is refused beside the visibility with the text kept; a
// search narrows the picker with the ticked ones kept; another tenant's company is a
// 404 and creates nothing.
func TestKBNewArticleWithCompanies(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env, ten, agent := kbStaff(t, e)
		acme, beta := env.Company(ten, "Acme AG"), env.Company(ten, "Beta KG")
		foreign := env.Company(env.Tenant("Fremd GmbH", "b.test"), "Fremd AG")
		if b := agent.Get("/admin/kb/new").Body; !strings.Contains(b, `hx-get="/admin/kb/companies"`) ||
			!strings.Contains(b, `name="company_id" value="`+id(acme.ID)+`"`) {
			t.Fatalf("the new article form has no company picker")
		}
		if b := agent.Get("/admin/kb/companies?company_q=Beta&company_id=" + id(acme.ID) + "&company_id=" + id(foreign.ID)).Body; !strings.Contains(b, `value="`+id(acme.ID)+`" checked`) ||
			!strings.Contains(b, "Beta KG") || strings.Contains(b, "Fremd AG") {
			t.Errorf("picker search: %.1000s", b)
		}
		form := func(ids ...int64) url.Values {
			f := url.Values{"language": {"de"}, "title": {"Nur für Kunden"}, "body": {"Geheimer Text"}, "status": {kb.StatusPublished},
				"visibility": {kb.VisibilityCompanies}}
			for _, i := range ids {
				f.Add("company_id", id(i))
			}
			return f
		}
		r := agent.Post("/admin/kb", form())
		if r.Status != 422 || !strings.Contains(r.Body, "Haken Sie unten die Firmen an") || !strings.Contains(r.Body, "Geheimer Text") {
			t.Errorf("no company: %d", r.Status)
		}
		if r := agent.Post("/admin/kb", form(acme.ID, foreign.ID)); r.Status != 404 {
			t.Errorf("another tenant's company: %d", r.Status)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM kb_articles WHERE tenant_id = ?`, ten.ID); n != 0 {
			t.Fatalf("%d articles after refused forms", n)
		}
		r = agent.Post("/admin/kb", form(acme.ID, beta.ID))
		m := articlePath.FindStringSubmatch(r.Location)
		if r.Status != 303 || m == nil {
			t.Fatalf("one save: %d %.500s", r.Status, r.Body)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM kb_article_companies WHERE article_id = ? AND company_id IN (?, ?)`, m[1], acme.ID, beta.ID); n != 2 {
			t.Errorf("%d companies chosen, want 2", n)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM kb_articles WHERE id = ? AND status = 'published'`, m[1]); n != 1 {
			t.Errorf("not published")
		}
		// Ticked companies with another visibility are not stored.
		f := form(acme.ID)
		f.Set("visibility", kb.VisibilityCustomers)
		f.Set("title", "Für alle")
		r = agent.Post("/admin/kb", f)
		if m := articlePath.FindStringSubmatch(r.Location); m == nil || count(t, env, `SELECT COUNT(*) FROM kb_article_companies WHERE article_id = ?`, m[1]) != 0 {
			t.Errorf("companies stored for an article all customers read: %d", r.Status)
		}
	})
}

// TestKBSameTitleWarns: a second article with a title another has (in any case) is
// saved, and its page warns, naming and linking the other article; so does the
// other's page. Different titles or languages warn nothing.
func TestKBSameTitleWarns(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		_, _, agent := kbStaff(t, e)
		first := kbCreate(t, agent, "Drucker einrichten", "Text eins", kb.StatusDraft, kb.VisibilityCustomers)
		if b := agent.Get(first).Body; strings.Contains(b, "denselben Titel") {
			t.Errorf("warning without a namesake")
		}
		second := kbCreate(t, agent, "drucker Einrichten", "Text zwei", kb.StatusDraft, kb.VisibilityCustomers)
		if first == second {
			t.Fatal("the same article twice")
		}
		b := agent.Get(second).Body
		if !strings.Contains(b, "Ein anderer Artikel hat denselben Titel") || !strings.Contains(b, `href="`+first+`" lang="de">Drucker einrichten</a>`) {
			t.Errorf("no warning naming the first article: %.2000s", b)
		}
		if strings.Contains(b, `class="flash error" role="status"><p>Ein anderer`) {
			t.Errorf("the warning reads as an error")
		}
		if !strings.Contains(agent.Get(first).Body, `href="`+second+`"`) {
			t.Errorf("the first article's page does not name the second")
		}
		third := kbCreate(t, agent, "Drucker entfernen", "Text drei", kb.StatusDraft, kb.VisibilityCustomers)
		if strings.Contains(agent.Get(third).Body, "denselben Titel") {
			t.Errorf("warning for a different title")
		}
	})
}
