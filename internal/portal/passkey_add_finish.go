package portal

import (
	"encoding/json"
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/passkey"
	"pforte/internal/validate"
)

// passkeyAddFinish checks the new credential the browser made and stores it under the
// name the contact typed; the page then reloads with a confirmation.
func (p *Portal) passkeyAddFinish(w http.ResponseWriter, r *http.Request, v *visit) {
	body, ok := readBody(w, r)
	var in struct {
		Name       string          `json:"name"`
		Credential json.RawMessage `json:"credential"`
	}
	if !ok || json.Unmarshal(body, &in) != nil || len(in.Credential) == 0 || !validate.Usable(in.Name) {
		jsonError(w, r, http.StatusBadRequest, "passkey.bad_response")
		return
	}
	// The name is checked before the ceremony is used up, so a too long name costs
	// the contact a retyped name, not a second touch of the key.
	if e := (validate.Errors{}); len([]rune(in.Name)) > passkey.NameMax {
		e.MaxLen("name", in.Name, passkey.NameMax)
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": fieldError(r, e, "name")})
		return
	}
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
	pk, err := passkey.FinishRegistration(r.Context(), p.env.DB, rp, owner, in.Credential, p.env.Now())
	if err == nil {
		err = p.svc.AddPasskey(r.Context(), v.Tenant, v.P, pk, in.Name, p.env.Origin(r), p.env.ClientIP(r))
	}
	var ve validate.Errors
	switch {
	case errors.As(err, &ve):
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": fieldError(r, ve, "name")})
	case errors.Is(err, passkey.ErrBadInput):
		jsonError(w, r, http.StatusBadRequest, "passkey.bad_response")
	case errors.Is(err, passkey.ErrCeremony):
		jsonError(w, r, http.StatusBadRequest, "passkey.expired")
	case errors.Is(err, passkey.ErrRejected):
		jsonError(w, r, http.StatusBadRequest, "passkey.rejected")
	case errors.Is(err, access.ErrPasskeyTaken):
		jsonError(w, r, http.StatusConflict, "passkey.taken")
	case err != nil:
		p.jsonFail(w, r, err)
	default:
		p.env.FlashNext(w, r, "passkey.added")
		writeJSON(w, http.StatusOK, map[string]string{"redirect": "/account"})
	}
}
