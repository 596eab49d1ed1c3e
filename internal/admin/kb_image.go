package admin

import (
	"net/http"

	"pforte/internal/kb"
)

// kbImage serves an image of the tenant to staff, also those of drafts.
func (a *Admin) kbImage(w http.ResponseWriter, r *http.Request, v *visit) {
	im, ok := loadByPath(a, w, r, v, kb.GetImage)
	if !ok {
		return
	}
	if err := kb.ServeImage(w, r, a.env.Files, im); err != nil {
		a.env.Fail(w, r, err)
	}
}
