package portal

import (
	"net/http"
	"strconv"

	"pforte/internal/tenant"
	"pforte/internal/web"
)

// brandLogo serves the tenant's logo to everyone (the login page shows it). Its type was
// sniffed at upload and is one of the raster types, never SVG. A request naming the
// current version may be cached for a year: a new logo gets a new version and so a new
// URL. Any other request is cached briefly only.
func (p *Portal) brandLogo(w http.ResponseWriter, r *http.Request) {
	t := web.TenantFrom(r.Context())
	ct, data, version, err := tenant.Logo(r.Context(), p.env.DB, t.ID)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Content-Disposition", "inline")
	if r.URL.Query().Get("v") == strconv.FormatInt(version, 10) {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "public, max-age=300")
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}
