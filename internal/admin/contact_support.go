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

// fmtSupport: the address of the contact staff helped, linked to the contact.
func fmtSupport(d *detailCtx, s string) []detailPart {
	if s == "" {
		return nil
	}
	return []detailPart{d.contact(s)}
}
