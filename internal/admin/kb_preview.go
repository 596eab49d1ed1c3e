package admin

import (
	"net/http"

	"pforte/internal/kb"
	"pforte/internal/web"
)

// kbPreview renders the posted Markdown (field body) as the portal will show it: the
// fragment htmx puts beside the editor. Nothing is stored.
func (a *Admin) kbPreview(w http.ResponseWriter, r *http.Request, v *visit) {
	f := parseArticleForm(w, r)
	if f.Err != "" {
		web.Render(w, r, http.StatusUnprocessableEntity, kbPreviewPane(""))
		return
	}
	web.Render(w, r, http.StatusOK, kbPreviewPane(kb.RenderAdmin(f.Raw("body"))))
}
