package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

// TestKBStaffView: the article page in the back office leads staff to a read-only
// preview inside /admin that works for every article (customers only, chosen companies,
// drafts), not to the portal, where a staff login is no contact and non-public
// articles are a 404. Only a public article also links into the portal, and that
// link works for staff.
func TestKBStaffView(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		other := env.Tenant("Fremd GmbH", "b.test")
		co := env.Company(ten, "Kunde A")
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		agent := env.Client("a.test")
		agent.AdminLogin("agent@service.test", "agent-password")

		arts := map[string]int64{
			"public":    kbArticle(t, env, ten, 0, "oeffentlich", kb.StatusPublished, kb.VisibilityPublic, "Toner wechseln", "Klappe **öffnen**."),
			"customers": kbArticle(t, env, ten, 0, "kunden", kb.StatusPublished, kb.VisibilityCustomers, "Toner bestellen", "Im **Shop** bestellen."),
			"chosen":    kbArticle(t, env, ten, 0, "nur-a", kb.StatusPublished, kb.VisibilityCompanies, "Rahmenvertrag A", "Im **Vertrag** enthalten."),
			"draft":     kbArticle(t, env, ten, 0, "entwurf", kb.StatusDraft, kb.VisibilityPublic, "Toner Entwurf", "Noch **geheim**."),
		}
		if err := kb.AddCompany(ctx, env.DB, ten.ID, arts["chosen"], co.ID); err != nil {
			t.Fatal(err)
		}
		img := kbImage(t, env, ten.ID, arts["customers"])
		if err := kb.SaveTranslation(ctx, env.DB, ten.ID, arts["customers"], kb.Translation{Language: "en", Title: "Order toner",
			Body: "Order in the **shop**.\n\n![Toner](/kb/images/" + id(img) + ")"}, time.Now()); err != nil {
			t.Fatal(err)
		}
		for kind, aid := range arts {
			view := "/admin/kb/articles/" + id(aid) + "/view"
			page := agent.Get("/admin/kb/articles/" + id(aid))
			if page.Status != 200 || !strings.Contains(page.Body, `href="`+view+`"`) {
				t.Errorf("%s: article page has no preview link (%d)", kind, page.Status)
			}
			portalLink := `href="/kb/articles/`
			if strings.Contains(page.Body, portalLink) {
				t.Errorf("%s: article page links into the portal", kind)
			}
			r := agent.Get(view)
			if r.Status != 200 || !strings.Contains(r.Body, `class="card kb-article"`) || !strings.Contains(r.Body, "<strong>") ||
				!strings.Contains(r.Body, `class="flash info"`) || strings.Contains(r.Body, `action="/admin/kb/articles/`) { // read-only
				t.Errorf("%s: preview %d: %.1500s", kind, r.Status, r.Body)
			}
			if got := strings.Contains(r.Body, portalLink); got != (kind == "public") {
				t.Errorf("%s: preview links into the portal = %v", kind, got)
			}
		}
		// The portal link of the public article works for staff too.
		if r := agent.Get("/kb/articles/oeffentlich?lang=de"); r.Status != 200 || !strings.Contains(r.Body, "Toner wechseln") {
			t.Errorf("public article in the portal: %d", r.Status)
		}
		// Languages switch within the preview; images come from the back office.
		r := agent.Get("/admin/kb/articles/" + id(arts["customers"]) + "/view?lang=en")
		if r.Status != 200 || !strings.Contains(r.Body, "Order toner") || !strings.Contains(r.Body, `src="/admin/kb/images/`+id(img)+`"`) ||
			!strings.Contains(r.Body, `href="/admin/kb/articles/`+id(arts["customers"])+`/view?lang=de"`) {
			t.Errorf("english preview: %d %.2000s", r.Status, r.Body)
		}
		if r := agent.Get("/admin/kb/images/" + id(img)); r.Status != 200 {
			t.Errorf("preview image: %d", r.Status)
		}
		// A bad language falls back; another tenant's article and a missing one are 404s;
		// without a staff login there is no preview.
		if r := agent.Get("/admin/kb/articles/" + id(arts["customers"]) + "/view?lang=%00xx"); r.Status != 200 || !strings.Contains(r.Body, "Toner bestellen") {
			t.Errorf("bad language: %d", r.Status)
		}
		foreign := kbArticle(t, env, other, 0, "fremd", kb.StatusPublished, kb.VisibilityPublic, "Fremd", "x")
		for _, p := range []string{"/admin/kb/articles/" + id(foreign) + "/view", "/admin/kb/articles/999999/view", "/admin/kb/articles/x/view"} {
			if r := agent.Get(p); r.Status != 404 || strings.Contains(r.Body, "Fremd") {
				t.Errorf("%s: %d", p, r.Status)
			}
		}
		if r := env.Client("a.test").Get("/admin/kb/articles/" + id(arts["draft"]) + "/view"); r.Status == 200 || strings.Contains(r.Body, "geheim") {
			t.Errorf("anonymous preview: %d", r.Status)
		}
	})
}
