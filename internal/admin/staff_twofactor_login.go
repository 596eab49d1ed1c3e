package admin

import (
	"net/http"

	"pforte/internal/i18n"
	"pforte/internal/web"
)

// staffStep is the back office's pending second step of a sign-in; its cookie is not
// the portal's.
var staffStep = web.SecondStep{Cookie: "pforte_admin_login_step", CodePath: "/admin/login/code", LoginPath: "/admin/login"}

func (a *Admin) staffLoginCodeForm(w http.ResponseWriter, r *http.Request) {
	r = a.inStepLanguage(r)
	staffStep.Form(a.env, w, r, guestChrome(r, "security.login_title"), a.svc.CheckStaffChallenge)
}

// inStepLanguage shows the code step in the language of the staff member whose
// password was right, as the back office is after sign-in.
func (a *Admin) inStepLanguage(r *http.Request) *http.Request {
	t := web.TenantFrom(r.Context())
	m, err := a.svc.ChallengeStaff(r.Context(), t.ID, staffStep.Token(a.env, r))
	if err != nil {
		return r
	}
	return r.WithContext(i18n.With(r.Context(), i18n.For(web.PersonLanguage(r, t, m.Language))))
}
