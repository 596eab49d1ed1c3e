package admin

import (
	"net/http"

	"pforte/internal/web"
)

// inboxPost reads what every form on an inbox item's page sends first: the item's id
// from the path and the form. A bad id is a 404; a form that cannot be read (too
// large, bad encoding) shows the item's page again with why. ok is false when the
// request has been answered.
func (a *Admin) inboxPost(w http.ResponseWriter, r *http.Request, v *visit) (int64, web.Form, bool) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return 0, web.Form{}, false
	}
	f := web.ParseForm(w, r)
	if f.Err != "" {
		a.renderInboxItem(w, r, v, f, http.StatusUnprocessableEntity)
		return 0, f, false
	}
	return id, f, true
}
