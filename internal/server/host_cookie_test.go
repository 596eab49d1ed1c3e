package server_test

import (
	"net/http"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
)

// TestHostPrefixedCookies checks that over HTTPS (here: behind a trusted proxy that says
// so) the session cookie is named __Host-… with Secure, Path=/ and no Domain, that it
// carries the session, and that a plain-named cookie, which a sibling host under the same
// domain could set, is not taken for a session there.
func TestHostPrefixedCookies(t *testing.T) {
	env := apptest.Start(t, db.SQLite)
	ten := env.Tenant("Service GmbH")
	co := env.Company(ten, "Kunde AG")
	env.Contact(ten, "h@kunde.test", "host-cookie-password", "user", co)
	env.App.Env.TrustProxy = true

	send := func(method, path, body string, cookie *http.Cookie) *http.Response {
		t.Helper()
		req, err := http.NewRequest(method, env.Srv.URL+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("X-Forwarded-Proto", "https")
		if body != "" {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		if cookie != nil {
			req.AddCookie(cookie)
		}
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	res := send("POST", "/login", "email=h@kunde.test&password=host-cookie-password", nil)
	var session *http.Cookie
	for _, ck := range res.Cookies() {
		if ck.Name == "__Host-pforte_portal" {
			session = ck
		}
		if ck.Name == "pforte_portal" {
			t.Errorf("unprefixed session cookie over HTTPS: %v", ck)
		}
	}
	if session == nil || !session.Secure || session.Path != "/" || session.Domain != "" || !session.HttpOnly {
		t.Fatalf("login over HTTPS: session cookie %v (all: %q)", session, res.Header.Values("Set-Cookie"))
	}
	if r := send("GET", "/", "", &http.Cookie{Name: session.Name, Value: session.Value}); r.StatusCode != http.StatusOK {
		t.Errorf("home with the prefixed cookie: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	if r := send("GET", "/", "", &http.Cookie{Name: "pforte_portal", Value: session.Value}); r.StatusCode != http.StatusSeeOther {
		t.Errorf("home with an unprefixed cookie over HTTPS: %d, want a redirect to the login", r.StatusCode)
	}
	// Logging out clears the prefixed cookie.
	r := send("POST", "/logout", "", &http.Cookie{Name: session.Name, Value: session.Value})
	cleared := false
	for _, ck := range r.Cookies() {
		cleared = cleared || (ck.Name == "__Host-pforte_portal" && ck.MaxAge < 0)
	}
	if !cleared {
		t.Errorf("logout did not clear the prefixed cookie: %q", r.Header.Values("Set-Cookie"))
	}
}
