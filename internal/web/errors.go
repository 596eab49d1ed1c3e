package web

import (
	"errors"
	"net/http"

	"pforte/internal/db"
)

// Fail answers a request that failed. ErrNotFound becomes the 404 page (another
// company's record is indistinguishable from a missing one); anything else is logged
// here, once, and shown as a 500 page without details.
func (e *Env) Fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, db.ErrNotFound) {
		e.NotFound(w, r)
		return
	}
	if r.Context().Err() != nil {
		return // the client went away; nothing to answer
	}
	e.Log.Error("request failed", "method", r.Method, "path", LogPath(r), "err", err)
	Render(w, r, http.StatusInternalServerError, ErrorPage("error.server.title", "error.server.text"))
}

// NotFound answers with the 404 page.
func (e *Env) NotFound(w http.ResponseWriter, r *http.Request) {
	Render(w, r, http.StatusNotFound, ErrorPage("error.notfound.title", "error.notfound.text"))
}
