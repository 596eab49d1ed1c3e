package admin

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/contact"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// contactErase erases the contact once the confirmation matches; a mismatch shows the
// form again with a message and what was typed.
func (a *Admin) contactErase(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := a.loadContact(w, r, v)
	if !ok {
		return
	}
	if access.IsDeletedEmail(c.Email) {
		a.eraseLeftovers(w, r, v, c)
		return
	}
	back := "/admin/contacts/" + itoa(c.ID)
	f := web.ParseForm(w, r)
	reason := validate.OneLine(f.Get("reason"))
	if f.Err == "" {
		typed := f.Get("confirm")
		switch {
		case typed == "":
			f.Errors.Add("confirm", "error.required", nil)
		case !sameConfirmation(typed, eraseConfirmation(c)):
			f.Errors.Add("confirm", "contact_erase.mismatch", nil)
		}
		f.Errors.MaxLen("reason", reason, maxEraseReason)
	}
	if f.Invalid() {
		a.renderErase(w, r, v, c, f, http.StatusUnprocessableEntity)
		return
	}
	err := a.svc.EraseContact(r.Context(), v.Tenant, v.actor(r, a.env), c, reason)
	switch {
	case errors.Is(err, access.ErrAlreadyErased): // the contact or a colleague was quicker
		a.env.FlashInfo(w, r, "contact_erase.already", back)
	case err != nil:
		a.env.Fail(w, r, err)
	default:
		a.env.Flash(w, r, "contact_erase.done", back)
	}
}

// eraseLeftovers erases what a contact who deleted their own account left (the inbox
// notice with their former details), with only the reason to give: the person asked
// for the deletion. Nothing left is the "already erased" message.
func (a *Admin) eraseLeftovers(w http.ResponseWriter, r *http.Request, v *visit, c contact.Contact) {
	back := "/admin/contacts/" + itoa(c.ID)
	f := web.ParseForm(w, r)
	reason := validate.OneLine(f.Get("reason"))
	if f.Err == "" {
		f.Errors.MaxLen("reason", reason, maxEraseReason)
	}
	if f.Invalid() {
		a.renderErase(w, r, v, c, f, http.StatusUnprocessableEntity)
		return
	}
	err := a.svc.EraseDeletedAccount(r.Context(), v.Tenant, v.actor(r, a.env), c, reason)
	switch {
	case errors.Is(err, access.ErrAlreadyErased): // a colleague was quicker
		a.env.FlashInfo(w, r, "contact_erase.already", back)
	case err != nil:
		a.env.Fail(w, r, err)
	default:
		a.env.Flash(w, r, "contact_erase.leftover_done", back)
	}
}
