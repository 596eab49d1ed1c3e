package portal

import (
	"net/http"

	"pforte/internal/web"
)

// passwordChange changes the contact's own password on My account, beside the other
// ways of signing in; a refusal shows the account page with the form as typed.
func (p *Portal) passwordChange(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	if f.Err == "" {
		err := p.svc.ChangeContactPassword(r.Context(), v.Tenant, v.P, f.Raw("current"), f.Raw("password"),
			f.Raw("password_confirm"), p.env.ClientIP(r), p.env.Origin(r))
		if err != nil && !f.Take(err) {
			p.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		p.renderAccountForms(w, r, v, accountForms{details: detailsForm(v), password: f}, http.StatusUnprocessableEntity)
		return
	}
	p.env.WakeWorker() // the notice
	// To #main, where the flash is: without a fragment of its own, the redirect would
	// keep the form's #password and land below the message.
	p.env.Flash(w, r, "settings.password_changed", "/account#main")
}

// movedTo answers an address that moved with a permanent redirect to its new place;
// 308 keeps the method, so a form posted from a page opened before the move still
// reaches its handler (with its body and token).
func movedTo(to string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, to, http.StatusPermanentRedirect)
	}
}
