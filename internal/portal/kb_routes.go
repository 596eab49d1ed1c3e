package portal

import (
	"net/http"
	"net/url"

	"pforte/internal/i18n"
	"pforte/internal/kb"
	"pforte/internal/principal"
	"pforte/internal/web"
)

// kbRoutes are the knowledge base's pages. They work with and without login: a
// visitor reads public articles, a contact also what is meant for their company.
func (p *Portal) kbRoutes() []web.Route {
	return []web.Route{
		{Pattern: "GET /kb", Handler: p.kbReader(p.kbHome)},
		{Pattern: "GET /kb/search", Handler: p.kbReader(p.kbSearch)},
		{Pattern: "GET /kb/suggest", Handler: p.kbReader(p.kbSuggest)},
		{Pattern: "GET /kb/articles/{ref}", Handler: p.kbReader(p.kbArticle)},
		{Pattern: "POST /kb/articles/{ref}/feedback", Handler: p.kbReader(p.kbFeedbackSave)},
		{Pattern: "GET /kb/categories/{id}", Handler: p.kbReader(p.kbCategory)},
		{Pattern: "GET /kb/other", Handler: p.kbReader(p.kbOther)},
		{Pattern: "GET /kb/images/{id}", Handler: p.kbReader(p.kbImage)},
	}
}

// reader is a request to the knowledge base: who reads (Viewer) and the page frame,
// the contact's own when logged in.
type reader struct {
	V      kb.Viewer
	visit  *visit // nil for a visitor
	chrome func(titleID string) web.Chrome
}

// kbReader resolves the optional login, checks that the tenant uses the knowledge
// base (otherwise every page is a 404), and hands the handler its reader.
func (p *Portal) kbReader(h func(http.ResponseWriter, *http.Request, *reader)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		t := web.TenantFrom(r.Context())
		if !t.HasModule("knowledge") {
			p.env.NotFound(w, r)
			return
		}
		v, ok := p.resolve(w, r)
		if !ok {
			lang := i18n.From(r.Context()).Lang
			rd := &reader{V: kb.Visitor(t, lang), chrome: func(id string) web.Chrome { return kbGuestChrome(r, id) }}
			h(w, r, rd)
			return
		}
		// As p.contact does for pages behind login.
		lang := web.PersonLanguage(r, v.Tenant, v.Contact.Language)
		ctx := principal.WithContact(r.Context(), v.P)
		ctx = i18n.With(ctx, i18n.For(lang))
		r = r.WithContext(ctx)
		r = r.WithContext(web.WithChrome(ctx, func(id string) web.Chrome { return v.chrome(r, id, "knowledge") }))
		if p.setupGate(w, r, v) {
			return
		}
		v.flash = p.env.TakeFlash(w, r)
		h(w, r, &reader{V: kb.ContactViewer(v.P, t, lang), visit: v,
			chrome: func(id string) web.Chrome { return v.chrome(r, id, "knowledge") }})
	}
}

// kbGuestChrome is the frame for visitors: the knowledge base and the way to log in.
func kbGuestChrome(r *http.Request, titleID string) web.Chrome {
	c := guestChrome(r, titleID)
	ctx := r.Context()
	c.BrandHref = "/kb"
	c.Nav = []web.NavItem{{Label: i18n.T(ctx, "kb.nav"), Href: "/kb", Current: true},
		{Label: i18n.T(ctx, "kb.login"), Href: "/login"}}
	return c
}

// urlQuery escapes s for a query parameter.
func urlQuery(s string) string { return url.QueryEscape(s) }
