package portal

import (
	"net/http"
	"net/url"

	"pforte/internal/kb"
	"pforte/internal/web"
)

// kbCategory lists a category's articles the reader may see, by title, in pages.
func (p *Portal) kbCategory(w http.ResponseWriter, r *http.Request, rd *reader) {
	id, ok := web.ID(r, "id")
	if !ok {
		p.env.NotFound(w, r)
		return
	}
	ctx := r.Context()
	cat, err := kb.VisibleCategory(ctx, p.env.DB, rd.V, id)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	pg := web.Pager{Page: web.Page(r), Path: r.URL.Path, Query: url.Values{}}
	list, more, err := kb.Articles(ctx, p.env.DB, rd.V, cat.ID, kb.ByTitle, pg.Offset(), web.PerPage)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	// A category with nothing the reader may see is a 404 like a foreign one: an empty
	// page would tell that restricted articles exist.
	if len(list) == 0 && pg.Page == 1 {
		p.env.NotFound(w, r)
		return
	}
	pg.HasNext = more
	names, err := p.kbNames(r, rd)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	cat.Name = names.Name(rd.V.Lang, cat.ID, cat.Name)
	c := rd.chrome("kb.title")
	c.Title = cat.Name
	web.Render(w, r, http.StatusOK, kbCategoryPage(c, cat, list, pg))
}
