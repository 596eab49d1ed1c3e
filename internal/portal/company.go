package portal

import (
	"net/http"

	"pforte/internal/company"
	"pforte/internal/web"
)

// companyShow shows the active company's details. Any other id — another company of
// the same contact, another customer, another tenant — is a 404.
func (p *Portal) companyShow(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		p.env.NotFound(w, r)
		return
	}
	c, err := company.ForContact(r.Context(), p.env.DB, v.P, id)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, http.StatusOK, companyPage(v.chrome(r, "company.title", "company"), v, c))
}
