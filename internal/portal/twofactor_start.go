package portal

import (
	"errors"
	"net/http"

	"pforte/internal/access"
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
