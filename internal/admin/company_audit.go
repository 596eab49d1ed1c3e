package admin

import (
	"net/http"
	"slices"

	"pforte/internal/audit"
	"pforte/internal/company"
	"pforte/internal/db"
)

// createCompany stores a new company and logs it, as the inbox does when it creates
// one: either both happen or neither.
func (a *Admin) createCompany(r *http.Request, v *visit, in company.Company) (company.Company, error) {
	var c company.Company
	by := v.actor(r, a.env)
	now := a.env.Now()
	err := a.env.DB.InTx(r.Context(), func(tx *db.Tx) error {
		var err error
		if c, err = company.Create(r.Context(), tx, in, now); err != nil {
			return err
		}
		return audit.Log(r.Context(), tx, v.P.TenantID, by.Label, audit.CompanyCreated, audit.CompanyTarget(c.ID, c.Name), by.IP, now)
	})
	return c, err
}

// updateCompany saves staff's changes to company old and logs each email domain added
// or removed: a domain decides which company a stranger's mail and registration lead
// to, so who changed it belongs in the log like the inbox's "add domain".
func (a *Admin) updateCompany(r *http.Request, v *visit, old, in company.Company) error {
	by := v.actor(r, a.env)
	now := a.env.Now()
	return a.env.DB.InTx(r.Context(), func(tx *db.Tx) error {
		if err := company.Update(r.Context(), tx, in, now); err != nil {
			return err
		}
		in.Normalize()
		before, after := old.Domains(), in.Domains()
		for _, c := range []struct {
			action      string
			from, notIn []string
		}{{audit.CompanyDomainAdded, after, before}, {audit.CompanyDomainRemoved, before, after}} {
			for _, d := range c.from {
				if slices.Contains(c.notIn, d) {
					continue
				}
				if err := audit.Log(r.Context(), tx, v.P.TenantID, by.Label, c.action, d+" → "+in.Name, by.IP, now); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// fmtDomainRemoved: "domain → company", a domain taken off a company.
func fmtDomainRemoved(d *detailCtx, s string) []detailPart {
	return domainDetail(d, s, "audit_details.domain_removed")
}
