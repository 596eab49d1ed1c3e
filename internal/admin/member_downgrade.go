package admin

import (
	"context"
	"fmt"

	"pforte/internal/contact"
	"pforte/internal/i18n"
	"pforte/internal/principal"
)

// memberRows is rows for a page that changes roles (the company and the contact
// page): each active main contact is marked when they are their company's only one
// (memberRow.LastMain), so the downgrade's question can warn of it.
func (a *Admin) memberRows(ctx context.Context, tenantID int64, ms []contact.Membership) ([]memberRow, error) {
	rows := a.rows(ms)
	mains := map[int64]int{} // active main contacts by company, counted once per company
	for i, m := range rows {
		if m.State != contact.AccessActive || m.Role != principal.RoleMain {
			continue
		}
		n, ok := mains[m.CompanyID]
		if !ok {
			if err := a.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM memberships WHERE tenant_id = ? AND company_id = ?
				AND role = ? AND access = ?`, tenantID, m.CompanyID, principal.RoleMain, contact.AccessActive).Scan(&n); err != nil {
				return nil, fmt.Errorf("admin: count main contacts: %w", err)
			}
			mains[m.CompanyID] = n
		}
		rows[i].LastMain = n <= 1
	}
	return rows, nil
}

// downgradeConfirm is the question before an active main contact becomes a user:
// they are signed out at once and lose the main contact's rights, and when they are
// the company's only active main contact, nobody is left who sees all its tickets or
// manages its colleagues.
func downgradeConfirm(ctx context.Context, m memberRow) string {
	data := map[string]any{"Name": m.ContactName, "Company": m.CompanyName}
	if m.LastMain {
		return i18n.T(ctx, "tback_fix.members.downgrade_last_confirm", data)
	}
	return i18n.T(ctx, "tback_fix.members.downgrade_confirm", data)
}
