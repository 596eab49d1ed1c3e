package web

import (
	"net/http"
	"strings"
)

// LogPath is r's path as a log may keep it. The secret of a link that signs someone in
// or sets a password (an invitation, a password reset, a registration's confirmation,
// the first administrator's setup: the routes' {token}) is replaced by "…": logs are
// read, shipped and kept by more people and for longer than a link is valid, and a
// reset link copied from a log would take over the account.
func LogPath(r *http.Request) string {
	p := r.URL.Path
	if tok := r.PathValue("token"); tok != "" {
		p = strings.ReplaceAll(p, tok, "…")
	}
	return p
}
