package admin

import (
	"net/http"

	"pforte/internal/staff"
	"pforte/internal/web"
)

func (a *Admin) setupForm(w http.ResponseWriter, r *http.Request) {
	t := web.TenantFrom(r.Context())
	err := a.svc.CheckSetup(r.Context(), t.ID, r.PathValue("token"))
	if msg := a.setupLinkProblem(r, err); msg != "" {
		web.Render(w, r, http.StatusGone, web.LinkInvalidPage(guestChrome(r, "admin.setup.title"), msg, "/admin/login"))
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, http.StatusOK, setupPage(guestChrome(r, "admin.setup.title"), web.NewForm()))
}

// setupLinkProblem is the message for a setup link that cannot be used, "" when err is
// not about the link. The link came from pforte serve's output, not from a mail, so the
// words of invitation links ("ask for a new invitation", "copied from the email") do
// not fit: once an administrator exists it says to sign in, otherwise that a restart
// of pforte serve prints a fresh link.
func (a *Admin) setupLinkProblem(r *http.Request, err error) string {
	msg := web.LinkProblem(err)
	if msg == "" {
		return ""
	}
	if n, cerr := staff.CountAdmins(r.Context(), a.env.DB, web.TenantFrom(r.Context()).ID); cerr == nil && n > 0 {
		return "setup_link.done"
	}
	if msg == "link.expired" {
		return "setup_link.expired"
	}
	return "setup_link.unknown"
}
