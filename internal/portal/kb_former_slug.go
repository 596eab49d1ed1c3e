package portal

import (
	"errors"
	"net/http"

	"pforte/internal/db"
	"pforte/internal/kb"
)

// kbFormerSlug sends a link to an article's former slug on to its current address
// (308: permanently, and a form sent there stays a form) and reports whether it did.
// Only articles the reader may see are followed: for any other the caller answers
// 404, exactly as for an address that never existed.
func (p *Portal) kbFormerSlug(w http.ResponseWriter, r *http.Request, rd *reader) bool {
	slug, err := kb.FormerSlug(r.Context(), p.env.DB, rd.V, r.PathValue("ref"))
	if err != nil {
		if !errors.Is(err, db.ErrNotFound) {
			p.env.Log.Warn("kb: former slug", "err", err) // the 404 that follows is still right
		}
		return false
	}
	to := "/kb/articles/" + slug
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery // ?lang= and the like
	}
	http.Redirect(w, r, to, http.StatusPermanentRedirect)
	return true
}
