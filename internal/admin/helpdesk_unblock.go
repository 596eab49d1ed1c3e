package admin

import (
	"net/http"

	"pforte/internal/inboxmail"
	"pforte/internal/web"
)

// helpdeskUnblock lifts a block: the sender's next mail is taken in again. Another
// tenant's block is a 404.
func (a *Admin) helpdeskUnblock(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	if err := inboxmail.Remove(r.Context(), a.env.DB, v.P.TenantID, id, v.staffOf(r, a.env), a.env.Now()); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "inbox_block.removed", blockedPath)
}
