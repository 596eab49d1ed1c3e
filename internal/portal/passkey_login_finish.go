package portal

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/web"
)

// passkeyLoginFinish checks the browser's signed answer and logs the contact in like
// the password form does: a new session (the old cookie's session ended), the same
// redirect target, audit and throttling.
func (p *Portal) passkeyLoginFinish(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		jsonError(w, r, http.StatusBadRequest, "passkey.bad_response")
		return
	}
	rp, err := p.relyingParty(r)
	if err != nil {
		jsonError(w, r, http.StatusBadRequest, "passkey.unavailable")
		return
	}
	t := web.TenantFrom(r.Context())
	client := access.Client{IP: p.env.ClientIP(r), UserAgent: r.UserAgent()}
	raw, _, err := p.svc.PasskeyLogin(r.Context(), t, rp, body, client)
	switch {
	case errors.Is(err, access.ErrThrottled):
		jsonError(w, r, http.StatusTooManyRequests, "login.throttled")
		return
	case errors.Is(err, access.ErrPasskeyLogin):
		jsonError(w, r, http.StatusUnauthorized, "passkey.login_failed")
		return
	case err != nil:
		p.jsonFail(w, r, err)
		return
	}
	p.startSession(w, r, raw)
	writeJSON(w, http.StatusOK, map[string]string{"redirect": p.landingFor(r.Context(), web.TenantFrom(r.Context()).ID, raw, r.URL.Query().Get("next"))})
}
