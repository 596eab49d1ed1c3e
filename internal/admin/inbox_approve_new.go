package admin

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/web"
)

// inboxApproveNew answers a registration from a company the portal does not know yet:
// it creates the company (name prefilled from the registration, optionally with the
// person's email domain) and approves the registration into it. A company of that name
// existing already is asked about first, as on the company form (checkSameName): staff
// most likely meant it, and approving into it is one form above; ticking "create
// anyway" (same_name_ok) lets a real namesake through.
func (a *Admin) inboxApproveNew(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	f := web.ParseForm(w, r)
	var err error
	if f.Err == "" && f.Get("same_name_ok") != "1" {
		err = a.inboxSameName(r, v, &f)
	}
	if err == nil && !f.Invalid() {
		err = a.svc.ApproveWithNewCompany(r.Context(), v.Tenant, v.decider(r, a.env), id, f.Get("company_name"),
			f.Get("add_domain") == "1", f.Get("role"), a.env.Origin(r))
	}
	a.inboxAnswer(w, r, v, id, &f, err, "inbox_actions.company_approved", "/admin/inbox/"+strconv.FormatInt(id, 10))
}

// inboxSameName refuses the new company's name when a company of the tenant has it
// already, with the company form's message, and names that company for the link.
func (a *Admin) inboxSameName(r *http.Request, v *visit, f *web.Form) error {
	other, err := company.ByName(r.Context(), a.env.DB, v.P.TenantID, f.Get("company_name"))
	if errors.Is(err, db.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	f.Errors.Add("company_name", "admin.companies.same_name", map[string]any{"Name": other.Name})
	f.Set("same_name_id", itoa(other.ID))
	return nil
}

// newCompanyRoleForm is f for the "create company and approve" form's role select: a
// company created for this person has nobody else, so they become its main contact
// unless staff chose otherwise on that form (the approve form above keeps "user").
func newCompanyRoleForm(f web.Form, posted string) web.Form {
	if posted == "approve-new" {
		return f
	}
	out := f
	out.Values = url.Values{"role": {principal.RoleMain}}
	return out
}
