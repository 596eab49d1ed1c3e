package portal

import (
	"encoding/json"
	"io"
	"net/http"

	"pforte/internal/i18n"
	"pforte/internal/passkey"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// maxPasskeyBody bounds a WebAuthn answer; real ones are a few kilobytes.
const maxPasskeyBody = 64 << 10

// writeJSON answers a script with a JSON document; b is JSON already when it is []byte.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, ok := v.([]byte)
	if !ok {
		b, _ = json.Marshal(v)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
}

// jsonError answers a script with a message in the person's language, which the script
// shows next to the passkey button.
func jsonError(w http.ResponseWriter, r *http.Request, status int, msgID string) {
	writeJSON(w, status, map[string]string{"error": i18n.T(r.Context(), msgID)})
}

// jsonFail logs a server error once and answers the script without details.
func (p *Portal) jsonFail(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil {
		return
	}
	p.env.Log.Error("request failed", "method", r.Method, "path", web.LogPath(r), "err", err)
	jsonError(w, r, http.StatusInternalServerError, "passkey.server_error")
}

// fieldError translates the error of one field for a script.
func fieldError(r *http.Request, e validate.Errors, field string) string {
	return i18n.T(r.Context(), e[field].ID, e[field].Data)
}

// readBody reads a bounded request body; false when it is too large or unreadable.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxPasskeyBody))
	return b, err == nil
}

// relyingParty is the request's relying party: its tenant under the host name it was
// reached by (see passkey.For for why that is safe behind a proxy).
func (p *Portal) relyingParty(r *http.Request) (passkey.RelyingParty, error) {
	t := web.TenantFrom(r.Context())
	return passkey.For(r.Host, p.env.Secure(r), t.BaseURLFor(p.env.BaseURL), t.Name)
}
