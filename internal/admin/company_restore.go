package admin

import (
	"errors"
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/company"
	"pforte/internal/db"
)

// companyRestore takes the company out of the archive: its contacts' access is back as
// it was before (the memberships kept their states). Not archived (restored already):
// said, nothing logged.
func (a *Admin) companyRestore(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := a.loadCompany(w, r, v)
	if !ok {
		return
	}
	back := "/admin/companies/" + itoa(c.ID)
	by, now := v.actor(r, a.env), a.env.Now()
	err := a.env.DB.InTx(r.Context(), func(tx *db.Tx) error {
		if err := company.Restore(r.Context(), tx, v.P.TenantID, c.ID); err != nil {
			return err
		}
		return audit.Log(r.Context(), tx, v.P.TenantID, by.Label, audit.CompanyRestored, archiveTarget(c), by.IP, now)
	})
	switch {
	case errors.Is(err, company.ErrNotArchived):
		a.env.Flash(w, r, "company_archive.not_archived", back)
	case err != nil:
		a.env.Fail(w, r, err)
	default:
		a.env.Flash(w, r, "company_archive.restored", back)
	}
}
