package admin

import (
	"net/http"

	"pforte/internal/web"
)

// inboxApproveNew answers a registration from a company the portal does not know yet:
// it creates the company (name prefilled from the registration, optionally with the
// person's email domain) and approves the registration into it.
func (a *Admin) inboxApproveNew(w http.ResponseWriter, r *http.Request, v *visit) {
	a.inboxDecide(w, r, v, func(id int64, f web.Form) error {
		return a.svc.ApproveWithNewCompany(r.Context(), v.Tenant, v.decider(r, a.env), id, f.Get("company_name"),
			f.Get("add_domain") == "1", f.Get("role"), a.env.Origin(r))
	}, "inbox_actions.company_approved")
}
