package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// TestSetupLink: the printed link creates the first admin exactly once.
func TestSetupLink(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Neu GmbH")
		link, err := env.App.Access.SetupLink(context.Background(), ten.ID, env.Srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		path := strings.TrimPrefix(link, env.Srv.URL)
		c := env.Client("")
		if r := c.Get(path); r.Status != 200 {
			t.Fatalf("setup page: %d", r.Status)
		}
		r := c.Post(path, url.Values{"name": {""}, "email": {"not-an-email"}, "password": {"x"}, "password_confirm": {"x"}})
		if r.Status != 422 || !strings.Contains(r.Body, "gültige E-Mail-Adresse") || !strings.Contains(r.Body, `value="not-an-email"`) {
			t.Fatalf("bad setup input: %d", r.Status)
		}
		r = c.Post(path, url.Values{"name": {"Ada Admin"}, "email": {"ada@neu.test"}, "password": {"ada-password-1"}, "password_confirm": {"ada-password-1"}})
		if r.Status != 303 || r.Location != "/admin/" {
			t.Fatalf("setup: %d %q", r.Status, r.Location)
		}
		if r := c.Get("/admin/"); r.Status != 200 || !strings.Contains(r.Body, "Ada Admin") {
			t.Fatalf("dashboard: %d", r.Status)
		}
		if r := env.Client("").Get(path); r.Status != 410 {
			t.Errorf("setup link reusable: %d", r.Status)
		}
		if _, err := env.App.Access.SetupLink(context.Background(), ten.ID, ""); err == nil {
			t.Errorf("a setup link was issued although an admin exists")
		}
	})
}

