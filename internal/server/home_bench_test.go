package server_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// BenchmarkPortalHome measures the logged-in contact's home page through the whole
// handler stack, in process (no network), per engine.
func BenchmarkPortalHome(b *testing.B) {
	for _, e := range testutil.Engines(b) {
		env := apptest.Start(b, e)
		ten := env.Tenant("Demo Service GmbH")
		co := env.Company(ten, "Müller Haustechnik GmbH")
		env.Contact(ten, "anna@mueller.test", "bench-password", "main", co)
		benchHome(b, env, e, "anna@mueller.test", "bench-password")
	}
}

// benchHome signs the contact in and times their home page through the whole handler
// stack, as sub-benchmark e.
func benchHome(b *testing.B, env *apptest.Env, e db.Engine, email, pw string) {
	c := env.Client("")
	c.Login(email, pw)
	cookie := &http.Cookie{Name: web.PortalCookie, Value: c.Cookie(web.PortalCookie)}
	h := env.App.Handler()
	b.Run(string(e), func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			req := httptest.NewRequest("GET", "/", nil)
			req.AddCookie(cookie)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != 200 {
				b.Fatalf("status %d", w.Code)
			}
		}
	})
}
