package web

import (
	"net/http"
	"strconv"

	"github.com/a-h/templ"
)

// Render writes a full page or fragment with the given status.
func Render(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := c.Render(r.Context(), w); err != nil && r.Context().Err() == nil {
		// Headers are gone; all we can do is stop. The error reaches the log via the caller's logger.
		return
	}
}

// Page is the query's page number for lists, starting at 1.
func Page(r *http.Request) int {
	p, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || p < 1 || p > 100000 {
		return 1
	}
	return p
}

// ID parses a path value as a positive id; anything else reads as "not found".
func ID(r *http.Request, name string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	return id, err == nil && id > 0
}
