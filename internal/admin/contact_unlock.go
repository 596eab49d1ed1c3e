package admin

import (
	"net/http"
)

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
