package web

import "net/http"

// Route is one registered endpoint. Surfaces return their routes as a table so that the
// isolation test can walk every one of them with foreign ids, and a route that is added
// without joining that test makes it fail.
type Route struct {
	Pattern string // ServeMux pattern with method, e.g. "GET /companies/{id}"
	Handler http.HandlerFunc
}

// Register adds routes to mux.
func Register(mux *http.ServeMux, routes []Route) {
	for _, r := range routes {
		mux.HandleFunc(r.Pattern, r.Handler)
	}
}
