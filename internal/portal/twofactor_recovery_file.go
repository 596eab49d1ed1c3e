package portal

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/twofactor"
	"pforte/internal/web"
)

// twoFactorRecoveryFile answers "Download as text file" on the recovery codes page with
// the codes the page posts back, while they are new (see access.RecoveryFileCodes);
// later the account page says to make new ones.
func (p *Portal) twoFactorRecoveryFile(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	err := access.ErrCodesNotFresh
	var codes []string
	if f.Err == "" {
		codes, err = p.svc.RecoveryFileCodes(r.Context(), twofactor.Contacts, v.P.TenantID, v.P.ContactID, f.Values["code"])
	}
	if errors.Is(err, access.ErrCodesNotFresh) {
		p.env.Flash(w, r, "signin.codes_file_failed", "/account")
		return
	}
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	web.RecoveryFile(w, r, v.Tenant.PortalTitle(), v.Contact.Email, codes)
}
