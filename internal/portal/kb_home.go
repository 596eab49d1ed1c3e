package portal

import (
	"net/http"

	"pforte/internal/kb"
	"pforte/internal/web"
)

// kbListLen is how many articles the start page shows as latest and as most read.
const kbListLen = 5

// kbHome is the knowledge base's start page: search, categories (and "Other articles"
// for those without one), latest and most read.
func (p *Portal) kbHome(w http.ResponseWriter, r *http.Request, rd *reader) {
	ctx := r.Context()
	cats, err := kb.VisibleCategories(ctx, p.env.DB, rd.V)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	latest, _, err := kb.Articles(ctx, p.env.DB, rd.V, 0, kb.ByLatest, 0, kbListLen)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	popular, _, err := kb.Articles(ctx, p.env.DB, rd.V, 0, kb.ByPopular, 0, kbListLen)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	names, err := p.kbNames(r, rd)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	others, err := kb.UncategorisedCount(ctx, p.env.DB, rd.V)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	names.Categories(rd.V.Lang, cats)
	names.Summaries(rd.V.Lang, latest)
	names.Summaries(rd.V.Lang, popular)
	web.Render(w, r, http.StatusOK, kbHomePage(rd.chrome("kb.title"), rd, cats, others, latest, popular, kbHelpOf(r, rd)))
}
