package admin

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/contact"
	"pforte/internal/principal"
	"pforte/internal/validate"
	"pforte/internal/web"
)

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
