package admin

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"pforte/internal/i18n"
	"pforte/internal/kb"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// kbListFilter is the article list's choice of state, category, language and words.
type kbListFilter struct {
	Status, Language, Q string
	CategoryID          int64
}

// query is the filter as URL parameters, for the pager's links.
func (f kbListFilter) query() url.Values {
	q := url.Values{}
	q.Set("status", f.Status)
	q.Set("lang", f.Language)
	q.Set("q", f.Q)
	if f.CategoryID > 0 {
		q.Set("category", strconv.FormatInt(f.CategoryID, 10))
	}
	return q
}

// kbListFilterOf reads the filter; unknown values mean "all", like a mangled link.
func kbListFilterOf(r *http.Request) kbListFilter {
	q := r.URL.Query()
	f := kbListFilter{Status: q.Get("status"), Language: q.Get("lang"), Q: strings.TrimSpace(validate.Clean(q.Get("q")))}
	if !slices.Contains(kb.Statuses, f.Status) {
		f.Status = ""
	}
	if !i18n.Supported(f.Language) {
		f.Language = ""
	}
	f.CategoryID, _ = parseID(q.Get("category"))
	return f
}

// kbList lists the tenant's articles, last changed first, filtered and searchable.
func (a *Admin) kbList(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := r.Context()
	f := kbListFilterOf(r)
	pg := web.Pager{Page: web.Page(r), Path: "/admin/kb", Query: f.query()}
	rows, more, err := kb.List(ctx, a.env.DB, v.P.TenantID, kb.Filter{Status: f.Status, CategoryID: f.CategoryID,
		Language: f.Language, Search: f.Q, Lang: i18n.From(ctx).Lang, Fallback: v.Tenant.DefaultLanguage,
		Offset: pg.Offset(), Limit: web.PerPage})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	pg.HasNext = more
	cats, err := kb.Categories(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, http.StatusOK, kbListPage(v.chrome(r, "kb_admin.title"), f, rows, cats, pg))
}

// kbStatusBadge is the CSS class of an article state's badge.
func kbStatusBadge(status string) string {
	if status == kb.StatusPublished {
		return "badge ok"
	}
	return "badge muted"
}
