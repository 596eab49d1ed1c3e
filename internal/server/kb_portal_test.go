package server_test

import (
	"context"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestKBPortal is the visibility matrix over HTTP: a visitor without login, a contact
// of company A, a contact of company B; public, customer-only, chosen-for-A and draft
// articles; pages, search, suggestions and images. Then: Markdown is sanitised, the
// module switch hides everything, the home tile links to the knowledge base.
func TestKBPortal(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		coA, coB := env.Company(ten, "Kunde A"), env.Company(ten, "Kunde B")
		env.Contact(ten, "a@kunde-a.test", "kunde-a-password", "user", coA)
		env.Contact(ten, "b@kunde-b.test", "kunde-b-password", "user", coB)
		cat := kbCategory(t, env, ten, "Drucker")
		ids := map[string]int64{
			"public":    kbArticle(t, env, ten, cat, "oeffentlich", kb.StatusPublished, kb.VisibilityPublic, "Toner wechseln", "Klappe öffnen, Kartusche Modell TN-2420 tauschen."),
			"customers": kbArticle(t, env, ten, cat, "kunden", kb.StatusPublished, kb.VisibilityCustomers, "Toner bestellen im Shop", "Bestellen Sie Kartusche TN-2420 im Portal."),
			"chosen":    kbArticle(t, env, ten, cat, "nur-a", kb.StatusPublished, kb.VisibilityCompanies, "Toner Rahmenvertrag Kunde A", "Kartusche TN-2420 ist im Vertrag enthalten."),
			"draft":     kbArticle(t, env, ten, cat, "entwurf", kb.StatusDraft, kb.VisibilityPublic, "Toner Entwurf", "Kartusche TN-2420 noch geheim."),
		}
		if err := kb.AddCompany(ctx, env.DB, ten.ID, ids["chosen"], coA.ID); err != nil {
			t.Fatal(err)
		}
		titles := map[string]string{"public": "Toner wechseln", "customers": "Toner bestellen im Shop",
			"chosen": "Toner Rahmenvertrag Kunde A", "draft": "Toner Entwurf"}
		imgPublic := kbImage(t, env, ten.ID, ids["public"])
		imgChosen := kbImage(t, env, ten.ID, ids["chosen"])

		visitor := env.Client("a.test")
		a := env.Client("a.test")
		a.Login("a@kunde-a.test", "kunde-a-password")
		b := env.Client("a.test")
		b.Login("b@kunde-b.test", "kunde-b-password")
		matrix := []struct {
			name string
			c    *apptest.Client
			sees map[string]bool
			imgs map[int64]bool
		}{
			{"visitor", visitor, map[string]bool{"public": true}, map[int64]bool{imgPublic: true}},
			{"contact A", a, map[string]bool{"public": true, "customers": true, "chosen": true}, map[int64]bool{imgPublic: true, imgChosen: true}},
			{"contact B", b, map[string]bool{"public": true, "customers": true}, map[int64]bool{imgPublic: true}},
		}
		for _, m := range matrix {
			home := m.c.Get("/kb")
			search := m.c.Get("/kb/search?q=" + kbQuery("kartusche tn-2420"))
			suggest := m.c.Get("/kb/suggest?title=" + kbQuery("Toner"))
			category := m.c.Get("/kb/categories/" + id(cat))
			for _, r := range []apptest.Response{home, search, suggest, category} {
				if r.Status != 200 {
					t.Fatalf("%s: list page %d", m.name, r.Status)
				}
			}
			for kind, aid := range ids {
				want := m.sees[kind]
				for _, ref := range []string{id(aid), map[string]string{"public": "oeffentlich", "customers": "kunden", "chosen": "nur-a", "draft": "entwurf"}[kind]} {
					r := m.c.Get("/kb/articles/" + ref)
					if want && (r.Status != 200 || !strings.Contains(r.Body, titles[kind])) {
						t.Errorf("%s reads %s (%s): %d", m.name, kind, ref, r.Status)
					}
					if !want && (r.Status != 404 || strings.Contains(r.Body, titles[kind])) {
						t.Errorf("%s reads %s (%s): %d, want 404", m.name, kind, ref, r.Status)
					}
					// A visitor's 404 offers the sign-in that leads back, for every
					// address alike (drafts and ones nobody wrote too).
					if signIn := `href="/login?next=%2Fkb%2Farticles%2F` + ref + `"`; !want && (m.c == visitor) != strings.Contains(r.Body, signIn) {
						t.Errorf("%s reads %s (%s): sign-in offered %v", m.name, kind, ref, m.c == visitor)
					}
				}
				for where, r := range map[string]apptest.Response{"start page": home, "search": search, "suggestions": suggest, "category": category} {
					if strings.Contains(r.Body, titles[kind]) != want {
						t.Errorf("%s: %s shows %s = %v, want %v", m.name, where, kind, !want, want)
					}
				}
			}
			for img, want := range map[int64]bool{imgPublic: m.imgs[imgPublic], imgChosen: m.imgs[imgChosen]} {
				r := m.c.Get("/kb/images/" + id(img))
				if want && (r.Status != 200 || r.Header.Get("Content-Type") != "image/png" ||
					!strings.HasPrefix(r.Header.Get("Content-Disposition"), "attachment")) {
					t.Errorf("%s image %d: %d %q", m.name, img, r.Status, r.Header.Get("Content-Type"))
				}
				if !want && r.Status != 404 {
					t.Errorf("%s image %d: %d, want 404", m.name, img, r.Status)
				}
			}
		}
		// Search marks the words it found; the suggestions are a fragment, at most five.
		if r := a.Get("/kb/search?q=kartusche"); !strings.Contains(r.Body, "<mark>Kartusche</mark>") {
			t.Errorf("search without marks: %.500s", r.Body)
		}
		// No article has every word: those with some of them, saying so. The query
		// shown is cut to what the search reads.
		if r := a.Get("/kb/search?q=heizung+meldet+kartusche"); !strings.Contains(r.Body, "<mark>Kartusche</mark>") ||
			!strings.Contains(r.Body, "Kein Artikel enthält alle Wörter") {
			t.Errorf("search with some of the words: %.3000s", r.Body)
		}
		// A typo finds the article by the titles' words, saying what was searched; a
		// word only a title hidden from the reader holds is not offered.
		if r := a.Get("/kb/search?q=Rahmnevertrag"); !strings.Contains(r.Body, "Nichts gefunden für „Rahmnevertrag“. Ergebnisse für „rahmenvertrag“: 1") ||
			!strings.Contains(r.Body, `<a href="/kb/articles/nur-a">`) {
			t.Errorf("corrected search: %.3000s", r.Body)
		}
		if r := b.Get("/kb/search?q=Rahmnevertrag"); strings.Contains(r.Body, "rahmenvertrag") || !strings.Contains(r.Body, "Kein Artikel passt") {
			t.Errorf("correction to a word of a hidden title: %.3000s", r.Body)
		}
		if r := a.Get("/kb/search?q=" + strings.Repeat("x", 3000)); r.Status != 200 || strings.Contains(r.Body, strings.Repeat("x", kb.MaxSearch+1)) {
			t.Errorf("long query echoed whole: %d", r.Status)
		}
		for i := 0; i < 7; i++ {
			kbArticle(t, env, ten, 0, "router-"+id(int64(i)), kb.StatusPublished, kb.VisibilityPublic, "Router neu starten "+id(int64(i)), "Stecker ziehen.")
		}
		r := visitor.Get("/kb/suggest?q=router")
		if r.Status != 200 || strings.Count(r.Body, `href="/kb/articles/router-`) != kb.MaxSuggestions ||
			strings.Contains(r.Body, "<html") {
			t.Errorf("suggestions: %d, %d links: %.300s", r.Status, strings.Count(r.Body, `href="/kb/articles/router-`), r.Body)
		}
		if r := visitor.Get("/kb/suggest?q=" + kbQuery("gibtesnicht")); r.Status != 200 || strings.TrimSpace(r.Body) != "" {
			t.Errorf("no suggestions should be empty: %q", r.Body)
		}
		// Markdown is rendered and sanitised; raw HTML shows as typed text, never as
		// markup; remote images become links.
		kbArticle(t, env, ten, 0, "markdown", kb.StatusPublished, kb.VisibilityPublic, "Markdown", "**fett** <script>alert(1)</script>\n\n"+
			"[böse](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n![fremd](https://tracker.example/p.png) ![eigen](/kb/images/"+id(imgPublic)+")")
		r = visitor.Get("/kb/articles/markdown")
		for _, bad := range []string{"<script>alert", "alert(1)</script>", "javascript:", "<img src=x", "onerror=alert(1)>", `src="https://tracker`} {
			if strings.Contains(r.Body, bad) {
				t.Errorf("article page contains %q", bad)
			}
		}
		if !strings.Contains(r.Body, "<strong>fett</strong>") || !strings.Contains(r.Body, "&lt;img src=x onerror=alert(1)&gt;") || !strings.Contains(r.Body, `src="/kb/images/`+id(imgPublic)+`"`) ||
			!strings.Contains(r.Body, `href="https://tracker.example/p.png"`) {
			t.Errorf("markdown not rendered: %.2000s", r.Body)
		}
		// The home tile leads to the knowledge base; without the module, nothing does.
		if r := a.Get("/"); !strings.Contains(r.Body, `href="/kb"`) {
			t.Errorf("home has no knowledge base link")
		}
		// A tenant without the module (switched off before its first request, so no
		// cached tenant hides the change).
		off := env.Tenant("Ohne Wissen GmbH", "off.test")
		if err := tenant.SetModules(ctx, env.DB, off.ID, []string{"helpdesk"}); err != nil {
			t.Fatal(err)
		}
		offCo := env.Company(off, "Kunde Off")
		env.Contact(off, "c@kunde-off.test", "kunde-off-password", "user", offCo)
		offArt := kbArticle(t, env, off, 0, "oeffentlich", kb.StatusPublished, kb.VisibilityPublic, "Toner wechseln", "x")
		offImg := kbImage(t, env, off.ID, offArt)
		a = env.Client("off.test")
		a.Login("c@kunde-off.test", "kunde-off-password")
		for _, c := range []*apptest.Client{a, env.Client("off.test")} {
			for _, p := range []string{"/kb", "/kb/search?q=toner", "/kb/suggest?q=toner", "/kb/articles/oeffentlich",
				"/kb/images/" + id(offImg), "/kb/categories/" + id(cat)} {
				if r := c.Get(p); r.Status != 404 {
					t.Errorf("module off: %s %d", p, r.Status)
				}
			}
		}
		if r := a.Get("/"); strings.Contains(r.Body, `href="/kb"`) {
			t.Errorf("module off: home still links to the knowledge base")
		}
	})
}
