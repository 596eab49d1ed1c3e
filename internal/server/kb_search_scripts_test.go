package server_test

import (
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

// TestKBSearchScriptsHTTP: the QA report's searches over HTTP. Thai words standing
// inside longer runs, German without umlauts, in the portal and the back office; the
// article editor's company picker finds "Müller" as "muller".
func TestKBSearchScriptsHTTP(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		env.Company(ten, "Müller Haustechnik GmbH")
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		art := kbArticle(t, env, ten, 0, "waermepumpe", kb.StatusPublished, kb.VisibilityPublic, "Wärmepumpe für Gäste",
			"Der Heizkörper wird warm.")
		if err := kb.SaveTranslation(t.Context(), env.DB, ten.ID, art, kb.Translation{Language: "th", Title: "ปั๊มความร้อน",
			Body: "หมุนวาล์วอย่างช้าๆ ตรวจสอบแรงดันน้ำ"}, env.App.Env.Now()); err != nil {
			t.Fatal(err)
		}
		visitor := env.Client("a.test")
		for _, q := range []string{"วาล์ว", "ปั๊ม", "แรงดัน", "waerme", "gaeste", "heizkoerper", "Wärme"} {
			if r := visitor.Get("/kb/search?q=" + kbQuery(q)); r.Status != 200 || !strings.Contains(r.Body, `href="/kb/articles/waermepumpe`) {
				t.Errorf("portal search %q: %d, article missing", q, r.Status)
			}
		}
		if r := visitor.Get("/kb/search?q=" + kbQuery("วาล์ว") + "&lang=th"); !strings.Contains(r.Body, "<mark>วาล์ว</mark>") &&
			!strings.Contains(r.Body, "<mark>หมุนวาล์วอย่างช้าๆ</mark>") {
			t.Errorf("thai snippet not marked")
		}
		agent := env.Client("a.test")
		agent.AdminLogin("agent@service.test", "agent-password")
		for _, q := range []string{"lang=th&q=" + kbQuery("วาล์ว"), "q=" + kbQuery("waerme"), "q=" + kbQuery("heizkoerper")} {
			if r := agent.Get("/admin/kb?" + q); r.Status != 200 || !strings.Contains(r.Body, "/admin/kb/articles/"+id(art)) {
				t.Errorf("back office search %s: %d, article missing", q, r.Status)
			}
		}
		if r := agent.Get("/admin/kb?q=" + kbQuery("nichtda")); strings.Contains(r.Body, "/admin/kb/articles/"+id(art)+`"`) {
			t.Errorf("back office search finds everything")
		}
		if r := agent.Get("/admin/kb/articles/" + id(art) + "?company_q=muller"); !strings.Contains(r.Body, "Müller Haustechnik GmbH") {
			t.Errorf("company picker: muller finds nothing")
		}
	})
}
