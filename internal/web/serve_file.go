package web

import (
	"errors"
	"mime"
	"net/http"
	"time"

	"pforte/internal/filestore"
)

// ServeFile streams a stored file as a download: never inline (an uploaded HTML file
// must not run in the portal's origin), with the sniffed type and nosniff, the user's
// file name in Content-Disposition, and Range support for resuming.
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
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": filename}))
	h.Set("Cache-Control", "private, no-cache")
	http.ServeContent(w, r, "", modified, f)
}
