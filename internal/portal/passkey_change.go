package portal

import (
	"net/http"

	"pforte/internal/passkey"
	"pforte/internal/web"
)

// passkeyRename renames one of the contact's own passkeys; another's id is a 404.
func (p *Portal) passkeyRename(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := parseID(r.PathValue("id"))
	if !ok {
		p.env.NotFound(w, r)
		return
	}
	f := web.ParseForm(w, r)
	if f.Err == "" {
		err := p.svc.RenamePasskey(r.Context(), v.P, id, f.Get("name"), p.env.ClientIP(r))
		if err != nil && !f.Take(err) {
			p.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		p.passkeyFormFailed(w, r, v, id, f)
		return
	}
	p.env.Flash(w, r, "passkey.renamed", "/account#main") // the flash, not the form's #passkeys
}

// passkeyFormFailed shows the account page again with the row's form open and its
// errors next to the fields.
func (p *Portal) passkeyFormFailed(w http.ResponseWriter, r *http.Request, v *visit, id int64, f web.Form) {
	if f.Err != "" { // a malformed form: say so at the field the person sees
		f.Errors.Add("name", f.Err, nil)
		f.Errors.Add("password", f.Err, nil)
	}
	if _, ok := f.Values["name"]; !ok { // the remove form has no name: show the stored one
		if pk, err := passkey.Get(r.Context(), p.env.DB, v.P.TenantID, v.P.ContactID, id); err == nil {
			f.Set("name", pk.Name)
		}
	}
	acct := web.NewForm()
	acct.Set("first_name", v.Contact.FirstName)
	acct.Set("last_name", v.Contact.LastName)
	acct.Set("phone", v.Contact.Phone)
	p.renderAccount(w, withPasskeyForm(r, id, f), v, acct, http.StatusUnprocessableEntity)
}
