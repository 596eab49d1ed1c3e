package admin

import (
	"net/http"

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
		a.staffResetPage(w, r, http.StatusOK, m, web.NewForm())
	}
}

// staffResetPage shows the reset form for m; with TOTP on it asks for the code as well.
func (a *Admin) staffResetPage(w http.ResponseWriter, r *http.Request, status int, m staff.Member, f web.Form) {
	code, err := a.svc.StaffTwoFactorOn(r.Context(), m.TenantID, m.ID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, status, web.ResetPage(guestChrome(r, "reset.title"), m.Email, code, f))
}
