package admin

import (
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/tenant"
)

// firstStepsHide hides the dashboard's first steps for every admin of the tenant, for
// good: an admin who set the portal up another way (mail through a relay the portal
// does not know of, customers only by the API) is not reminded on every visit. The
// steps' pages stay where they are, in the settings. Cross-origin protection guards
// this POST as every other.
func (a *Admin) firstStepsHide(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := r.Context()
	err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		hid, err := tenant.HideFirstSteps(ctx, tx, v.P.TenantID, a.env.Now())
		if err != nil || !hid { // hidden already (a second tab): nothing to audit
			return err
		}
		by := v.actor(r, a.env)
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.SettingsChanged, firstStepsHiddenDetail, by.IP, a.env.Now())
	})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "first_steps.hidden", "/admin/")
}

// firstStepsHiddenDetail is the audit entry's detail; fmtSettings shows it in words.
const firstStepsHiddenDetail = "first steps hidden"
