package portal

import (
	"context"

	"pforte/internal/company"
	"pforte/internal/inbox"
	"pforte/internal/tenant"
)

// registrationsWaiting counts the open self-registrations the visit's main contact may
// decide on (their active company's email domains, the tenant letting main contacts
// decide; see mainDecider), for the number beside "Colleagues" in the navigation; 0 for
// everyone else. A failed count only costs the number: the page must not fail over it.
func (p *Portal) registrationsWaiting(ctx context.Context, v *visit) int {
	if !v.P.IsMain() || !v.Tenant.Has(tenant.FeatureRegistration) || !v.Tenant.Has(tenant.FeatureMainApproves) {
		return 0
	}
	co, err := company.Get(ctx, p.env.DB, v.P.TenantID, v.P.CompanyID)
	if err == nil {
		var items []inbox.Item
		if items, err = inbox.OpenForDomains(ctx, p.env.DB, v.P.TenantID, inbox.KindRegistration, co.Domains()); err == nil {
			return len(items)
		}
	}
	p.env.Log.Warn("registrations waiting", "err", err)
	return 0
}
