package admin

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/web"
)

// membershipAdd puts the contact into another company of the tenant.
func (a *Admin) membershipAdd(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := a.loadContact(w, r, v)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	id, _ := parseID(f.Get("company_id"))
	co, err := company.Get(r.Context(), a.env.DB, v.P.TenantID, id)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if co.Archived() { // nothing new is filed under an archived company
		a.env.FlashError(w, r, "company_archive.refused", "/admin/contacts/"+itoa(c.ID))
		return
	}
	role := f.Get("role")
	if role != principal.RoleMain && role != principal.RoleUser {
		role = principal.RoleUser
	}
	welcomed, err := a.svc.AddMembership(r.Context(), v.Tenant, v.actor(r, a.env), c, co.ID, co.Name, role, a.env.Origin(r))
	if errors.Is(err, access.ErrCompanyArchived) { // archived since the check above
		a.env.FlashError(w, r, "company_archive.refused", "/admin/contacts/"+itoa(c.ID))
		return
	}
	if errors.Is(err, access.ErrAlreadyErased) { // erased since the page was opened
		a.env.FlashError(w, r, "contact_erase.refused", "/admin/contacts/"+itoa(c.ID))
		return
	}
	if db.IsUnique(err) {
		a.env.Flash(w, r, "admin.members.exists_failed", "/admin/contacts/"+itoa(c.ID))
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if welcomed {
		a.env.WakeWorker()
		a.env.Flash(w, r, "templates.welcome.member_added", "/admin/contacts/"+itoa(c.ID))
		return
	}
	a.env.Flash(w, r, "admin.members.added", "/admin/contacts/"+itoa(c.ID))
}
