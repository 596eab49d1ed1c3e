package admin

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/staff"
	"pforte/internal/web"
)

func (a *Admin) staffLoginCodeSubmit(w http.ResponseWriter, r *http.Request) {
	r = a.inStepLanguage(r)
	var sess string
	var m staff.Member
	client := access.Client{IP: a.env.ClientIP(r), UserAgent: r.UserAgent()}
	staffStep.Submit(a.env, w, r, guestChrome(r, "security.login_title"), access.ErrChallengeGone,
		func(token, code string) (err error) {
			sess, m, err = a.svc.StaffSecondFactor(r.Context(), web.TenantFrom(r.Context()), token, code, a.env.Origin(r), client)
			return err
		},
		func(next string) {
			a.replaceSession(w, r, sess, m)
			http.Redirect(w, r, web.LocalPath(next, "/admin/"), http.StatusSeeOther)
		})
}
