package portal

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/db"
	"pforte/internal/web"
)

// twoFactorStart makes a new pending secret and shows it.
func (p *Portal) twoFactorStart(w http.ResponseWriter, r *http.Request, v *visit) {
	err := p.svc.StartTOTP(r.Context(), v.Tenant, v.P)
	if errors.Is(err, access.ErrTOTPOn) {
		p.env.FlashInfo(w, r, "security.already_on", "/account")
		return
	}
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/account/twofactor/setup", http.StatusSeeOther)
}

// twoFactorSetup shows the pending secret as a QR code and as text, with the form
// for the first code.
func (p *Portal) twoFactorSetup(w http.ResponseWriter, r *http.Request, v *visit) {
	p.renderSetup(w, r, v, web.NewForm(), http.StatusOK)
}

func (p *Portal) renderSetup(w http.ResponseWriter, r *http.Request, v *visit, f web.Form, status int) {
	// The pending secret becomes the contact's second factor: staff previewing the
	// portal must never see it.
	if v.Preview.ID != 0 {
		p.refusePreview(w, r, v)
		return
	}
	setup, err := p.svc.PendingTOTP(r.Context(), v.Tenant, v.P)
	if errors.Is(err, db.ErrNotFound) || errors.Is(err, access.ErrTOTPOn) {
		http.Redirect(w, r, "/account#twofactor", http.StatusSeeOther)
		return
	}
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, status, web.TOTPSetupPage(v.chrome(r, "security.setup_title", "account"), setup.QR, setup.Secret, f,
		"/account/twofactor/confirm", "/account"))
}

// twoFactorConfirm switches TOTP on when the code fits and shows the recovery codes,
// once: they are not stored in readable form.
func (p *Portal) twoFactorConfirm(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	var codes []string
	if f.Err == "" {
		var err error
		codes, err = p.svc.ConfirmTOTP(r.Context(), v.Tenant, v.P, f.Get("code"), p.env.ClientIP(r), p.env.Origin(r))
		if errors.Is(err, access.ErrTOTPOn) || errors.Is(err, db.ErrNotFound) {
			http.Redirect(w, r, "/account#twofactor", http.StatusSeeOther)
			return
		}
		if err != nil && !f.Take(err) {
			p.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		p.renderSetup(w, r, v, f, http.StatusUnprocessableEntity)
		return
	}
	p.env.WakeWorker()
	web.Render(w, r, http.StatusOK, web.RecoveryCodesPage(v.chrome(r, "security.codes_title", "account"), codes, true, "/account", "/account/twofactor/recovery/file"))
}
