package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

// TestKBImageMustDecode: an upload that only starts like a GIF ("GIF89a", named
// fake.png) is refused next to the field and not stored; a real PNG is taken.
func TestKBImageMustDecode(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		agent := env.Client("a.test")
		agent.AdminLogin("agent@service.test", "agent-password")
		art := kbArticle(t, env, ten, 0, "artikel", kb.StatusDraft, kb.VisibilityPublic, "Artikel", "Text")
		path := "/admin/kb/articles/" + itoa64(art) + "/images"
		for _, bad := range []apptest.File{
			{Field: "image", Name: "fake.png", Data: []byte("GIF89a")},
			{Field: "image", Name: "kaputt.png", Data: append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 40)...)},
		} {
			if r := agent.PostMultipart(path, nil, bad); r.Status != 422 || !strings.Contains(r.Body, "kein PNG-, JPEG-, GIF- oder WebP-Bild") {
				t.Errorf("%s: %d, want 422 with the image message", bad.Name, r.Status)
			}
		}
		if imgs, _ := kb.Images(context.Background(), env.DB, ten.ID, art); len(imgs) != 0 {
			t.Fatalf("a broken image was stored: %+v", imgs)
		}
		if r := agent.PostMultipart(path, nil, apptest.File{Field: "image", Name: "echt.png", Data: pngImage(t)}); r.Status != 303 {
			t.Errorf("a real PNG: %d", r.Status)
		}
	})
}

// TestKBEmptyBodyNotPublished: a new article without text is refused as published
// (message next to the text, what was typed kept) but saved as a draft; set to
// published later it is refused next to the status; a published article's text cannot
// be emptied.
func TestKBEmptyBodyNotPublished(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		agent := env.Client("a.test")
		agent.AdminLogin("agent@service.test", "agent-password")
		form := url.Values{"language": {"de"}, "title": {"Leerer Artikel"}, "body": {"  \n "}, "slug": {""}, "category_id": {""},
			"status": {kb.StatusPublished}, "visibility": {kb.VisibilityPublic}}
		r := agent.Post("/admin/kb", form)
		if r.Status != 422 || !strings.Contains(r.Body, "ohne Text kann nicht veröffentlicht") || !strings.Contains(r.Body, "Leerer Artikel") {
			t.Fatalf("published without text: %d", r.Status)
		}
		form.Set("status", kb.StatusDraft)
		r = agent.Post("/admin/kb", form)
		m := articlePath.FindStringSubmatch(r.Header.Get("Location"))
		if r.Status != 303 || m == nil {
			t.Fatalf("draft without text: %d %q", r.Status, r.Header.Get("Location"))
		}
		art := "/admin/kb/articles/" + m[1]
		meta := url.Values{"slug": {"leer"}, "category_id": {""}, "status": {kb.StatusPublished}, "visibility": {kb.VisibilityPublic}}
		if r := agent.Post(art, meta); r.Status != 422 || !strings.Contains(r.Body, "Der Text ist leer in: Deutsch") {
			t.Errorf("publishing the empty draft: %d", r.Status)
		}
		if r := agent.Post(art+"/translations/de", url.Values{"title": {"Voller Artikel"}, "body": {"Jetzt mit Text."}}); r.Status != 303 {
			t.Fatalf("writing the text: %d", r.Status)
		}
		if r := agent.Post(art, meta); r.Status != 303 {
			t.Fatalf("publishing with text: %d", r.Status)
		}
		if r := agent.Post(art+"/translations/de", url.Values{"title": {"Voller Artikel"}, "body": {""}}); r.Status != 422 ||
			!strings.Contains(r.Body, "veröffentlichter Artikel braucht einen Text") {
			t.Errorf("emptying a published text: %d", r.Status)
		}
	})
}

// TestKBSearchShortWords: a portal search for "<b>" (the one-letter word "b") lists
// nothing and asks for a longer word; one-letter words beside a real one are ignored.
func TestKBSearchShortWords(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		cat := kbCategory(t, env, ten, "Drucker")
		for _, a := range [][2]string{{"a1", "Bildschirm bleibt schwarz"}, {"a2", "Benutzer anlegen"}, {"a3", "Backup prüfen"}} {
			kbArticle(t, env, ten, cat, a[0], kb.StatusPublished, kb.VisibilityPublic, a[1], "Beschreibung "+a[1])
		}
		visitor := env.Client("a.test")
		r := visitor.Get("/kb/search?q=" + url.QueryEscape("<b>"))
		if r.Status != 200 || !strings.Contains(r.Body, "mindestens ein Wort mit 2 oder mehr Buchstaben") || strings.Contains(r.Body, "kb-results") {
			t.Errorf("search for <b>: %d, lists articles or lacks the hint", r.Status)
		}
		r = visitor.Get("/kb/search?q=" + url.QueryEscape("b backup"))
		if r.Status != 200 || !strings.Contains(r.Body, "Backup prüfen") || strings.Contains(r.Body, "Benutzer anlegen") {
			t.Errorf("one-letter word beside a real one: %d", r.Status)
		}
	})
}
