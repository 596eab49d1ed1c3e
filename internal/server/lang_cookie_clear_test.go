package server_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/web"
)

// TestLanguageAutomaticOverHTTPS: a language picked before cookies got the __Host-
// prefix (or over plain HTTP) sits in a plain-named cookie, which the visitor's
// language still reads over HTTPS. Choosing "automatic" must expire that one too, or
// the old pick keeps deciding over the browser's language for a year.
func TestLanguageAutomaticOverHTTPS(t *testing.T) {
	env := apptest.Start(t, db.SQLite)
	env.Tenant("Service GmbH")
	env.App.Env.TrustProxy = true
	send := func(method, path, body string, cookies ...*http.Cookie) *http.Response {
		t.Helper()
		req, err := http.NewRequest(method, env.Srv.URL+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("X-Forwarded-Proto", "https")
		req.Header.Set("Accept-Language", "en")
		if body != "" {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		for _, ck := range cookies {
			req.AddCookie(ck)
		}
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	old := &http.Cookie{Name: web.LangCookie, Value: "de"} // from before the prefix
	res := send("POST", "/language", url.Values{"language": {""}}.Encode(), old)
	res.Body.Close()
	var jar []*http.Cookie // what the browser keeps after the answer
	expired := map[string]bool{}
	for _, ck := range res.Cookies() {
		expired[ck.Name] = ck.MaxAge < 0
	}
	if !expired[web.LangCookie] {
		jar = append(jar, old)
	}
	if !expired["__Host-"+web.LangCookie] {
		t.Errorf("automatic over HTTPS did not expire the prefixed language cookie: %q", res.Header.Values("Set-Cookie"))
	}
	page := send("GET", "/login", "", jar...)
	b, _ := io.ReadAll(page.Body)
	page.Body.Close()
	if !strings.Contains(string(b), `<html lang="en"`) {
		t.Errorf("after automatic, the old language cookie still decides (cookies %q): %.300s", res.Header.Values("Set-Cookie"), b)
	}
}
