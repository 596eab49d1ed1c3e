package admin

import (
	"net/http"

	"pforte/internal/kb"
	"pforte/internal/web"
)

// kbImageDelete removes an image; articles that still show it lose the picture.
func (a *Admin) kbImageDelete(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	im, err := kb.DeleteImage(r.Context(), a.env.DB, v.P.TenantID, id)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if err := a.env.Files.Delete(im.Key); err != nil {
		a.env.Log.Warn("kb: delete image file", "err", err)
	}
	a.env.Flash(w, r, "kb_admin.image_deleted", "/admin/kb/articles/"+itoa(im.ArticleID)+"#images")
}
