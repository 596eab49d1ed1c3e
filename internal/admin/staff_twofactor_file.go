package admin

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/i18n"
	"pforte/internal/twofactor"
	"pforte/internal/web"
)

// staffTwoFactorRecoveryFile is the portal's twoFactorRecoveryFile for a staff member:
// the new recovery codes the page posts back, as a text file, while they are new.
func (a *Admin) staffTwoFactorRecoveryFile(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	err := access.ErrCodesNotFresh
	var codes []string
	if f.Err == "" {
		codes, err = a.svc.RecoveryFileCodes(r.Context(), twofactor.Staff, v.P.TenantID, v.P.StaffID, f.Values["code"])
	}
	if errors.Is(err, access.ErrCodesNotFresh) {
		a.env.Flash(w, r, "signin.codes_file_failed", "/admin/account")
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	web.RecoveryFile(w, r, v.Tenant.Name+" · "+i18n.T(r.Context(), "admin.brand"), v.Member.Email, codes)
}
