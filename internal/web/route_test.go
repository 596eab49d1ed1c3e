package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestRegisterActionRedirects: opening a form action's address leads to the page above
// it, past addresses without a page and past other actions; actions with a page of
// their own keep it; POST still reaches the action.
func TestRegisterActionRedirects(t *testing.T) {
	mux := http.NewServeMux()
	ok := func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("page " + r.Pattern)) }
	Register(mux, []Route{
		{Pattern: "GET /tickets/{id}", Handler: ok},
		{Pattern: "POST /tickets/{id}/reply", Handler: ok},
		{Pattern: "GET /login", Handler: ok},
		{Pattern: "POST /login", Handler: ok},
		{Pattern: "POST /colleagues/registrations/{id}/reject", Handler: ok},
		{Pattern: "POST /colleagues/registrations", Handler: ok},
		{Pattern: "GET /colleagues", Handler: ok},
		{Pattern: "POST /logout", Handler: ok},
		{Pattern: "/", Handler: http.NotFound},
	})
	for path, want := range map[string]string{
		"/tickets/7/reply":                   "/tickets/7",
		"/colleagues/registrations/3/reject": "/colleagues",
		"/colleagues/registrations":          "/colleagues",
		"/logout":                            "/",
	} {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != want {
			t.Errorf("GET %s: %d → %q, want %q", path, rec.Code, rec.Header().Get("Location"), want)
		}
	}
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("GET", "/login", nil))
	if rec.Body.String() != "page GET /login" {
		t.Errorf("GET /login: %q", rec.Body.String())
	}
	rec = httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("POST", "/tickets/7/reply", nil))
	if rec.Body.String() != "page POST /tickets/{id}/reply" {
		t.Errorf("POST still reaches the action: %q", rec.Body.String())
	}
}
