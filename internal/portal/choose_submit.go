package portal

import (
	"net/http"
	"strconv"

	"pforte/internal/web"
)

// chooseSubmit makes the chosen company the session's and remembers it for the next
// login. A company the contact has no active access to is a 404, as everywhere.
func (p *Portal) chooseSubmit(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	if f.Err == "" && f.Get("company_id") == "" {
		f.Errors.Add("company_id", "choose.required", nil)
	}
	if f.Invalid() {
		f.Set("company_id", strconv.FormatInt(v.P.CompanyID, 10))
		p.renderChooser(w, r, v, f, http.StatusUnprocessableEntity)
		return
	}
	id, _ := parseID(f.Get("company_id"))
	for _, m := range v.Companies {
		if m.CompanyID == id && id > 0 {
			if err := p.svc.SwitchCompany(r.Context(), v.P, id); err != nil {
				p.env.Fail(w, r, err)
				return
			}
			http.Redirect(w, r, web.LocalPath(f.Get("next"), "/"), http.StatusSeeOther)
			return
		}
	}
	p.env.NotFound(w, r)
}
