package admin

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/web"
)

// staffResetSubmit sets the new password and signs the member in afresh; with
// two-factor sign-in on, the form's code must be right first.
func (a *Admin) staffResetSubmit(w http.ResponseWriter, r *http.Request) {
	m, r, ok := a.staffResetMember(w, r)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	if f.Err == "" {
		client := access.Client{IP: a.env.ClientIP(r), UserAgent: r.UserAgent()}
		in := access.ResetInput{Password: f.Raw("password"), Confirm: f.Raw("password_confirm"), Code: f.Get("code")}
		sess, m, err := a.svc.CompleteStaffReset(r.Context(), web.TenantFrom(r.Context()), r.PathValue("token"),
			in, a.env.Origin(r), client)
		// A second tab may have used the link between the check above and now.
		if msg := web.LinkProblem(err); msg != "" {
			web.Render(w, r, http.StatusGone, web.LinkInvalidPage(guestChrome(r, "reset.title"), msg, "/admin/login"))
			return
		}
		if err != nil && !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
		if err == nil {
			a.env.WakeWorker()
			a.replaceSession(w, r, sess, m)
			a.env.Flash(w, r, "reset.done", "/admin/")
			return
		}
	}
	a.staffResetPage(w, r, http.StatusUnprocessableEntity, m, f)
}
