package portal

import (
	"errors"
	"net/http"
	"net/url"

	"pforte/internal/db"

	"pforte/internal/i18n"
	"pforte/internal/kb"
	"pforte/internal/web"
)

// kbArticle shows an article by id or slug, in ?lang= when the article has it, else in
// the reader's language. What the reader may not see is a 404, as if it did not exist.
func (p *Portal) kbArticle(w http.ResponseWriter, r *http.Request, rd *reader) {
	ctx := r.Context()
	lang := r.URL.Query().Get("lang")
	if !i18n.Supported(lang) {
		lang = ""
	}
	pg, err := kb.Read(ctx, p.env.DB, rd.V, r.PathValue("ref"), lang)
	if errors.Is(err, db.ErrNotFound) && p.kbFormerSlug(w, r, rd) {
		return
	}
	if rd.visit == nil && errors.Is(err, db.ErrNotFound) {
		// Likely a link to an article for customers, opened before signing in. Still a
		// 404 — for an address that exists as for one that does not, so the answer
		// tells nothing — but one that offers the sign-in leading back here.
		c := rd.chrome("kb.title")
		web.Render(w, r, http.StatusNotFound, kbSignInPage(c, "/login?next="+url.QueryEscape(r.URL.RequestURI())))
		return
	}
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	// Staff looking through a contact's eyes do not count as readers; a contact counts
	// once within kb.ViewWindow, and so does a visitor as far as kb.VisitorViews can tell.
	switch {
	case rd.visit == nil:
		if p.visitors.First(rd.V.TenantID, pg.ID, p.env.ClientIP(r), r.UserAgent(), p.env.Now()) {
			err = kb.CountView(ctx, p.env.DB, rd.V.TenantID, pg.ID)
		}
	case rd.visit.Preview.ID == 0:
		_, err = kb.CountContactView(ctx, p.env.DB, rd.V.TenantID, pg.ID, rd.visit.P.ContactID, p.env.Now())
	}
	if err != nil {
		p.env.Log.Warn("kb: count view", "err", err) // the page matters more than the number
	}
	p.renderKBArticle(w, r, rd, pg, web.NewForm(), http.StatusOK)
}

// renderKBArticle shows the article with its feedback card; f is the card's submitted
// form after an error, else empty.
func (p *Portal) renderKBArticle(w http.ResponseWriter, r *http.Request, rd *reader, pg kb.Page, f web.Form, status int) {
	fb, err := p.kbFeedbackOf(r, rd, pg, f)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	if err := p.kbPageNamed(r, rd, &pg); err != nil {
		p.env.Fail(w, r, err)
		return
	}
	related, err := p.kbRelated(r.Context(), rd, pg)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	c := rd.chrome("kb.title")
	c.Title = pg.Title
	web.Render(w, r, status, kbArticlePage(c, pg, fb, related, kbLangNoteOf(rd, pg, askedLang(r))))
}
