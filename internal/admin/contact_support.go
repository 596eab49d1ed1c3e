package admin

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/contact"
	"pforte/internal/web"
)

// contactSupport is the contact page's sign-in section: the state staff are asked
// about on the phone, and what the viewer may do about it.
type contactSupport struct {
	State access.SupportState
	Admin bool // resetting two factors is for admins only
	// Leftovers counts what a contact who deleted their own account still leaves with
	// their former details (access.DeletedAccountLeftovers), for an admin to erase.
	// Read for admins on an erased contact's page only: live contacts cost no query.
	Leftovers int
}

// contactSupportRoutes are the support actions on a contact's page. Each acts on a
// contact of the staff member's tenant (another tenant's is a 404, see loadContact).
func (a *Admin) contactSupportRoutes() []web.Route {
	return []web.Route{
		{Pattern: "POST /admin/contacts/{id}/password-reset", Handler: a.staff(a.contactResetSend)},
		{Pattern: "POST /admin/contacts/{id}/twofactor-reset", Handler: a.adminOnly(a.contactTwoFactorReset)},
		{Pattern: "POST /admin/contacts/{id}/unlock", Handler: a.staff(a.contactUnlock)},
	}
}

// loadContactSupport is the section's data for contact c as v sees it.
func (a *Admin) loadContactSupport(r *http.Request, v *visit, c contact.Contact) (contactSupport, error) {
	st, err := a.svc.ContactSupportState(r.Context(), c)
	cs := contactSupport{State: st, Admin: v.Member.IsAdmin()}
	if err == nil && cs.Admin && access.IsDeletedEmail(c.Email) {
		cs.Leftovers, err = a.svc.DeletedAccountLeftovers(r.Context(), c)
	}
	return cs, err
}

// supportAction loads the contact of the path and reads the (empty) form; false when
// it answered already: 404 for a contact not of the tenant, a message for a bad form.
func (a *Admin) supportAction(w http.ResponseWriter, r *http.Request, v *visit) (contact.Contact, bool) {
	c, ok := a.loadContact(w, r, v)
	if !ok {
		return c, false
	}
	if f := web.ParseForm(w, r); f.Err != "" {
		a.env.Flash(w, r, f.Err, "/admin/contacts/"+itoa(c.ID))
		return c, false
	}
	if access.IsDeletedEmail(c.Email) { // a page opened before the erasure
		a.env.FlashError(w, r, "contact_erase.refused", "/admin/contacts/"+itoa(c.ID))
		return c, false
	}
	return c, true
}

// contactResetSend mails the contact a password-reset link (admins and agents), for a
// customer who cannot sign in and asks staff for help; see access.SendResetFor.
func (a *Admin) contactResetSend(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := a.supportAction(w, r, v)
	if !ok {
		return
	}
	back := "/admin/contacts/" + itoa(c.ID)
	err := a.svc.SendResetFor(r.Context(), v.Tenant, v.actor(r, a.env), v.Member.ID, c, a.env.Origin(r))
	switch {
	case errors.Is(err, access.ErrNoPassword):
		a.env.Flash(w, r, "contact_support.reset.no_password_failed", back)
	case errors.Is(err, access.ErrNoActiveAccess):
		a.env.Flash(w, r, "contact_support.reset.no_access_failed", back)
	case err != nil:
		a.env.Fail(w, r, err)
	default:
		a.env.WakeWorker() // the mail goes out now, not at the worker's next round
		a.env.Flash(w, r, "contact_support.reset.sent", back)
	}
}

// contactTwoFactorReset switches the contact's app-based two-factor sign-in off (admins
// only), for a customer who lost the phone and the recovery codes.
func (a *Admin) contactTwoFactorReset(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := a.supportAction(w, r, v)
	if !ok {
		return
	}
	back := "/admin/contacts/" + itoa(c.ID)
	on, err := a.svc.TwoFactorOn(r.Context(), v.P.TenantID, c.ID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if !on { // switched off meanwhile (by the contact or a colleague): nothing to do
		a.env.FlashInfo(w, r, "contact_support.twofactor.already_off", back)
		return
	}
	if err := a.svc.ResetTwoFactorFor(r.Context(), v.Tenant, v.actor(r, a.env), c, a.env.Origin(r)); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.WakeWorker()
	a.env.Flash(w, r, "contact_support.twofactor.done", back)
}

// contactUnlock lifts the throttle that refuses the contact's sign-ins (admins and
// agents), for a customer who mistyped the password too often.
func (a *Admin) contactUnlock(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := a.supportAction(w, r, v)
	if !ok {
		return
	}
	back := "/admin/contacts/" + itoa(c.ID)
	st, err := a.svc.ContactSupportState(r.Context(), c)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if st.LockedUntil.IsZero() { // the lock ran out (or a colleague lifted it) meanwhile
		a.env.Flash(w, r, "contact_support.unlock.not_locked", back)
		return
	}
	if err := a.svc.UnlockSignIn(r.Context(), v.P.TenantID, v.actor(r, a.env), c); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "contact_support.unlock.done", back)
}

// fmtSupport: the address of the contact staff helped, linked to the contact.
func fmtSupport(d *detailCtx, s string) []detailPart {
	if s == "" {
		return nil
	}
	return []detailPart{d.contact(s)}
}