// TestBadInput: every back-office form answers bad input with 422, the message next to
// the field in the user's language, and the typed values kept — never a 500.
func TestBadInput(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		co := env.Company(ten, "Erste AG")
		env.DB.Exec(context.Background(), `UPDATE companies SET external_id = 'ERP-1', email_domains = 'erste.de',
			customer_number = 'K-1' WHERE id = ?`, co.ID)
		env.Contact(ten, "taken@kunde.test", "", "user", co)
		c := env.Client("")
		c.AdminLogin("boss@service.test", "boss-password")
		long := strings.Repeat("x", 201)
		cases := []struct {
			name, path string
			form       url.Values
			want       []string
		}{
			{"company empty", "/admin/companies", url.Values{"name": {" "}, "city": {"Ulm"}}, []string{"Bitte füllen Sie dieses Feld aus.", `value="Ulm"`}},
			{"company too long", "/admin/companies", url.Values{"name": {long}}, []string{"höchstens 200 Zeichen"}},
			{"company bad domain", "/admin/companies", url.Values{"name": {"A"}, "email_domains": {"kunde, x@y.de"}}, []string{"Keine gültige Domain: kunde, x@y.de", `value="kunde, x@y.de"`}},
			{"company public domain", "/admin/companies", url.Values{"name": {"A"}, "email_domains": {"a-firma.de, gmail.com"}}, []string{"gmail.com gehört zu einem öffentlichen E-Mail-Anbieter", `value="a-firma.de, gmail.com"`}},
			{"contact invisible name", "/admin/contacts", url.Values{"last_name": {"\u202e\u200b"}, "email": {"unsichtbar@kunde.test"}}, []string{"Bitte füllen Sie dieses Feld aus.", `value="unsichtbar@kunde.test"`}},
			{"company domain taken", "/admin/companies", url.Values{"name": {"A"}, "email_domains": {"erste.de"}}, []string{"gehört bereits zur Firma Erste AG"}},
			{"company all problems at once", "/admin/companies", url.Values{"name": {" "}, "customer_number": {"K-1"}, "external_id": {"ERP-1"}, "email_domains": {"erste.de"}},
				[]string{"Bitte füllen Sie dieses Feld aus.", "gehört bereits zur Firma Erste AG", "Dieser Wert gehört bereits zur Firma Erste AG", `value="K-1"`, `value="ERP-1"`}},
			{"company number taken", "/admin/companies", url.Values{"name": {"A"}, "customer_number": {"K-1"}}, []string{"Dieser Wert gehört bereits zur Firma Erste AG", `value="K-1"`}},
			{"company external id taken", "/admin/companies", url.Values{"name": {"B"}, "external_id": {"ERP-1"}}, []string{"Dieser Wert gehört bereits zur Firma Erste AG", `value="ERP-1"`}},
			{"contact malformed email", "/admin/contacts", url.Values{"last_name": {"Muster"}, "email": {"muster@"}}, []string{"gültige E-Mail-Adresse", `value="Muster"`}},
			{"contact email taken", "/admin/contacts", url.Values{"last_name": {"Muster"}, "email": {"TAKEN@kunde.test"}}, []string{"gehört bereits zum Kontakt", `value="Muster"`}},
			{"contact no last name", "/admin/contacts", url.Values{"first_name": {"Max"}}, []string{"Bitte füllen Sie dieses Feld aus.", `value="Max"`}},
			{"contact bad language", "/admin/contacts", url.Values{"last_name": {"M"}, "language": {"xx"}}, []string{"angebotenen Werte"}},
			{"company update empty", "/admin/companies/" + id(co.ID), url.Values{"name": {""}}, []string{"Bitte füllen Sie dieses Feld aus."}},
			{"company same name", "/admin/companies", url.Values{"name": {" Erste AG "}, "city": {"Ulm"}},
				[]string{"Eine Firma namens „Erste AG“ gibt es bereits", `href="/admin/companies/` + id(co.ID) + `"`, `name="same_name_ok"`, `value="Ulm"`}},
		}
		for _, tc := range cases {
			r := c.Post(tc.path, tc.form)
			if r.Status != 422 {
				t.Errorf("%s: status %d, want 422", tc.name, r.Status)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.Body, w) {
					t.Errorf("%s: body lacks %q", tc.name, w)
				}
			}
		}
		// A body too large to be a form is refused cleanly.
		big := url.Values{"name": {strings.Repeat("y", web.MaxFormBytes+10)}}
		if r := c.Post("/admin/companies", big); r.Status != 422 || !strings.Contains(r.Body, "nicht gelesen werden") {
			t.Errorf("oversized form: %d", r.Status)
		}
		var n int
		env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM companies`).Scan(&n)
		if n != 1 {
			t.Errorf("bad input created companies: %d", n)
		}
		// A real namesake is created once staff tick "create anyway".
		if r := c.Post("/admin/companies", url.Values{"name": {"Erste AG"}, "same_name_ok": {"1"}}); r.Status != 303 {
			t.Errorf("namesake with confirmation: %d", r.Status)
		}
	})
}

// TestSecurityHeaders checks the headers, cookies and cross-origin protection.
func TestSecurityHeaders(t *testing.T) {
	env := apptest.Start(t, db.SQLite)
	ten := env.Tenant("Service GmbH")
	co := env.Company(ten, "Kunde AG")
	env.Contact(ten, "h@kunde.test", "header-password", "user", co)
	c := env.Client("")
	r := c.Get("/login")
	csp := r.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP: %q", csp)
	}
	for h, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Cache-Control": "no-store"} {
		if got := r.Header.Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
	if strings.Contains(r.Body, "<script>") || strings.Contains(r.Body, " onclick=") || strings.Contains(r.Body, " style=") {
		t.Errorf("inline script or style in page")
	}
	res := c.Post("/login", url.Values{"email": {"h@kunde.test"}, "password": {"header-password"}})
	ck := res.Header.Get("Set-Cookie")
	if !strings.Contains(ck, "HttpOnly") || !strings.Contains(ck, "SameSite=Lax") || strings.Contains(ck, "Secure") {
		t.Errorf("session cookie over plain HTTP: %q", ck)
	}
	// Behind a TLS-terminating proxy that says so, cookies are Secure. Not trusted by default:
	req, _ := http.NewRequest("POST", env.Srv.URL+"/login", strings.NewReader("email=h@kunde.test&password=header-password"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Forwarded-Proto", "https")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if strings.Contains(resp.Header.Get("Set-Cookie"), "Secure") {
		t.Errorf("X-Forwarded-Proto trusted without PFORTE_TRUST_PROXY")
	}
	env.App.Env.TrustProxy = true
	resp, err = http.DefaultTransport.RoundTrip(mustReq(t, env.Srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if !strings.Contains(resp.Header.Get("Set-Cookie"), "Secure") || resp.Header.Get("Strict-Transport-Security") == "" {
		t.Errorf("behind trusted proxy: cookie %q", resp.Header.Get("Set-Cookie"))
	}
	env.App.Env.TrustProxy = false
	// A cross-site form post is refused before any handler runs.
	req, _ = http.NewRequest("POST", env.Srv.URL+"/login", strings.NewReader("email=h@kunde.test&password=header-password"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err = http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site POST: %d", resp.StatusCode)
	}
}

func mustReq(t *testing.T, base string) *http.Request {
	req, err := http.NewRequest("POST", base+"/login", strings.NewReader("email=h@kunde.test&password=header-password"))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Forwarded-Proto", "https")
	return req
}

// TestOperations covers /healthz, /readyz, /metrics and the static files.
func TestOperations(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		env.Tenant("Service GmbH")
		c := env.Client("")
		c.Get("/login")
		c.Get("/companies/1")
		for path, want := range map[string]int{"/healthz": 200, "/readyz": 200} {
			if r := c.Get(path); r.Status != want {
				t.Errorf("%s: %d", path, r.Status)
			}
		}
		m := c.Get("/metrics").Body
		for _, want := range []string{`pforte_http_requests_total{route="GET /login",status="200"} 1`,
			`pforte_http_request_duration_seconds_bucket{route="GET /login"`, "pforte_queue_depth 0"} {
			if !strings.Contains(m, want) {
				t.Errorf("metrics lack %q", want)
			}
		}
		page := c.Get("/login").Body
		i := strings.Index(page, "/static/")
		css := page[i : i+strings.Index(page[i:], `"`)]
		if r := c.Get(css); r.Status != 200 || !strings.Contains(r.Header.Get("Cache-Control"), "immutable") {
			t.Errorf("static %s: %d", css, r.Status)
		}
		if r := c.Get("/static/x/../../go.mod"); r.Status == 200 {
			t.Errorf("static path escape")
		}
	})
}
