package admin

import (
	"errors"
	"net/http"
	"strings"

	"pforte/internal/access"
	"pforte/internal/contact"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// maxEraseReason bounds the reason kept in the audit log.
const maxEraseReason = 300

// contactEraseRoutes are an admin's answers to a contact's data-protection request
// (GDPR art. 15 and 17) and the removal of a contact created by mistake. Agents get a
// 404 as on every admin-only page; another tenant's contact is a 404 (loadContact).
func (a *Admin) contactEraseRoutes() []web.Route {
	return []web.Route{
		{Pattern: "GET /admin/contacts/{id}/erase", Handler: a.adminOnly(a.contactEraseConfirm)},
		{Pattern: "POST /admin/contacts/{id}/erase", Handler: a.adminOnly(a.contactErase)},
		{Pattern: "GET /admin/contacts/{id}/export", Handler: a.adminOnly(a.contactExport)},
	}
}

// eraseConfirmation is what the admin types to confirm: the contact's address, or
// their name for a contact without one.
func eraseConfirmation(c contact.Contact) string {
	if c.Email != "" {
		return c.Email
	}
	return displayName(c)
}

// contactEraseConfirm says what erasing the contact does, with the companies, roles,
// portal access and tickets concerned, and asks for the confirmation and a reason. An
// erased contact's page says so instead.
func (a *Admin) contactEraseConfirm(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := a.loadContact(w, r, v)
	if ok {
		a.renderErase(w, r, v, c, web.NewForm(), http.StatusOK)
	}
}

func (a *Admin) renderErase(w http.ResponseWriter, r *http.Request, v *visit, c contact.Contact, f web.Form, status int) {
	facts, err := a.svc.ContactEraseFacts(r.Context(), c)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	page := eraseView{Contact: c, Facts: facts, Rows: a.rows(facts.Memberships), Confirm: eraseConfirmation(c),
		Erased: access.IsDeletedEmail(c.Email)}
	web.Render(w, r, status, contactErasePage(v.chrome(r, "contact_erase.title"), page, f))
}

// contactErase erases the contact once the confirmation matches; a mismatch shows the
// form again with a message and what was typed.
func (a *Admin) contactErase(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := a.loadContact(w, r, v)
	if !ok {
		return
	}
	back := "/admin/contacts/" + itoa(c.ID)
	if access.IsDeletedEmail(c.Email) {
		a.env.Flash(w, r, "contact_erase.already", back)
		return
	}
	f := web.ParseForm(w, r)
	reason := validate.OneLine(f.Get("reason"))
	if f.Err == "" {
		typed := f.Get("confirm")
		switch {
		case typed == "":
			f.Errors.Add("confirm", "error.required", nil)
		case !strings.EqualFold(typed, eraseConfirmation(c)):
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
		a.env.Flash(w, r, "contact_erase.already", back)
	case err != nil:
		a.env.Fail(w, r, err)
	default:
		a.env.Flash(w, r, "contact_erase.done", back)
	}
}

// eraseView is the confirmation page's data.
type eraseView struct {
	Contact contact.Contact
	Facts   access.EraseFacts
	Rows    []memberRow
	Confirm string // what to type
	Erased  bool   // erased before: nothing to confirm
}
