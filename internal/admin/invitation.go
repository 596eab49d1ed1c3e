package admin

import (
	"net/http"

	"pforte/internal/web"
)

// invitationForm lets an invited staff member choose their first password. A link that
// is expired, used or unknown gets a 410 page saying which, so they know to ask an admin
// for a new invitation.
func (a *Admin) invitationForm(w http.ResponseWriter, r *http.Request) {
	t := web.TenantFrom(r.Context())
	m, err := a.svc.CheckStaffInvitation(r.Context(), t.ID, r.PathValue("token"))
	if msg := web.LinkProblem(err); msg != "" {
		web.Render(w, r, http.StatusGone, web.LinkInvalidPage(guestChrome(r, "admin.invitation.title"), msg, "/admin/login"))
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, http.StatusOK, staffInvitationPage(guestChrome(r, "admin.invitation.title"), m.Name, m.Email, web.NewForm()))
}
