package portal

import (
	"net/http"
	"strings"

	"pforte/internal/kb"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// kbSuggest answers the ticket form's title field (hx-get, hx-trigger on input) with a
// short list of matching articles: an HTML fragment, empty when nothing matches.
func (p *Portal) kbSuggest(w http.ResponseWriter, r *http.Request, rd *reader) {
	q := strings.TrimSpace(validate.Clean(r.URL.Query().Get("q")))
	if q == "" {
		q = strings.TrimSpace(validate.Clean(r.URL.Query().Get("title"))) // the ticket form's field name
	}
	var hits []kb.Summary
	if q != "" {
		var err error
		if hits, err = kb.Suggest(r.Context(), p.env.DB, rd.V, q, kb.MaxSuggestions); err != nil {
			p.env.Fail(w, r, err)
			return
		}
	}
	w.Header().Set("Vary", "HX-Request")
	web.Render(w, r, http.StatusOK, kbSuggestions(q, hits))
}
