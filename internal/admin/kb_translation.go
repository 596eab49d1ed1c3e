package admin

import (
	"errors"
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

// kbTranslationSave stores the text in one language; action=preview only renders it.
func (a *Admin) kbTranslationSave(w http.ResponseWriter, r *http.Request, v *visit) {
	ed, ok := a.loadKBTranslation(w, r, v)
	if !ok {
		return
	}
	ctx := r.Context()
	ed.Form = parseArticleForm(w, r)
	if ed.Form.Err == "" && ed.Form.Get("action") == "preview" {
		ed.Preview = kb.RenderAdmin(ed.Form.Raw("body"))
		a.renderKBTranslation(w, r, v, ed, http.StatusOK)
		return
	}
	if ed.Form.Err == "" && ed.Art.Status == kb.StatusPublished && kbEmptyBody(ed.Form.Raw("body")) { // kb_empty_body.go
		ed.Form.Errors.Add("body", "qa2_misc.kb_body_published", nil)
	}
	if ed.Form.Err == "" && !ed.Form.Invalid() {
		err := kb.SaveTranslation(ctx, a.env.DB, v.P.TenantID, ed.Art.ID, kbTranslationOf(ed.Form, ed.Lang), a.env.Now())
		if err != nil && !ed.Form.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if ed.Form.Invalid() {
		a.renderKBTranslation(w, r, v, ed, http.StatusUnprocessableEntity)
		return
	}
	a.env.Flash(w, r, "admin.saved", "/admin/kb/articles/"+itoa(ed.Art.ID))
}

// kbTranslationDelete removes the text in one language; the last one stays.
func (a *Admin) kbTranslationDelete(w http.ResponseWriter, r *http.Request, v *visit) {
	ed, ok := a.loadKBTranslation(w, r, v)
	if !ok {
		return
	}
	err := kb.DeleteTranslation(r.Context(), a.env.DB, v.P.TenantID, ed.Art.ID, ed.Lang)
	switch {
	case errors.Is(err, kb.ErrLastTranslation):
		a.env.Flash(w, r, "kb_admin.translation_delete_failed", "/admin/kb/articles/"+itoa(ed.Art.ID))
	case err != nil:
		a.env.Fail(w, r, err)
	default:
		a.env.Flash(w, r, "kb_admin.translation_deleted", "/admin/kb/articles/"+itoa(ed.Art.ID))
	}
}

func (a *Admin) renderKBTranslation(w http.ResponseWriter, r *http.Request, v *visit, ed kbTranslationEditor, status int) {
	c := v.chrome(r, "kb_admin.title")
	c.Title = ed.Art.Title(i18n.From(r.Context()).Lang, v.Tenant.DefaultLanguage) + " · " + i18n.Names[ed.Lang]
	web.Render(w, r, status, kbTranslationPage(c, ed))
}
