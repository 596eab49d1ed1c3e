package admin

import (
	"errors"
	"net/http"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// nameEmailOwner replaces the bare "already in use" of a taken email address with
// the contact who has it and a link to them (taken_id): a contact can belong to
// several companies, so staff who typed a known address mostly want that contact,
// whom they add to the company on the contact's page, not a second one.
func (a *Admin) nameEmailOwner(r *http.Request, v *visit, f *web.Form) error {
	f.Values.Del("taken_id") // only ever set here (the page shows it with this error only)
	if f.Errors["email"].ID != "error.taken" {
		return nil
	}
	other, err := contact.ByEmail(r.Context(), a.env.DB, v.P.TenantID, f.Get("email"))
	if errors.Is(err, db.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	f.Errors["email"] = validate.Msg{ID: "qa_admin.contact.email_taken", Data: map[string]any{"Name": displayName(other)}}
	f.Set("taken_id", itoa(other.ID))
	return nil
}
