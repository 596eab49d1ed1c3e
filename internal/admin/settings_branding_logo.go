package admin

import (
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/tenant"
)

// brandingLogoRemove takes the portal's logo away at once (the branding page's button,
// confirmed first), with its audit entry; the portal then shows its title instead.
// Without a logo there is nothing to remove or to log.
func (a *Admin) brandingLogoRemove(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := r.Context()
	err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		t, err := tenant.Get(ctx, tx, v.P.TenantID)
		if err != nil || t.Brand.LogoVersion == 0 {
			return err
		}
		if err := tenant.RemoveLogo(ctx, tx, t.ID); err != nil {
			return err
		}
		by := v.actor(r, a.env)
		return audit.Log(ctx, tx, t.ID, by.Label, audit.BrandingChanged, "logo removed", by.IP, a.env.Now())
	})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.ForgetTenants()
	a.env.Flash(w, r, "backoffice_qa.logo_removed", "/admin/settings/branding")
}
