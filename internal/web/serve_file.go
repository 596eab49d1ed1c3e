package web

import (
	"errors"
	"net/http"
	"time"

	"pforte/internal/filestore"
)

// ServeFile streams a stored file as a download (the pipeline's Cache-Control: no-store
// stays, so no shared cache keeps a customer's file): never inline (an uploaded HTML file
// must not run in the portal's origin), with the sniffed type (plain bytes when the
// content contradicts the name: filestore.ServeType) and nosniff, the user's
// file name in Content-Disposition, Range support for resuming, and a write deadline
// that fits the file's size (filestore.ServeContent). A zero modified time means the
// stored file's own.
func (e *Env) ServeFile(w http.ResponseWriter, r *http.Request, key, filename, contentType string, modified time.Time) {
	f, err := e.Files.Open(key)
	if errors.Is(err, filestore.ErrNotFound) {
		e.NotFound(w, r)
		return
	}
	if err != nil {
		e.Fail(w, r, err)
		return
	}
	defer f.Close()
	if modified.IsZero() {
		if st, err := f.Stat(); err == nil {
			modified = st.ModTime()
		}
	}
	h := w.Header()
	h.Set("Content-Type", filestore.ServeType(filename, contentType))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Disposition", filestore.Disposition(filename))
	// Should a browser show the file after all (opened from its download list, say), a
	// sandbox gives it an origin of its own: no script, no cookies of the portal.
	h.Set("Content-Security-Policy", fileCSP)
	filestore.ServeContent(w, r, modified, f)
}

// fileCSP is the Content-Security-Policy of a served file.
const fileCSP = filestore.ServedCSP
