package web

import (
	"log/slog"
	"net/http"
	"strconv"

	"github.com/a-h/templ"
)

// Render writes a full page or fragment with the given status. The page is rendered into
// a pooled buffer first and sent in one write with its length: streaming it straight into
// the response cost a chunk and a system call per 2 KiB, and an error half-way through
// could no longer become an error page.
func Render(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	buf := templ.GetBuffer()
	defer templ.ReleaseBuffer(buf)
	if err := c.Render(r.Context(), buf); err != nil {
		if r.Context().Err() == nil { // a client that went away is not a failure
			slog.ErrorContext(r.Context(), "render", "path", LogPath(r), "err", err)
			http.Error(w, "internal server error", http.StatusInternalServerError)
		}
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
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
