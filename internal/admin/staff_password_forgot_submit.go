package admin

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/web"
)

// staffForgotSubmit answers every well-formed address the same way, whether or not a
// staff member has it: the worker mails the link, so neither the page nor its timing
// tells who works in the back office.
func (a *Admin) staffForgotSubmit(w http.ResponseWriter, r *http.Request) {
	f := web.ParseForm(w, r)
	if f.Err == "" {
		f.Errors.SignInAddress("email", f.Get("email"))
	}
	if f.Invalid() {
		web.Render(w, r, http.StatusUnprocessableEntity, web.ForgotPage(guestChrome(r, "forgot.title"), f, false, "/admin/password/forgot", "/admin/login"))
		return
	}
	client := access.Client{IP: a.env.ClientIP(r), UserAgent: r.UserAgent()}
	if err := a.svc.RequestStaffReset(r.Context(), web.TenantFrom(r.Context()), f.Get("email"), a.env.Origin(r), client); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.WakeWorker()
	web.Render(w, r, http.StatusOK, web.ForgotPage(guestChrome(r, "forgot.title"), f, true, "/admin/password/forgot", "/admin/login"))
}
