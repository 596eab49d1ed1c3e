package admin

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/validate"
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

// accessGrant grants portal access (or resends the invitation, or changes the role of
// active access). The message says which of these happened: a role change sends no
// mail, so it must not claim one is in the outbox.
func (a *Admin) accessGrant(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	f := web.ParseForm(w, r)
	back := web.BackTo(r, "/admin/contacts")
	m, err := contact.GetMembership(r.Context(), a.env.DB, v.P.TenantID, id)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	role := f.Get("role")
	if role != principal.RoleMain && role != principal.RoleUser {
		a.env.Flash(w, r, "admin.members.role_failed", back)
		return
	}
	active, err := a.hasActiveAccess(r, v, m)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	err = a.svc.Grant(r.Context(), v.Tenant, v.actor(r, a.env), id, role, a.env.Origin(r))
	var ve validate.Errors
	if errors.As(err, &ve) {
		msg := "admin.members.grant_failed"
		if _, ok := ve["email"]; ok {
			msg = "error.email_needed"
		}
		a.env.Flash(w, r, msg, back)
		return
	}
	if errors.Is(err, access.ErrCompanyArchived) {
		a.env.FlashError(w, r, "company_archive.refused", back)
		return
	}
	if errors.Is(err, access.ErrResentRecently) {
		a.env.Flash(w, r, "admin.members.resent_recently_failed", back)
		return
	}
	if errors.Is(err, access.ErrAlreadyErased) { // a page opened before the erasure
		a.env.FlashError(w, r, "contact_erase.refused", back)
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	switch {
	case active && role == m.Role:
		a.env.FlashInfo(w, r, "admin.members.role_unchanged", back)
	case active && access.Downgrade(m.Role, role):
		a.env.Flash(w, r, "admin.members.role_changed", back)
	case active: // a promotion: the contact stays signed in (access.changeRole)
		a.env.Flash(w, r, "portalpolish.admin_role_raised", back)
	case m.Access == contact.AccessInvited:
		a.env.WakeWorker()
		a.env.Flash(w, r, "admin.members.resent", back)
	default:
		a.env.WakeWorker()
		a.env.Flash(w, r, "admin.members.granted", back)
	}
}

// accessRevoke withdraws portal access and ends the contact's sessions in the company.
func (a *Admin) accessRevoke(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	if err := a.svc.Revoke(r.Context(), v.Tenant, v.actor(r, a.env), id); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "admin.members.revoked", web.BackTo(r, "/admin/contacts"))
}
