package admin

import (
	"errors"
	"net/http"

	"pforte/internal/company"
	"pforte/internal/kb"
	"pforte/internal/web"
)

// kbCompanyAdd chooses a company of the tenant to read the article (when its
// visibility is "chosen companies"). Another tenant's company is a 404.
func (a *Admin) kbCompanyAdd(w http.ResponseWriter, r *http.Request, v *visit) {
	art, ok := a.loadKB(w, r, v)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	cid, ok := parseID(f.Get("company_id"))
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	back := "/admin/kb/articles/" + itoa(art.ID) + "#companies"
	err := kb.AddCompany(r.Context(), a.env.DB, v.P.TenantID, art.ID, cid)
	if errors.Is(err, company.ErrArchived) { // chosen in a stale form: said, not a failure
		a.env.Flash(w, r, "company_archive.refused", back)
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "kb_admin.company_added", back)
}

// kbCompanyRemove takes a company off the article's readers.
func (a *Admin) kbCompanyRemove(w http.ResponseWriter, r *http.Request, v *visit) {
	art, ok := a.loadKB(w, r, v)
	if !ok {
		return
	}
	cid, ok := web.ID(r, "company")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	if err := kb.RemoveCompany(r.Context(), a.env.DB, v.P.TenantID, art.ID, cid); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "kb_admin.company_removed", "/admin/kb/articles/"+itoa(art.ID)+"#companies")
}
