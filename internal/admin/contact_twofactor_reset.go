package admin

import (
	"net/http"
)

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
