package admin

import (
	"net/http"

	"pforte/internal/inboxmail"
	"pforte/internal/web"
)

// blockedPath is the page of blocked senders among the helpdesk settings.
const blockedPath = "/admin/settings/helpdesk/blocked"

// helpdeskBlocked lists the senders whose mail the tenant refuses, with who blocked
// them, when and from which mail, and a form to block one by hand.
func (a *Admin) helpdeskBlocked(w http.ResponseWriter, r *http.Request, v *visit) {
	a.renderBlocked(w, r, v, web.NewForm(), http.StatusOK)
}

func (a *Admin) renderBlocked(w http.ResponseWriter, r *http.Request, v *visit, f web.Form, status int) {
	list, err := inboxmail.List(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, status, blockedPage(v.chrome(r, "inbox_block.list_title"), list, f))
}
