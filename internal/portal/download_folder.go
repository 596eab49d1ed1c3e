package portal

import (
	"net/http"

	"pforte/internal/web"
)

// downloadFolder shows a folder. A folder without anything the company may see — empty,
// or only for other companies — is a 404 like one of another tenant.
func (p *Portal) downloadFolder(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		p.env.NotFound(w, r)
		return
	}
	p.renderDownloads(w, r, v, id)
}
