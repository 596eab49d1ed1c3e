package portal

import (
	"net/http"

	"pforte/internal/web"
)

// companySwitch makes another of the contact's companies the active one and returns to
// the section the contact was in (switchBack). A company the contact has no active
// access to is a 404.
func (p *Portal) companySwitch(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	id, _ := parseID(f.Get("company_id"))
	for _, m := range v.Companies {
		if m.CompanyID == id && id > 0 {
			if err := p.svc.SwitchCompany(r.Context(), v.P, id); err != nil {
				p.env.Fail(w, r, err)
				return
			}
			// Names the company (switchedFlash): the switch usually lands in another
			// section than home, which would be the only page to say it.
			p.env.Flash(w, r, switchedFlash, switchBack(r, m)) // company_switch_back.go
			return
		}
	}
	p.env.NotFound(w, r)
}
