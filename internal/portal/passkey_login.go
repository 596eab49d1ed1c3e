package portal

import (
	"errors"
	"net/http"

	"pforte/internal/passkey"
	"pforte/internal/web"
)

// passkeyLoginBegin hands the login page's script the options for
// navigator.credentials.get, with a fresh challenge kept in the database.
func (p *Portal) passkeyLoginBegin(w http.ResponseWriter, r *http.Request) {
	rp, err := p.relyingParty(r)
	if err != nil {
		jsonError(w, r, http.StatusBadRequest, "passkey.unavailable")
		return
	}
	t := web.TenantFrom(r.Context())
	opts, err := passkey.BeginLogin(r.Context(), p.env.DB, rp, t.ID, p.env.ClientIP(r), p.env.Now())
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
