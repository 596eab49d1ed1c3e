package admin

import (
	"net/http"
	"slices"

	"pforte/internal/i18n"
	"pforte/internal/kb"
	"pforte/internal/web"
)

// kbReaderView is an article as the portal shows it, for staff: one translation,
// rendered, with the article's state and visibility to explain who sees it.
type kbReaderView struct {
	Art  kb.Article
	Text kb.Translation
	HTML string
}

// kbView previews an article as contacts read it in the portal, in ?lang= when it has
// that translation. Staff have no portal session, so a link into the portal would be
// a 404 for every article that is not public; the preview also shows drafts. Read-only:
// images come from the back office's image route.
func (a *Admin) kbView(w http.ResponseWriter, r *http.Request, v *visit) {
	art, ok := a.loadKB(w, r, v)
	if !ok {
		return
	}
	lang := r.URL.Query().Get("lang")
	if !slices.Contains(art.Languages(), lang) {
		lang = i18n.From(r.Context()).Lang
	}
	t, ok := art.Translation(lang, v.Tenant.DefaultLanguage)
	if !ok { // an article has at least one translation; a broken one is not shown
		a.env.NotFound(w, r)
		return
	}
	c := v.chrome(r, "kb_admin.title")
	c.Title = t.Title
	web.Render(w, r, http.StatusOK, kbViewPage(c, kbReaderView{Art: art, Text: t, HTML: string(kb.RenderAdmin(t.Body))}))
}

// kbViewPath is the address of an article's staff preview in lang ("": staff's own).
func kbViewPath(id int64, lang string) string {
	p := "/admin/kb/articles/" + itoa(id) + "/view"
	if lang != "" {
		p += "?lang=" + lang
	}
	return p
}

// kbViewNote is the message saying who can read the article in the portal.
func kbViewNote(art kb.Article) string {
	if art.Status != kb.StatusPublished {
		return "kb_admin.view_note.draft"
	}
	return "kb_admin.view_note." + art.Visibility
}
