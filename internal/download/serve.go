package download

import (
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"pforte/internal/filestore"
)

// Open opens a version's content in the store, before anything is counted or sent.
func Open(store *filestore.Store, v Version) (*os.File, error) {
	f, err := store.Open(v.Key)
	if err != nil {
		return nil, fmt.Errorf("download: content of version %d: %w", v.ID, err)
	}
	return f, nil
}

// Serve streams an opened version as an attachment under its original name and closes
// it. http.ServeContent reads the *os.File piece by piece (never the whole file into
// memory) and answers Range and If-Range requests, so interrupted downloads resume; the
// write deadline fits the file's size, as for every stored file (filestore.ServeContent).
func Serve(w http.ResponseWriter, r *http.Request, f *os.File, v Version) {
	defer f.Close()
	h := w.Header()
	// A version stored before the upload form checked content may contradict its name.
	h.Set("Content-Type", filestore.ServeType(v.Name, v.Type))
	h.Set("Content-Disposition", filestore.Disposition(v.Name))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", filestore.ServedCSP) // as ticket attachments (web.ServeFile)
	h.Set("ETag", ETag(v))
	filestore.ServeContent(w, r, v.CreatedAt, f)
}

// ETag is a version's entity tag: its content hash, so If-Range resumes only the same
// bytes.
func ETag(v Version) string { return `"` + v.SHA256 + `"` }

// CountsAsNew reports whether a request for v starts a new download: a GET without
// Range, or whose first range starts at byte 0, or whose If-Range no longer matches (the
// whole file is sent then). Continuing an interrupted download asks for a later range
// and is not counted again; HEAD requests are never counted.
func CountsAsNew(r *http.Request, v Version) bool {
	if r.Method != http.MethodGet || notModified(r, v) {
		return false
	}
	rg := strings.TrimSpace(r.Header.Get("Range"))
	if rg == "" {
		return true
	}
	if ir := strings.TrimSpace(r.Header.Get("If-Range")); ir != "" {
		if strings.HasPrefix(ir, `"`) || strings.HasPrefix(ir, "W/") {
			if ir != ETag(v) {
				return true
			}
		} else if t, err := http.ParseTime(ir); err != nil || !t.Equal(v.CreatedAt.UTC().Truncate(time.Second)) {
			return true
		}
	}
	spec, ok := strings.CutPrefix(rg, "bytes=")
	if !ok {
		return true // not a byte range: ServeContent ignores it and sends everything
	}
	first, _, _ := strings.Cut(spec, ",")
	start, _, _ := strings.Cut(strings.TrimSpace(first), "-")
	n, err := strconv.ParseInt(strings.TrimSpace(start), 10, 64)
	return err == nil && n == 0 // "bytes=-500" (the last bytes) has no start and is a continuation
}

// notModified reports whether ServeContent will answer 304 (the client has this
// version already), which is no download.
func notModified(r *http.Request, v Version) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, tag := range strings.Split(inm, ",") {
			if tag = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(tag), "W/")); tag == ETag(v) || tag == "*" {
				return true
			}
		}
		return false
	}
	t, err := http.ParseTime(r.Header.Get("If-Modified-Since"))
	return err == nil && !v.CreatedAt.Truncate(time.Second).After(t)
}
