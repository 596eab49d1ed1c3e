package portal

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

func (p *Portal) loginSubmit(w http.ResponseWriter, r *http.Request) {
	f := web.ParseForm(w, r)
	if f.Err == "" {
		// Too long or malformed: the same "at most 254 characters" as the other forms
		// give, rather than "address or password is wrong".
		f.Errors.SignInAddress("email", f.Get("email"))
		f.Errors.Required("password", f.Raw("password"))
	}
	if f.Invalid() {
		web.Render(w, r, http.StatusUnprocessableEntity, loginPage(guestChrome(r, "login.title"), f))
		return
	}
	t := web.TenantFrom(r.Context())
	client := access.Client{IP: p.env.ClientIP(r), UserAgent: r.UserAgent()}
	raw, ct, err := p.svc.ContactLogin(r.Context(), t.ID, f.Get("email"), f.Raw("password"), client)
	var second *access.SecondFactorNeeded
	switch {
	case errors.As(err, &second):
		loginStep.Start(p.env, w, r, second.Challenge, f.Get("next"))
		return
	case errors.Is(err, access.ErrInvalidLogin):
		f.Err = "login.invalid"
	case errors.Is(err, access.ErrThrottled):
		f.Err = "login.throttled"
		if t.Has(tenant.FeaturePasswordReset) { // a reset link works while locked: the way in now
			f.Err = "mailout.throttled_reset"
		}
	case err != nil:
		p.env.Fail(w, r, err)
		return
	}
	if f.Invalid() {
		web.Render(w, r, http.StatusUnprocessableEntity, loginPage(guestChrome(r, "login.title"), f))
		return
	}
	p.startSession(w, r, raw)
	http.Redirect(w, r, p.landing(r.Context(), t.ID, ct.ID, f.Get("next")), http.StatusSeeOther)
}
