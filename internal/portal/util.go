package portal

import (
	"net/http"
	"strconv"

	"pforte/internal/session"
	"pforte/internal/web"
)

func parseID(s string) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id > 0
}

// dash shows an en dash for an empty value, so empty rows do not look broken.
func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// featureOn reports whether the tenant switched on feature (forgot password,
// self-registration); if not, the feature's pages do not exist (404).
func (p *Portal) featureOn(w http.ResponseWriter, r *http.Request, feature string) bool {
	if !web.TenantFrom(r.Context()).Has(feature) {
		p.env.NotFound(w, r)
		return false
	}
	return true
}

// startSession hands the browser its new session. A session cookie from before (a
// visitor's, or a signed-in contact's who follows a link) is ended, never kept beside
// it or reused (rotation).
func (p *Portal) startSession(w http.ResponseWriter, r *http.Request, raw string) {
	if old, err := p.env.Cookie(r, web.PortalCookie); err == nil {
		session.Delete(r.Context(), p.env.DB, old.Value)
	}
	p.env.SetCookie(w, r, web.PortalCookie, raw, session.MaxAge)
}
