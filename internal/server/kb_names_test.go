package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// TestKBCategoryNames: an agent gives a category English and Hebrew names on its
// "Translations" page (audited, shown again in the form). An English contact then
// reads "Getting started" on the knowledge base's start, the category page, an
// article's breadcrumbs and the search results, a Hebrew visitor the Hebrew name, a
// Danish contact (no Danish name) the main name; the back office keeps the main name.
// An emptied name falls back to the main name.
func TestKBCategoryNames(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "en@kunde.test", "english-password", "user", co)
		env.Contact(ten, "da@kunde.test", "danish-password-1", "user", co)
		contactSpeaks(t, env, "en@kunde.test", "en")
		contactSpeaks(t, env, "da@kunde.test", "da")
		env.Staff(ten, staff.RoleAgent, "agent@service.test", "agent-password-1")
		cat := kbCategory(t, env, ten, "Erste Schritte")
		art := kbArticle(t, env, ten, cat, "portal-start", kb.StatusPublished, kb.VisibilityPublic, "Willkommen im Portal", "Kundenportal Rundgang")

		agent := env.Client("a.test")
		agent.AdminLogin("agent@service.test", "agent-password-1")
		names := "/admin/kb/categories/" + id(cat) + "/names"
		if r := agent.Get("/admin/kb/categories"); !strings.Contains(r.Body, `href="`+names+`"`) {
			t.Fatalf("categories page lacks the link to the translations")
		}
		r := agent.Post(names, url.Values{"name_en": {" Getting started "}, "name_he": {"צעדים ראשונים"}, "name_da": {""}})
		if r.Status != 303 || r.Location != "/admin/kb/categories" {
			t.Fatalf("save: %d %q %.300s", r.Status, r.Location, r.Body)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'kb_category_names'
			AND target LIKE '%Erste Schritte (en Getting started, he צעדים ראשונים)%'`, ten.ID); n != 1 {
			t.Errorf("audit entries: %d", n)
		}
		if body := agent.Get(names).Body; !strings.Contains(body, `value="Getting started"`) || !strings.Contains(body, `value="צעדים ראשונים"`) {
			t.Errorf("the form does not show the stored names")
		}
		// Saving the same names again is no change and writes no second entry.
		agent.Post(names, url.Values{"name_en": {"Getting started"}, "name_he": {"צעדים ראשונים"}})
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'kb_category_names'`); n != 1 {
			t.Errorf("unchanged names audited again: %d entries", n)
		}

		en, da := env.Client("a.test"), env.Client("a.test")
		en.Login("en@kunde.test", "english-password")
		da.Login("da@kunde.test", "danish-password-1")
		he := env.Client("a.test")
		he.SetCookie(web.LangCookie, "he")
		pages := []string{"/kb", "/kb/categories/" + id(cat), "/kb/articles/" + id(art), "/kb/search?q=" + kbQuery("Rundgang")}
		for _, c := range []struct {
			who        string
			c          *apptest.Client
			want, miss string
		}{
			{"English contact", en, "Getting started", "Erste Schritte"},
			{"Hebrew visitor", he, "צעדים ראשונים", "Erste Schritte"},
			{"Danish contact", da, "Erste Schritte", "Getting started"},
		} {
			for _, p := range pages {
				r := c.c.Get(p)
				if r.Status != 200 || !strings.Contains(r.Body, c.want) || strings.Contains(r.Body, c.miss) {
					t.Errorf("%s GET %s: %d, want %q without %q", c.who, p, r.Status, c.want, c.miss)
				}
			}
		}

		// The back office names the category by its main name everywhere.
		for _, p := range []string{"/admin/kb", "/admin/kb/categories", "/admin/kb/articles/" + id(art), "/admin/kb/articles/" + id(art) + "/view"} {
			if r := agent.Get(p); r.Status != 200 || !strings.Contains(r.Body, "Erste Schritte") || strings.Contains(r.Body, "Getting started") {
				t.Errorf("staff GET %s: %d, want the main name only", p, r.Status)
			}
		}

		// Emptied: the English reader sees the main name again.
		agent.Post(names, url.Values{"name_en": {""}, "name_he": {"צעדים ראשונים"}})
		if body := en.Get("/kb").Body; !strings.Contains(body, "Erste Schritte") || strings.Contains(body, "Getting started") {
			t.Errorf("an emptied English name still shows")
		}
		if n := count(t, env, `SELECT COUNT(*) FROM kb_category_names WHERE category_id = ?`, cat); n != 1 {
			t.Errorf("stored names after emptying one: %d", n)
		}
	})
}

// contactSpeaks sets a contact's portal language.
func contactSpeaks(t *testing.T, env *apptest.Env, email, lang string) {
	t.Helper()
	if _, err := env.DB.Exec(context.Background(), `UPDATE contacts SET language = ? WHERE email = ?`, lang, email); err != nil {
		t.Fatal(err)
	}
}
