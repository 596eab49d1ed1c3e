package admin

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/web"
)

// invitationSubmit stores the password, uses up the link and logs the member in.
func (a *Admin) invitationSubmit(w http.ResponseWriter, r *http.Request) {
	t := web.TenantFrom(r.Context())
	raw := r.PathValue("token")
	m, err := a.svc.CheckStaffInvitation(r.Context(), t.ID, raw)
	if msg := web.LinkProblem(err); msg != "" {
		web.Render(w, r, http.StatusGone, web.LinkInvalidPage(guestChrome(r, "admin.invitation.title"), msg, "/admin/login"))
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	f := web.ParseForm(w, r)
	var sess string
	if f.Err == "" {
		client := access.Client{IP: a.env.ClientIP(r), UserAgent: r.UserAgent()}
		sess, err = a.svc.AcceptStaffInvitation(r.Context(), t.ID, raw, f.Raw("password"), f.Raw("password_confirm"), client)
		// A second tab may have used the link between the check above and now.
		if msg := web.LinkProblem(err); msg != "" {
			web.Render(w, r, http.StatusGone, web.LinkInvalidPage(guestChrome(r, "admin.invitation.title"), msg, "/admin/login"))
			return
		}
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		web.Render(w, r, http.StatusUnprocessableEntity, staffInvitationPage(guestChrome(r, "admin.invitation.title"), m.Name, m.Email, f))
		return
	}
	a.signIn(w, r, sess, m)
	a.env.Flash(w, r, "admin.invitation.done", "/admin/")
}
