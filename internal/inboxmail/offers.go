package inboxmail

import (
	"context"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// Offers reports what of a sender's address may be blocked, so a mail's page offers
// only that: nothing for a known contact's mail (a block never stops a contact); the
// address unless it is one of the tenant's own (ownAddresses); the domain unless it is
// a public provider's or public suffix, a company has it (or a subdomain of it), or
// the tenant's own addresses are in it. Add refuses the same.
func Offers(ctx context.Context, q db.Querier, tenantID int64, addr string) (address, domain bool, err error) {
	a, d, ok := normal(addr)
	if !ok {
		return false, false, nil
	}
	if known, err := isContact(ctx, q, tenantID, addr, a); err != nil || known {
		return false, false, err
	}
	own, err := ownAddressUnder(ctx, q, tenantID, Entry{Kind: KindAddress, Value: a})
	if err != nil || own != "" {
		return false, false, err
	}
	if !validate.IsDomain(d) || unblockable(d) != "" {
		return true, false, nil
	}
	if own, err = ownAddressUnder(ctx, q, tenantID, Entry{Kind: KindDomain, Value: d}); err != nil || own != "" {
		return true, false, err
	}
	name, err := companyUnder(ctx, q, tenantID, d)
	return true, name == "", err
}
