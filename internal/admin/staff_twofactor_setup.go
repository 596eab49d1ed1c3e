package admin

import (
	"net/http"

	"pforte/internal/web"
)

// staffTwoFactorSetup shows the pending secret as a QR code and as text, with the form
// for the first code.
func (a *Admin) staffTwoFactorSetup(w http.ResponseWriter, r *http.Request, v *visit) {
	a.renderStaffSetup(w, r, v, web.NewForm(), http.StatusOK)
}
