package server_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestBranding: admins set the portal's title, login welcome text and logo; bad input
// (too long, not an image, too large) is refused next to its field with the typed texts
// kept; the logo is served publicly with its sniffed type and cache headers, and shows
// in the login page and the portal's header. Agents cannot reach the settings.
func TestBranding(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test")
		env.Tenant("Fremd GmbH", "b.test")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "k@kunde.test", "kunde-password", "user", co)
		env.Staff(ten, "admin", "admin@service.test", "admin-password")
		env.Staff(ten, "agent", "agent@service.test", "agent-password")
		admin := env.Client("a.test")
		admin.AdminLogin("admin@service.test", "admin-password")
		agent := env.Client("a.test")
		agent.AdminLogin("agent@service.test", "agent-password")
		if r := agent.Get("/admin/settings/branding"); r.Status != 404 {
			t.Errorf("agent sees branding: %d", r.Status)
		}
		if r := agent.PostMultipart("/admin/settings/branding", map[string]string{"title": "Agent"}); r.Status != 404 {
			t.Errorf("agent saves branding: %d", r.Status)
		}
		if r := admin.Get("/admin/settings/branding"); r.Status != 200 || !strings.Contains(r.Body, `enctype="multipart/form-data"`) {
			t.Fatalf("branding form: %d", r.Status)
		}

		logo := pngImage(t)
		big := append(append([]byte{}, logo...), make([]byte, 600<<10)...) // a PNG by its header, 600 KB
		typed := map[string]string{"title": "Kundenportal Service", "welcome": "Willkommen im Portal!", "chooser": "Ihre Firma?"}
		cases := []struct {
			name   string
			fields map[string]string
			file   *apptest.File
			msg    string
		}{
			{"title too long", with(typed, "title", strings.Repeat("x", 101)), nil, "höchstens 100 Zeichen"},
			{"welcome too long", with(typed, "welcome", strings.Repeat("w", 1001)), nil, "höchstens 1.000 Zeichen"},
			{"text renamed .png", typed, &apptest.File{Field: "logo", Name: "logo.png", Data: []byte("just some text, not an image\n")}, "kein PNG-, JPEG-, WebP- oder GIF-Bild"},
			{"svg", typed, &apptest.File{Field: "logo", Name: "logo.svg", Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)}, "kein PNG-"},
			{"empty file", typed, &apptest.File{Field: "logo", Name: "leer.png"}, "kein PNG-"},
			{"oversized", typed, &apptest.File{Field: "logo", Name: "big.png", Data: big}, "größer als 512 KB"},
		}
		for _, c := range cases {
			var files []apptest.File
			if c.file != nil {
				files = append(files, *c.file)
			}
			r := admin.PostMultipart("/admin/settings/branding", c.fields, files...)
			if r.Status != 422 || !strings.Contains(r.Body, c.msg) {
				t.Errorf("%s: %d, want 422 with %q", c.name, r.Status, c.msg)
			}
			for _, v := range c.fields {
				if len(v) < 200 && !strings.Contains(r.Body, v) {
					t.Errorf("%s: typed %q lost", c.name, v)
				}
			}
		}
		var n int
		env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM tenant_logos`).Scan(&n)
		if n != 0 {
			t.Fatalf("a refused logo was stored")
		}
		if r := env.Client("a.test").Get("/brand/logo"); r.Status != 404 {
			t.Errorf("logo before upload: %d", r.Status)
		}

		// A good save: texts and logo, with an audit entry.
		r := admin.PostMultipart("/admin/settings/branding", typed, apptest.File{Field: "logo", Name: "logo.bin", Data: logo})
		if r.Status != 303 {
			t.Fatalf("save: %d %.300s", r.Status, r.Body)
		}
		var what string
		env.DB.QueryRow(ctx, `SELECT target FROM audit_log WHERE action = 'branding_changed' AND tenant_id = ?`, ten.ID).Scan(&what)
		if !strings.Contains(what, "image/png") {
			t.Errorf("audit entry: %q", what)
		}
		guest := env.Client("a.test")
		page := guest.Get("/login").Body
		src := between(page, `<img class="auth-logo" src="`, `"`)
		if !strings.HasPrefix(src, "/brand/logo?v=") || !strings.Contains(page, "Willkommen im Portal!") ||
			!strings.Contains(page, "<title>Anmelden · Kundenportal Service</title>") {
			t.Fatalf("login page not branded: logo %q\n%.2000s", src, page)
		}
		lr := guest.Get(src)
		if lr.Status != 200 || lr.Header.Get("Content-Type") != "image/png" || lr.Body != string(logo) ||
			!strings.Contains(lr.Header.Get("Cache-Control"), "immutable") || lr.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("logo: %d %q %q", lr.Status, lr.Header.Get("Content-Type"), lr.Header.Get("Cache-Control"))
		}
		if cc := guest.Get("/brand/logo?v=1").Header.Get("Cache-Control"); strings.Contains(cc, "immutable") {
			t.Errorf("an old version is cached for good: %q", cc)
		}
		if r := env.Client("b.test").Get("/brand/logo"); r.Status != 404 {
			t.Errorf("another tenant serves this logo: %d", r.Status)
		}
		k := env.Client("a.test")
		k.Login("k@kunde.test", "kunde-password")
		home := k.Get("/").Body
		if !strings.Contains(home, `<img class="brand-logo" src="`+src+`"`) || !strings.Contains(home, "Kundenportal Service") {
			t.Errorf("portal header not branded")
		}

		// Removing the logo: its own button beside it, the texts stay.
		if !strings.Contains(admin.Get("/admin/settings/branding").Body, `form="logo-remove"`) {
			t.Errorf("no button to remove the logo")
		}
		if r := admin.Post("/admin/settings/branding/logo/remove", nil); r.Status != 303 {
			t.Fatalf("remove: %d", r.Status)
		}
		if strings.Contains(admin.Get("/admin/settings/branding").Body, `form="logo-remove"`) {
			t.Errorf("a button to remove a logo that is gone")
		}
		var logged int
		if err := env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'branding_changed'
			AND target = 'logo removed'`, ten.ID).Scan(&logged); err != nil || logged != 1 {
			t.Errorf("removal audited %d times (%v), want once", logged, err)
		}
		if r := admin.Get("/admin/audit"); !strings.Contains(r.Body, "Logo entfernt") {
			t.Errorf("the audit log does not say the logo was removed")
		}
		if r := agent.Post("/admin/settings/branding/logo/remove", nil); r.Status != 404 {
			t.Errorf("agent removes the logo: %d", r.Status)
		}
		if r := guest.Get("/brand/logo"); r.Status != 404 {
			t.Errorf("removed logo still served: %d", r.Status)
		}
		if strings.Contains(guest.Get("/login").Body, "/brand/logo") {
			t.Errorf("login page still shows the removed logo")
		}
	})
}

func with(m map[string]string, k, v string) map[string]string {
	out := map[string]string{k: v}
	for key, val := range m {
		if key != k {
			out[key] = val
		}
	}
	return out
}

func between(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return ""
	}
	s = s[i+len(start):]
	if j := strings.Index(s, end); j >= 0 {
		return s[:j]
	}
	return ""
}

func pngImage(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 4, 2))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
