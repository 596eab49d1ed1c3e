package admin

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/web"
)

// staffResetMember checks the reset link of the URL and returns its member, with the
// request in the member's language (like the mail); an expired, used or unknown link
// gets its page (410).
func (a *Admin) staffResetMember(w http.ResponseWriter, r *http.Request) (staff.Member, *http.Request, bool) {
	m, err := a.svc.CheckStaffReset(r.Context(), web.TenantFrom(r.Context()).ID, r.PathValue("token"))
	if msg := web.LinkProblem(err); msg != "" {
		web.Render(w, r, http.StatusGone, web.LinkInvalidPage(guestChrome(r, "reset.title"), msg, "/admin/login"))
		return m, r, false
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return m, r, false
	}
	t := web.TenantFrom(r.Context())
	r = r.WithContext(i18n.With(r.Context(), i18n.For(web.PersonLanguage(r, t, m.Language))))
	return m, r, true
}

func (a *Admin) staffResetForm(w http.ResponseWriter, r *http.Request) {
	m, r, ok := a.staffResetMember(w, r)
	if ok {
		web.Render(w, r, http.StatusOK, web.ResetPage(guestChrome(r, "reset.title"), m.Email, web.NewForm()))
	}
}

// staffResetSubmit sets the new password; the member is signed in afresh, or sent to
// the second step when two-factor sign-in is on.
func (a *Admin) staffResetSubmit(w http.ResponseWriter, r *http.Request) {
	m, r, ok := a.staffResetMember(w, r)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	if f.Err == "" {
		client := access.Client{IP: a.env.ClientIP(r), UserAgent: r.UserAgent()}
		sess, m, err := a.svc.CompleteStaffReset(r.Context(), web.TenantFrom(r.Context()), r.PathValue("token"),
			f.Raw("password"), f.Raw("password_confirm"), a.env.Origin(r), client)
		if second := (*access.SecondFactorNeeded)(nil); errors.As(err, &second) {
			staffStep.Start(a.env, w, r, second.Challenge, "")
			return
		}
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
	web.Render(w, r, http.StatusUnprocessableEntity, web.ResetPage(guestChrome(r, "reset.title"), m.Email, f))
}
