package admin

import (
	"html/template"
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
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

// kbCreate stores a new article, or with action=preview shows the text rendered
// without storing anything.
func (a *Admin) kbCreate(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := r.Context()
	f := parseArticleForm(w, r)
	if f.Err == "" && f.Get("action") == "preview" {
		a.renderKBNew(w, r, v, f, kb.RenderAdmin(f.Raw("body")), http.StatusOK)
		return
	}
	var id int64
	if f.Err == "" {
		// All fields at once: kb's own checks and the form's, not one batch per submit.
		t := kbTranslationOf(f, f.Get("language"))
		e, err := kb.Check(ctx, a.env.DB, v.P.TenantID, kbMetaOf(f), &t)
		if err != nil {
			a.env.Fail(w, r, err)
			return
		}
		f.Take(e)
		if kbNoReaders(kbMetaOf(f), len(kbChosen(f))) { // the companies are picked in this form
			f.Errors.Add("visibility", "backoffice_qa.kb_no_company", nil)
		}
		if kbMetaOf(f).Status == kb.StatusPublished && kbEmptyBody(f.Raw("body")) { // kb_empty_body.go
			f.Errors.Add("body", "qa2_misc.kb_body_publish", nil)
		}
	}
	if !f.Invalid() {
		m := kbMetaOf(f)
		err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
			var err error
			id, err = kb.Create(ctx, tx, v.P.TenantID, v.Member.ID, m, kbTranslationOf(f, f.Get("language")), a.env.Now())
			if err != nil {
				return err
			}
			// Another tenant's company is db.ErrNotFound: 404.
			if err := a.kbSaveCompanies(ctx, tx, r, v, id, kbChosen(f)); err != nil {
				return err
			}
			if m.Status != kb.StatusPublished {
				return nil
			}
			return a.kbAudit(ctx, tx, r, v, audit.KBPublished, id)
		})
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		a.renderKBNew(w, r, v, f, "", http.StatusUnprocessableEntity)
		return
	}
	a.env.Flash(w, r, "kb_admin.created", "/admin/kb/articles/"+itoa(id))
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
