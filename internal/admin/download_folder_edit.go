package admin

import (
	"net/http"
	"strconv"

	"pforte/internal/web"
)

// folderEdit shows a folder's form: name, parent, position, and deleting it.
func (a *Admin) folderEdit(w http.ResponseWriter, r *http.Request, v *visit) {
	fo, ok := a.loadFolder(w, r, v)
	if !ok {
		return
	}
	f := web.NewForm()
	f.Set("name", fo.Name)
	f.Set("parent_id", strconv.FormatInt(fo.ParentID, 10))
	f.Set("position", strconv.Itoa(fo.Position))
	a.renderFolder(w, r, v, fo, f, http.StatusOK)
}
