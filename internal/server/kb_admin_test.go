package server_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

var articlePath = regexp.MustCompile(`^/admin/kb/articles/([0-9]+)$`)

// TestKBAdmin: an agent writes an article (preview first), publishes it (audited),
// adds an English text, chooses a company, uploads an image; the portal shows the
// result. Bad input is refused with the message beside the field and what was typed
// kept: empty or too long title, too long text, bad slug, bad and oversized images,
// bad categories.
func TestKBAdmin(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		other := env.Tenant("Fremd GmbH", "b.test")
		foreignCo := env.Company(other, "Fremdkunde AG")
		co := env.Company(ten, "Kunde A")
		env.Contact(ten, "a@kunde-a.test", "kunde-a-password", "user", co)
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		agent := env.Client("a.test")
		agent.AdminLogin("agent@service.test", "agent-password")

		if r := agent.Get("/admin/kb"); r.Status != 200 || !strings.Contains(r.Body, `href="/admin/kb/new"`) {
			t.Fatalf("list: %d", r.Status)
		}
		if r := agent.Post("/admin/kb/categories", url.Values{"name": {"Netzwerk"}, "position": {"2"}}); r.Status != 303 {
			t.Fatalf("category: %d %.300s", r.Status, r.Body)
		}
		cats, _ := kb.Categories(ctx, env.DB, ten.ID)
		if len(cats) != 1 || cats[0].Position != 2 {
			t.Fatalf("categories: %+v", cats)
		}
		form := url.Values{"language": {"de"}, "title": {"WLAN einrichten"}, "body": {"## Schritte\n\n1. **Router** einschalten"},
			"slug": {""}, "category_id": {id(cats[0].ID)}, "status": {kb.StatusDraft}, "visibility": {kb.VisibilityCompanies}}
		// Preview: rendered, nothing stored.
		pv := clone(form)
		pv.Set("action", "preview")
		if r := agent.Post("/admin/kb", pv); r.Status != 200 || !strings.Contains(r.Body, "<strong>Router</strong>") ||
			!strings.Contains(r.Body, "WLAN einrichten") {
			t.Errorf("preview: %d", r.Status)
		}
		if r := agent.Post("/admin/kb/preview", url.Values{"body": {"*kursiv* <script>x</script>"}}); r.Status != 200 ||
			!strings.Contains(r.Body, "<em>kursiv</em>") || strings.Contains(r.Body, "<script>") || strings.Contains(r.Body, "<html") {
			t.Errorf("preview fragment: %d %s", r.Status, r.Body)
		}
		if rows, _, _ := kb.List(ctx, env.DB, ten.ID, kb.Filter{}); len(rows) != 0 {
			t.Fatalf("preview stored an article")
		}
		r := agent.Post("/admin/kb", form)
		m := articlePath.FindStringSubmatch(r.Location)
		if r.Status != 303 || m == nil {
			t.Fatalf("create: %d %q %.500s", r.Status, r.Location, r.Body)
		}
		art := "/admin/kb/articles/" + m[1]
		if r := agent.Get(art); r.Status != 200 || !strings.Contains(r.Body, "wlan-einrichten") {
			t.Fatalf("article page: %d", r.Status)
		}
		// Choose the company in the settings (another tenant's is a 404), publish, add
		// English.
		meta := url.Values{"slug": {"wlan"}, "category_id": {id(cats[0].ID)}, "status": {kb.StatusPublished},
			"visibility": {kb.VisibilityCompanies}, "company_id": {id(foreignCo.ID)}}
		if r := agent.Post(art, meta); r.Status != 404 {
			t.Errorf("foreign company chosen: %d", r.Status)
		}
		meta.Set("company_id", id(co.ID))
		if r := agent.Post(art, meta); r.Status != 303 {
			t.Fatalf("publish: %d %.500s", r.Status, r.Body)
		}
		if r := agent.Post(art+"/translations/en", url.Values{"title": {"Set up Wi-Fi"}, "body": {"Switch the router on."}}); r.Status != 303 {
			t.Fatalf("english: %d", r.Status)
		}
		entries, _ := audit.List(ctx, env.DB, ten.ID, audit.Filter{}, 0, 20)
		published := 0
		for _, en := range entries {
			if en.Action == audit.KBPublished && strings.Contains(en.Target, "wlan") && strings.Contains(en.Actor, "agent@service.test") {
				published++
			}
		}
		if published != 1 {
			t.Errorf("publishing audited %d times: %+v", published, entries)
		}
		// An image: uploaded, shown to staff, and in the portal to the chosen company.
		r = agent.PostMultipart(art+"/images", nil, apptest.File{Field: "image", Name: "router[1].png", Data: pngImage(t)})
		if r.Status != 303 {
			t.Fatalf("upload: %d %.500s", r.Status, r.Body)
		}
		aid, _ := parseInt(m[1])
		imgs, _ := kb.Images(ctx, env.DB, ten.ID, aid)
		if len(imgs) != 1 || imgs[0].Type != "image/png" || imgs[0].Name != "router 1" {
			t.Fatalf("images: %+v", imgs)
		}
		if r := agent.Get("/admin/kb/images/" + id(imgs[0].ID)); r.Status != 200 || r.Header.Get("Content-Type") != "image/png" {
			t.Errorf("staff image: %d", r.Status)
		}
		contact := env.Client("a.test")
		contact.Login("a@kunde-a.test", "kunde-a-password")
		if r := contact.Get("/kb/articles/wlan?lang=en"); r.Status != 200 || !strings.Contains(r.Body, "Set up Wi-Fi") {
			t.Errorf("portal english: %d", r.Status)
		}
		if r := contact.Get("/kb/images/" + id(imgs[0].ID)); r.Status != 200 {
			t.Errorf("portal image: %d", r.Status)
		}
		if r := env.Client("a.test").Get("/kb/articles/wlan"); r.Status != 404 {
			t.Errorf("visitor reads a company article: %d", r.Status)
		}
		// Bad input: 422, the message beside the field, typed text kept.
		long := strings.Repeat("ä", kb.MaxTitle+1)
		bad := []struct {
			name, path string
			form       url.Values
			msg, kept  string
		}{
			{"empty title", "/admin/kb", with2(form, "title", "  "), "Bitte füllen Sie dieses Feld aus.", "Router"},
			{"long title", "/admin/kb", with2(form, "title", long), "höchstens 200 Zeichen", long},
			{"long body", "/admin/kb", with2(form, "body", strings.Repeat("x", kb.MaxBody+1)), "höchstens 50.000 Zeichen", "WLAN einrichten"},
			{"bad slug", "/admin/kb", with2(form, "slug", "Mit Leerzeichen"), "Kleinbuchstaben", "Mit Leerzeichen"},
			{"taken slug", "/admin/kb", with2(form, "slug", "wlan"), "bereits verwendet", "WLAN einrichten"},
			{"bad language", "/admin/kb", with2(form, "language", "xx"), "eine der Sprachen", "WLAN einrichten"},
			// Hand-edited choices the form never offers: not "fill in this field".
			{"bad status", "/admin/kb", with2(form, "status", "archived"), "einen der aufgeführten Werte", "WLAN einrichten"},
			{"bad visibility", "/admin/kb", with2(form, "visibility", "everyone"), "einen der aufgeführten Werte", "WLAN einrichten"},
			{"category position range", "/admin/kb/categories", url.Values{"name": {"Drucker"}, "position": {"10000"}}, "von 0 bis 9999", "Drucker"},
			{"translation empty title", art + "/translations/fr", url.Values{"title": {""}, "body": {"Texte gardé"}}, "Bitte füllen", "Texte gardé"},
			{"meta bad slug", art, with2(meta, "slug", "-x-"), "Kleinbuchstaben", "-x-"},
			{"category empty", "/admin/kb/categories", url.Values{"name": {""}, "position": {"1"}}, "Bitte füllen", ""},
			{"category position", "/admin/kb/categories", url.Values{"name": {"Drucker"}, "position": {"zwei"}}, "ganze Zahl", "Drucker"},
			{"category too long", "/admin/kb/categories/" + id(cats[0].ID), url.Values{"name": {strings.Repeat("k", 101)}, "position": {"1"}}, "höchstens 100 Zeichen", strings.Repeat("k", 101)},
		}
		for _, c := range bad {
			r := agent.Post(c.path, c.form)
			if r.Status != 422 || !strings.Contains(r.Body, c.msg) || !strings.Contains(r.Body, c.kept) {
				t.Errorf("%s: %d, want 422 with %q and %q kept", c.name, r.Status, c.msg, c.kept)
			}
		}
		big := append(pngImage(t), make([]byte, kb.MaxImageBytes)...)
		for _, c := range []struct {
			name string
			f    apptest.File
			msg  string
		}{
			{"text as png", apptest.File{Field: "image", Name: "bild.png", Data: []byte("nur Text\n")}, "kein PNG-, JPEG-, GIF- oder WebP-Bild"},
			{"svg", apptest.File{Field: "image", Name: "bild.svg", Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)}, "kein PNG-"},
			{"html", apptest.File{Field: "image", Name: "bild.gif", Data: []byte("<!DOCTYPE html><html><script>alert(1)</script>")}, "kein PNG-"},
			{"empty", apptest.File{Field: "image", Name: "leer.png"}, "kein PNG-"},
			{"too large", apptest.File{Field: "image", Name: "gross.png", Data: big}, "größer als 2 MB"},
			{"no file", apptest.File{Field: "other", Name: "x.png", Data: pngImage(t)}, "Bitte wählen Sie eine Datei."},
		} {
			r := agent.PostMultipart(art+"/images", nil, c.f)
			if r.Status != 422 || !strings.Contains(r.Body, c.msg) {
				t.Errorf("%s: %d, want 422 with %q", c.name, r.Status, c.msg)
			}
		}
		if imgs, _ := kb.Images(ctx, env.DB, ten.ID, aid); len(imgs) != 1 {
			t.Errorf("a refused image was stored: %d", len(imgs))
		}
		// Taking back to draft is audited and hides the article again.
		meta.Set("status", kb.StatusDraft)
		if r := agent.Post(art, meta); r.Status != 303 {
			t.Fatalf("unpublish: %d", r.Status)
		}
		if r := contact.Get("/kb/articles/wlan"); r.Status != 404 {
			t.Errorf("draft readable: %d", r.Status)
		}
		entries, _ = audit.List(ctx, env.DB, ten.ID, audit.Filter{}, 0, 20)
		if len(entries) == 0 || entries[0].Action != audit.KBUnpublished {
			t.Errorf("unpublish not audited: %+v", entries)
		}
		// The list filters and searches; deleting removes article and image file.
		if r := agent.Get("/admin/kb?q=router&status=draft&lang=en"); !strings.Contains(r.Body, "WLAN einrichten") {
			t.Errorf("filtered list misses the article")
		}
		if r := agent.Get("/admin/kb?status=published"); strings.Contains(r.Body, "WLAN einrichten") {
			t.Errorf("status filter ignored")
		}
		if r := agent.Post(art+"/delete", nil); r.Status != 303 {
			t.Fatalf("delete: %d", r.Status)
		}
		if _, err := env.App.Env.Files.Open(imgs[0].Key); err == nil {
			t.Errorf("image file kept after delete")
		}
	})
}

func clone(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

func with2(v url.Values, k, val string) url.Values {
	out := clone(v)
	out.Set(k, val)
	return out
}

func parseInt(s string) (int64, bool) {
	var n int64
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}
