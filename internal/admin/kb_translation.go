package admin

import (
	"html/template"
	"net/http"

	"pforte/internal/i18n"
	"pforte/internal/kb"
	"pforte/internal/web"
)

// kbTranslationEditor is the page for an article's text in one language.
type kbTranslationEditor struct {
	Art     kb.Article
	Lang    string
	Exists  bool // the article has this language already
	Form    web.Form
	Preview template.HTML
}

// loadKBTranslation loads the article and checks the path's language.
func (a *Admin) loadKBTranslation(w http.ResponseWriter, r *http.Request, v *visit) (kbTranslationEditor, bool) {
	art, ok := a.loadKB(w, r, v)
	if !ok {
		return kbTranslationEditor{}, false
	}
	lang := r.PathValue("lang")
	if !i18n.Supported(lang) {
		a.env.NotFound(w, r)
		return kbTranslationEditor{}, false
	}
	ed := kbTranslationEditor{Art: art, Lang: lang, Form: web.NewForm()}
	for _, t := range art.Translations {
		if t.Language == lang {
			ed.Exists = true
			ed.Form.Set("title", t.Title)
			ed.Form.Set("body", t.Body)
		}
	}
	return ed, true
}

// kbTranslationForm shows the text in one language, new or stored.
func (a *Admin) kbTranslationForm(w http.ResponseWriter, r *http.Request, v *visit) {
	if ed, ok := a.loadKBTranslation(w, r, v); ok {
		a.renderKBTranslation(w, r, v, ed, http.StatusOK)
	}
}

func (a *Admin) renderKBTranslation(w http.ResponseWriter, r *http.Request, v *visit, ed kbTranslationEditor, status int) {
	c := v.chrome(r, "kb_admin.title")
	c.Title = ed.Art.Title(i18n.From(r.Context()).Lang, v.Tenant.DefaultLanguage) + " · " + i18n.Names[ed.Lang]
	web.Render(w, r, status, kbTranslationPage(c, ed))
}
