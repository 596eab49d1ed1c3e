package portal

import (
	"net/http"
	"strings"

	"pforte/internal/kb"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// kbSearchLen bounds the results of one search; the best come first.
const kbSearchLen = 30

// kbSearch lists the articles matching ?q= with highlighted snippets: those with every
// word, else those with some of the words, saying so, else those with the words' stems
// (plurals and other endings), else those of the words corrected by the titles the
// reader may see (a typo, two words run together), saying what was searched. The query
// is cut to what the search reads (kb.MaxSearch), so a pasted essay is not echoed back
// whole.
func (p *Portal) kbSearch(w http.ResponseWriter, r *http.Request, rd *reader) {
	q := validate.TruncateChars(strings.TrimSpace(validate.Clean(r.URL.Query().Get("q"))), kb.MaxSearch)
	var hits []kb.Summary
	var corrected string // the words searched instead of q's, when only they found something
	some := false
	short := q != "" && !kb.Searchable(q) // only one-letter words: ask for more, list nothing
	if q != "" && !short {
		var err error
		hits, err = kb.Search(r.Context(), p.env.DB, rd.V, q, kbSearchLen)
		if err == nil && len(hits) == 0 {
			hits, err = kb.SearchSome(r.Context(), p.env.DB, rd.V, q, kbSearchLen)
			some = len(hits) > 0
		}
		if err == nil && len(hits) == 0 { // "Heizungsanlagen", "Passwörter": as the suggestions find them
			hits, err = kb.SearchStems(r.Context(), p.env.DB, rd.V, q, kbSearchLen)
		}
		if err == nil && len(hits) == 0 { // "Druker", "Druckertreiber": by the titles' words
			hits, corrected, err = kb.SearchCorrected(r.Context(), p.env.DB, rd.V, q, kbSearchLen)
		}
		if err == nil && len(hits) > 0 {
			var names kb.CategoryNames
			names, err = p.kbNames(r, rd)
			names.Summaries(rd.V.Lang, hits)
		}
		if err != nil {
			p.env.Fail(w, r, err)
			return
		}
	}
	web.Render(w, r, http.StatusOK, kbSearchPage(rd.chrome("kb.search.title"), q, hits, some, short, corrected, kbHelpOf(r, rd)))
}
