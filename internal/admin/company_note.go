package admin

import (
	"net/http"
	"strings"

	"pforte/internal/company"
	"pforte/internal/web"
)

// companyNoteView is the company page's internal note and its form.
type companyNoteView struct {
	Note company.Note
	Form web.Form
}

// companyNoteSave keeps staff's internal note on a company (empty removes it). Too
// long a note comes back on the page as typed, with the message beside it.
func (a *Admin) companyNoteSave(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := a.loadCompany(w, r, v)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	if f.Err == "" {
		err := company.SetNote(r.Context(), a.env.DB, v.P.TenantID, c.ID, v.Member.ID, f.Get("note"), a.env.Now())
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		a.renderCompanyWith(w, r, v, c, companyForm(c), f, web.NewForm(), http.StatusUnprocessableEntity)
		return
	}
	msg := "company_note.saved"
	if strings.TrimSpace(f.Get("note")) == "" {
		msg = "company_note.removed"
	}
	a.env.Flash(w, r, msg, "/admin/companies/"+itoa(c.ID)+"#note-h")
}
