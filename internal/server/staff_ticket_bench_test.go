package server_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// BenchmarkStaffTicketPage measures a ticket's page in the back office — conversation,
// forms, service levels, the company's other open tickets and its note — for a
// company with 200 tickets, through the whole handler stack, in process, per engine.
func BenchmarkStaffTicketPage(b *testing.B) {
	for _, e := range testutil.Engines(b) {
		env := apptest.Start(b, e)
		ten := env.Tenant("Demo Service GmbH")
		co := env.Company(ten, "Müller Haustechnik GmbH")
		env.Contact(ten, "anna@mueller.test", "bench-password", "main", co)
		env.Staff(ten, staff.RoleAgent, "agent@demo.test", "bench-password")
		anna := env.Client("")
		anna.Login("anna@mueller.test", "bench-password")
		var last string
		for range 200 {
			r := anna.PostMultipart("/tickets", map[string]string{"title": "Drucker klemmt", "body": "Seit heute früh.", "priority": "2"})
			if r.Status != 303 {
				b.Fatalf("create ticket: %d", r.Status)
			}
			last = r.Location
		}
		c := env.Client("")
		c.AdminLogin("agent@demo.test", "bench-password")
		cookie := &http.Cookie{Name: web.AdminCookie, Value: c.Cookie(web.AdminCookie)}
		h, path := env.App.Handler(), "/admin"+last
		b.Run(string(e), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest("GET", path, nil)
				req.AddCookie(cookie)
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
				if w.Code != 200 {
					b.Fatalf("%s: %d", path, w.Code)
				}
			}
		})
	}
}
