package admin

import (
	"html/template"
	"net/http"

	"pforte/internal/i18n"
	"pforte/internal/kb"
	"pforte/internal/web"
)

// kbMetaOf reads an article's meta fields from a form. A category choice that is no
// id at all (typed by hand, "0", "-3") becomes -1, which kb refuses beside the field:
// read as 0 it would quietly take the article out of its category.
func kbMetaOf(f web.Form) kb.Meta {
	var cat int64
	if s := f.Get("category_id"); s != "" {
		id, ok := parseID(s)
		if !ok {
			id = -1
		}
		cat = id
	}
	return kb.Meta{CategoryID: cat, Slug: f.Get("slug"), Status: f.Get("status"), Visibility: f.Get("visibility")}
}

// kbTranslationOf reads a translation's fields from a form.
func kbTranslationOf(f web.Form, lang string) kb.Translation {
	return kb.Translation{Language: lang, Title: f.Get("title"), Body: f.Raw("body")}
}

// kbNew shows the form for a new article: its first text and its settings.
func (a *Admin) kbNew(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.NewForm()
	f.Set("language", i18n.From(r.Context()).Lang)
	f.Set("status", kb.StatusDraft)
	f.Set("visibility", kb.VisibilityCustomers)
	a.renderKBNew(w, r, v, f, "", http.StatusOK)
}

func (a *Admin) renderKBNew(w http.ResponseWriter, r *http.Request, v *visit, f web.Form, preview template.HTML, status int) {
	cats, err := kb.Categories(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	p, err := a.picker(r, v, formIDs(f.Values["company_id"]), "")
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	p.Error = f.Error(r.Context(), "company_id")
	web.Render(w, r, status, kbNewPage(v.chrome(r, "kb_admin.new"), f, cats, preview, p))
}

// kbChosen are the companies ticked in a new article's form, which only count for the
// visibility "chosen companies": with another one they are not stored, so switching
// the visibility later does not open the article to companies nobody meant.
func kbChosen(f web.Form) []int64 {
	if f.Get("visibility") != kb.VisibilityCompanies {
		return nil
	}
	return formIDs(f.Values["company_id"])
}

// kbNoReaders reports whether settings would publish an article nobody can read: for
// chosen companies, with none chosen (ticked in the same form).
func kbNoReaders(m kb.Meta, companies int) bool {
	return m.Status == kb.StatusPublished && m.Visibility == kb.VisibilityCompanies && companies == 0
}
