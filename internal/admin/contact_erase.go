package admin

import (
	"net/http"
	"strings"

	"golang.org/x/text/unicode/norm"

	"pforte/internal/access"
	"pforte/internal/contact"
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
		{Pattern: "POST /admin/contacts/{id}/export", Handler: a.adminOnly(a.contactExport)},
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

// sameConfirmation tells whether typed matches want as a person reads it: case aside,
// in Unicode's composed form (an "é" typed as e and a combining accent is the "é" of
// the stored name), and with runs of spaces counted as one.
func sameConfirmation(typed, want string) bool {
	clean := func(s string) string { return strings.Join(strings.Fields(norm.NFC.String(s)), " ") }
	return strings.EqualFold(clean(typed), clean(want))
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

// renderErase shows the confirmation page for c with form f (empty, or as typed with
// its messages) and the facts read now, so a second look shows what changed meanwhile.
// For a contact who deleted their own account it is the erasure of what they left.
func (a *Admin) renderErase(w http.ResponseWriter, r *http.Request, v *visit, c contact.Contact, f web.Form, status int) {
	facts, err := a.svc.ContactEraseFacts(r.Context(), c)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	page := eraseView{Contact: c, Facts: facts, Rows: a.rows(facts.Memberships), Confirm: eraseConfirmation(c),
		Erased: access.IsDeletedEmail(c.Email)}
	if page.Erased {
		if page.Leftovers, err = a.svc.DeletedAccountLeftovers(r.Context(), c); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	web.Render(w, r, status, contactErasePage(v.chrome(r, "contact_erase.title"), page, f))
}

// eraseView is the confirmation page's data.
type eraseView struct {
	Contact contact.Contact
	Facts   access.EraseFacts
	Rows    []memberRow
	Confirm string // what to type
	Erased  bool   // erased before: nothing to confirm but Leftovers
	// Leftovers: the erased contact deleted their own account and the inbox notice for
	// staff still holds their former details (access.DeletedAccountLeftovers).
	Leftovers int
}
