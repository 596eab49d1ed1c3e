package portal

import (
	"errors"
	"net/http"

	"pforte/internal/passkey"
)

// passkeyAddBegin hands the account page's script the options for
// navigator.credentials.create, bound to this contact and session.
func (p *Portal) passkeyAddBegin(w http.ResponseWriter, r *http.Request, v *visit) {
	rp, err := p.relyingParty(r)
	if err != nil {
		jsonError(w, r, http.StatusBadRequest, "passkey.unavailable")
		return
	}
	owner, err := p.svc.PasskeyOwner(r.Context(), v.P)
	if err != nil {
		p.jsonFail(w, r, err)
		return
	}
	opts, err := passkey.BeginRegistration(r.Context(), p.env.DB, rp, owner, p.env.ClientIP(r), p.env.Now())
	if errors.Is(err, passkey.ErrTooMany) {
		jsonError(w, r, http.StatusTooManyRequests, "login.throttled")
		return
	}
	if err != nil {
		p.jsonFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, opts)
}
