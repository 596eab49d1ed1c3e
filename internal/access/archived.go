package access

import (
	"context"
	"errors"

	"pforte/internal/company"
	"pforte/internal/db"
)

// ErrCompanyArchived refuses portal access to a company staff archived: granting,
// inviting and resending wait for a restore (company.Restore), which brings back the
// access states the memberships had.
var ErrCompanyArchived = errors.New("access: company archived")

// requireLive is company.RequireLive inside the transaction that gives access to (or
// files a membership in) companyID, with the archived company answered as
// ErrCompanyArchived: a check made before the transaction may be stale by now.
func requireLive(ctx context.Context, tx db.Querier, tenantID, companyID int64) error {
	if err := company.RequireLive(ctx, tx, tenantID, companyID); errors.Is(err, company.ErrArchived) {
		return ErrCompanyArchived
	} else if err != nil {
		return err
	}
	return nil
}
