package portal

import (
	"net/http"

	"pforte/internal/download"
	"pforte/internal/web"
)

// downloadVersion sends an older (or the current) version of a file the company may see.
func (p *Portal) downloadVersion(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		p.env.NotFound(w, r)
		return
	}
	_, ver, err := download.VersionForContact(r.Context(), p.env.DB, v.P, id)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	p.sendDownload(w, r, v, ver)
}
