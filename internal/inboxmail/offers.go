package inboxmail

import (
	"context"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// Offers reports what of a sender's address may be blocked, so a mail's page offers
// only that: the address unless it is a contact's, the domain unless it is a public
// provider's or public suffix, or a company has it (or a subdomain of it).
func Offers(ctx context.Context, q db.Querier, tenantID int64, addr string) (address, domain bool, err error) {
	a, d, ok := normal(addr)
	if !ok {
		return false, false, nil
	}
	known, err := isContact(ctx, q, tenantID, addr, a)
	if err != nil {
		return false, false, err
	}
	if !validate.IsDomain(d) || unblockable(d) != "" {
		return !known, false, nil
	}
	name, err := companyUnder(ctx, q, tenantID, d)
	return !known, name == "", err
}
