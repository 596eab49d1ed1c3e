package access

import (
	"context"
	"fmt"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/principal"
)

// LastMainCompany is a company whose only active main contact a contact is: without
// them nobody sees all its tickets or manages its colleagues until the provider names
// another main contact.
type LastMainCompany struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// lastMainOf picks from ms (one contact's memberships) the companies where that
// contact is the only active main contact. An archived company is left out: nobody
// signs in to it anyway.
func lastMainOf(ctx context.Context, q db.Querier, ms []contact.Membership) ([]LastMainCompany, error) {
	var out []LastMainCompany
	for _, m := range ms {
		if m.Role != principal.RoleMain || !m.Usable() {
			continue
		}
		var others int
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM memberships WHERE tenant_id = ? AND company_id = ?
			AND contact_id <> ? AND role = ? AND access = ?`, m.TenantID, m.CompanyID, m.ContactID, principal.RoleMain,
			contact.AccessActive).Scan(&others); err != nil {
			return nil, fmt.Errorf("access: count main contacts: %w", err)
		}
		if others == 0 {
			out = append(out, LastMainCompany{ID: m.CompanyID, Name: m.CompanyName})
		}
	}
	return out, nil
}

// OnlyMainOf names the companies whose only active main contact p's contact is, for
// the warning on the portal's "delete my account": deleting it leaves them without
// anyone to manage colleagues.
func (s *Service) OnlyMainOf(ctx context.Context, p principal.Contact) ([]LastMainCompany, error) {
	ms, err := contact.MembershipsOfContact(ctx, s.DB, p.TenantID, p.ContactID)
	if err != nil {
		return nil, err
	}
	return lastMainOf(ctx, s.DB, ms)
}
