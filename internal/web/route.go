package web

import (
	"net/http"
	"net/url"
	"path"
	"strings"
)

// Route is one registered endpoint. Surfaces return their routes as a table so that the
// isolation test can walk every one of them with foreign ids, and a route that is added
// without joining that test makes it fail.
type Route struct {
	Pattern string // ServeMux pattern with method, e.g. "GET /companies/{id}"
	Handler http.HandlerFunc
}

// Register adds routes to mux, and for every form action without a page of its own
// (POST /tickets/{id}/reply) a GET that leads to the page it belongs to. A form with an
// error is answered at the action's address; opened again later (a tab restored, the
// address copied) it would otherwise be "page not found".
func Register(mux *http.ServeMux, routes []Route) {
	gets := map[string]bool{}
	for _, r := range routes {
		mux.HandleFunc(r.Pattern, r.Handler)
		if p, ok := strings.CutPrefix(r.Pattern, "GET "); ok {
			gets[p] = true
		}
	}
	added := map[string]bool{} // the patterns of these redirects, which are no page
	for _, r := range routes {
		p, ok := strings.CutPrefix(r.Pattern, "POST ")
		if !ok || gets[p] || added["GET "+p] || strings.HasSuffix(p, "/") {
			continue
		}
		added["GET "+p] = true
		mux.HandleFunc("GET "+p, func(w http.ResponseWriter, req *http.Request) { toPage(mux, added, w, req) })
	}
}

// toPage redirects to the nearest address above the request's that a page answers
// (not a catch-all such as "/admin/", not another of these redirects), else to the
// surface's start.
func toPage(mux *http.ServeMux, redirects map[string]bool, w http.ResponseWriter, r *http.Request) {
	for up := path.Dir(r.URL.Path); up != "/" && up != "."; up = path.Dir(up) {
		probe := &http.Request{Method: http.MethodGet, Host: r.Host, URL: &url.URL{Path: up}}
		if _, pattern := mux.Handler(probe); strings.HasPrefix(pattern, "GET ") && !redirects[pattern] {
			http.Redirect(w, r, up, http.StatusSeeOther)
			return
		}
	}
	to := "/"
	if strings.HasPrefix(r.URL.Path, "/admin/") {
		to = "/admin"
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}
