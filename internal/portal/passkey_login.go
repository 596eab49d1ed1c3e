package portal

import (
	"errors"
	"net/http"

	"pforte/internal/access"
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
