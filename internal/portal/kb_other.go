package portal

import (
	"net/http"
	"net/url"

	"pforte/internal/i18n"
	"pforte/internal/kb"
	"pforte/internal/web"
)

// kbOther lists the articles without a category the reader may see, by title, in pages,
// like a category's page: "Other articles" on the start page leads here.
func (p *Portal) kbOther(w http.ResponseWriter, r *http.Request, rd *reader) {
	pg := web.Pager{Page: web.Page(r), Path: r.URL.Path, Query: url.Values{}}
	list, more, err := kb.Articles(r.Context(), p.env.DB, rd.V, kb.Uncategorised, kb.ByTitle, pg.Offset(), web.PerPage)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	if len(list) == 0 && pg.Page == 1 { // as for a category with nothing the reader may see
		p.env.NotFound(w, r)
		return
	}
	pg.HasNext = more
	c := rd.chrome("kb.title")
	c.Title = i18n.T(r.Context(), "kb_other.name")
	web.Render(w, r, http.StatusOK, kbCategoryPage(c, kb.Category{Name: c.Title}, list, pg))
}
