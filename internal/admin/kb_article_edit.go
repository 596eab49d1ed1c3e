package admin

import (
	"net/http"
	"strings"

	"pforte/internal/i18n"
	"pforte/internal/kb"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// kbEditor is everything the article page shows: settings with the chosen companies,
// texts, and images.
type kbEditor struct {
	Art       kb.Article
	Form      web.Form // the settings form
	Sent      bool     // the settings form as posted (refused), its companies ticked as sent
	Cats      []kb.Category
	Companies []kb.ChosenCompany // as stored
	Picker    companyPicker      // the settings form's companies, ticked as stored or as sent
	Images    []kb.Image
	Upload    web.Form        // errors of an image upload
	Stats     kb.Stats        // reads and answers to "Was this article helpful?"
	Comments  []kb.Comment    // the latest comments that came with a "no"
	Hidden    []kbHiddenImage // images of the texts that readers will not see
	Same      []kb.SameTitle  // other articles with one of its titles (a warning)
}

// kbHiddenImage is an image readers of the article will not see, with the title of
// the article it belongs to (if any).
type kbHiddenImage struct {
	kb.HiddenImage
	Title string
}

// kbMetaForm fills the settings form from a stored article (the companies picker
// ticks the stored companies, renderKB).
func kbMetaForm(art kb.Article) web.Form {
	f := web.NewForm()
	f.Set("slug", art.Slug)
	f.Set("status", art.Status)
	f.Set("visibility", art.Visibility)
	if art.CategoryID > 0 {
		f.Set("category_id", itoa(art.CategoryID))
	}
	return f
}

// loadKB loads the article named by the path's id; another tenant's is a 404.
func (a *Admin) loadKB(w http.ResponseWriter, r *http.Request, v *visit) (kb.Article, bool) {
	return loadByPath(a, w, r, v, kb.Get)
}

// kbShow shows an article's page; ?company_q= starts its companies picker with that
// search.
func (a *Admin) kbShow(w http.ResponseWriter, r *http.Request, v *visit) {
	art, ok := a.loadKB(w, r, v)
	if ok {
		a.renderKB(w, r, v, &kbEditor{Art: art, Form: kbMetaForm(art), Upload: web.NewForm()}, http.StatusOK)
	}
}

// renderKB completes the editor with what the page lists and renders it.
func (a *Admin) renderKB(w http.ResponseWriter, r *http.Request, v *visit, ed *kbEditor, status int) {
	ctx := r.Context()
	var err error
	if ed.Cats, err = kb.Categories(ctx, a.env.DB, v.P.TenantID); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if ed.Companies, err = kb.Companies(ctx, a.env.DB, v.P.TenantID, ed.Art.ID); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	chosen := formIDs(ed.Form.Values["company_id"])
	if !ed.Sent {
		chosen = nil
		for _, c := range ed.Companies {
			chosen = append(chosen, c.ID)
		}
	}
	search := strings.TrimSpace(validate.Clean(r.URL.Query().Get("company_q")))
	if ed.Picker, err = a.picker(r, v, chosen, search); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	ed.Picker.Error = ed.Form.Error(ctx, "company_id")
	if ed.Images, err = kb.Images(ctx, a.env.DB, v.P.TenantID, ed.Art.ID); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if ed.Stats, err = kb.ArticleStats(ctx, a.env.DB, v.P.TenantID, ed.Art.ID); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if ed.Comments, err = kb.NoComments(ctx, a.env.DB, v.P.TenantID, ed.Art.ID, kbCommentsShown); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if ed.Hidden, err = a.kbHiddenImages(r, v, ed.Art); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if ed.Same, err = kb.SameTitles(ctx, a.env.DB, v.P.TenantID, ed.Art.ID); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	c := v.chrome(r, "kb_admin.title")
	c.Title = ed.Art.Title(i18n.From(ctx).Lang, v.Tenant.DefaultLanguage)
	web.Render(w, r, status, kbArticlePage(c, ed))
}
