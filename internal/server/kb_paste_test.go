package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// TestKBImagePasteJSON: the editor's script (an image pasted or dropped onto an
// article's text) uploads with Accept: application/json and gets JSON instead of the
// article's page: the new image's Markdown and id; a refused image (wrong type, too
// large) gets 422 with the message in the staff member's language, and nothing is
// stored; another tenant's article is 404. A cross-site request is refused as before.
func TestKBImagePasteJSON(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		other := env.Tenant("Fremd GmbH", "b.test")
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		agent := env.Client("a.test")
		agent.AdminLogin("agent@service.test", "agent-password")
		art := kbArticle(t, env, ten, 0, "wlan", kb.StatusDraft, kb.VisibilityCustomers, "WLAN", "Text")
		foreign := kbArticle(t, env, other, 0, "fremd", kb.StatusDraft, kb.VisibilityCustomers, "Fremd", "Text")
		path := "/admin/kb/articles/" + id(art) + "/images"

		r := agent.PostMultipartJSON(path, apptest.File{Field: "image", Name: "Bildschirmfoto [1].png", Data: pngImage(t)})
		var ok struct {
			Markdown string `json:"markdown"`
			ID       int64  `json:"id"`
		}
		if r.Status != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") ||
			json.Unmarshal([]byte(r.Body), &ok) != nil {
			t.Fatalf("paste: %d %s %.300s", r.Status, r.Header.Get("Content-Type"), r.Body)
		}
		imgs, _ := kb.Images(ctx, env.DB, ten.ID, art)
		if len(imgs) != 1 || imgs[0].ID != ok.ID || ok.Markdown != imgs[0].Markdown() ||
			ok.Markdown != "![Bildschirmfoto  1](/kb/images/"+id(ok.ID)+")" {
			t.Fatalf("answer %+v, images %+v", ok, imgs)
		}

		big := append(pngImage(t), make([]byte, kb.MaxImageBytes)...)
		for _, c := range []struct {
			name string
			f    apptest.File
			msg  string
		}{
			{"text as png", apptest.File{Field: "image", Name: "bild.png", Data: []byte("nur Text\n")},
				"Diese Datei ist kein PNG-, JPEG-, GIF- oder WebP-Bild."},
			{"too large", apptest.File{Field: "image", Name: "gross.png", Data: big}, "größer als 2 MB"},
		} {
			r := agent.PostMultipartJSON(path, c.f)
			var refused struct {
				Error string `json:"error"`
			}
			if r.Status != 422 || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") ||
				json.Unmarshal([]byte(r.Body), &refused) != nil || !strings.Contains(refused.Error, c.msg) {
				t.Errorf("%s: %d %.300s, want 422 with %q", c.name, r.Status, r.Body, c.msg)
			}
		}
		if imgs, _ := kb.Images(ctx, env.DB, ten.ID, art); len(imgs) != 1 {
			t.Errorf("a refused image was stored: %d", len(imgs))
		}

		r = agent.PostMultipartJSON("/admin/kb/articles/"+id(foreign)+"/images", apptest.File{Field: "image", Name: "x.png", Data: pngImage(t)})
		if r.Status != 404 {
			t.Errorf("foreign article: %d", r.Status)
		}
		if imgs, _ := kb.Images(ctx, env.DB, other.ID, foreign); len(imgs) != 0 {
			t.Errorf("image stored for the other tenant: %+v", imgs)
		}

		// The script's fetch passes the cross-origin check as a same-origin request does
		// (above); another site's is refused before the handler.
		req, err := http.NewRequest("POST", env.Srv.URL+path, strings.NewReader(""))
		if err != nil {
			t.Fatal(err)
		}
		req.Host = "a.test"
		req.Header.Set("Accept", "application/json")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		req.AddCookie(&http.Cookie{Name: web.AdminCookie, Value: agent.Cookie(web.AdminCookie)})
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 403 {
			t.Errorf("cross-site upload: %d, want 403", res.StatusCode)
		}
	})
}
