package admin

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/contact"
	"pforte/internal/web"
)

func (a *Admin) contactUpdate(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := a.loadContact(w, r, v)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	if f.Err == "" {
		in := contactFromForm(f)
		in.ID, in.TenantID = c.ID, c.TenantID
		err := a.svc.UpdateContact(r.Context(), v.Tenant, v.actor(r, a.env), in, a.env.Origin(r))
		switch {
		case errors.Is(err, access.ErrAlreadyErased): // a form opened before the erasure
			a.env.FlashError(w, r, "contact_erase.refused", "/admin/contacts/"+itoa(c.ID))
			return
		case errors.Is(err, contact.ErrChanged):
			f.Err = "contact_erase.changed"
		case err != nil && !f.Take(err):
			a.env.Fail(w, r, err)
			return
		}
		if err := a.nameEmailOwner(r, v, &f); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		a.renderContact(w, r, v, c, f, http.StatusUnprocessableEntity)
		return
	}
	a.env.Flash(w, r, "admin.saved", "/admin/contacts/"+itoa(c.ID))
}
