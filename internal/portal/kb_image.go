package portal

import (
	"net/http"
	"strconv"

	"pforte/internal/kb"
)

// kbImage serves an article image to whoever may read the article; anyone else gets
// the 404 page. The type was sniffed at upload; attachment keeps a browser from ever
// showing it as a page of its own (an <img> ignores the disposition).
func (p *Portal) kbImage(w http.ResponseWriter, r *http.Request, rd *reader) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		p.env.NotFound(w, r)
		return
	}
	im, err := kb.VisibleImage(r.Context(), p.env.DB, rd.V, id)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	if err := kb.ServeImage(w, r, p.env.Files, im); err != nil {
		p.env.Fail(w, r, err)
	}
}
