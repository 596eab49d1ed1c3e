package portal

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/db"
	"pforte/internal/web"
)

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
