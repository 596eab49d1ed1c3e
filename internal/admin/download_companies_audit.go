package admin

import (
	"context"
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/download"
)

// fileCompanies are the companies chosen to see a file, as audit entries name them.
func fileCompanies(ctx context.Context, q db.Querier, tenantID, fileID int64) ([]audit.ChosenCompany, error) {
	list, err := download.Companies(ctx, q, tenantID, fileID)
	if err != nil {
		return nil, err
	}
	out := make([]audit.ChosenCompany, len(list))
	for i, c := range list {
		out[i] = audit.ChosenCompany{ID: c.ID, Name: c.Name}
	}
	return out, nil
}

// auditFileCompanies logs the companies ticked and unticked for file f since before
// (nil for a new file), when any were: who may see a file is security-relevant, and
// "visibility=companies" alone does not say which companies gained or lost it.
func (a *Admin) auditFileCompanies(ctx context.Context, q db.Querier, r *http.Request, v *visit, f download.File, before []audit.ChosenCompany) error {
	after, err := fileCompanies(ctx, q, v.P.TenantID, f.ID)
	if err != nil {
		return err
	}
	change := audit.CompaniesChange(before, after)
	if change == "" {
		return nil
	}
	by := v.actor(r, a.env)
	return audit.Log(ctx, q, v.P.TenantID, by.Label, audit.DownloadCompaniesChanged, fileTarget(f)+change, by.IP, a.env.Now())
}
