package ticket

import (
	"context"
	"fmt"

	"pforte/internal/db"
	"pforte/internal/principal"
)

// AnyForContact reports whether the contact's list would show any ticket in any state:
// a main contact's company's tickets, a user's (or a main contact's "mine") own and
// followed ones. The portal asks only when a list's first page without a search came
// back empty, to tell "none open at the moment" from "none yet"; each probe reads at
// most one index entry that fits (tickets_company, tickets_contact,
// ticket_followers_contact), so it stays cheap in a company with a million tickets.
func AnyForContact(ctx context.Context, q db.Querier, p principal.Contact, mine bool) (bool, error) {
	if !p.Valid() {
		return false, db.ErrNotFound
	}
	const visible = ` JOIN ticket_statuses s ON s.id = t.status_id AND s.portal_visible`
	type probe struct {
		sql  string
		args []any
	}
	probes := []probe{{`SELECT 1 FROM tickets t` + visible + ` WHERE t.tenant_id = ? AND t.company_id = ?`,
		[]any{p.TenantID, p.CompanyID}}}
	if !p.IsMain() || mine {
		probes = []probe{{`SELECT 1 FROM tickets t` + visible + ` WHERE t.tenant_id = ? AND t.company_id = ? AND t.contact_id = ?`,
			[]any{p.TenantID, p.CompanyID, p.ContactID}},
			// From the contact's follows (ticket_followers_contact), each checked for
			// the company: a join let the planner walk the company's tickets instead.
			{`SELECT 1 FROM ticket_followers f WHERE f.contact_id = ? AND f.tenant_id = ?
			AND EXISTS (SELECT 1 FROM tickets t` + visible + ` WHERE t.id = f.ticket_id AND t.tenant_id = ? AND t.company_id = ?)`,
				[]any{p.ContactID, p.TenantID, p.TenantID, p.CompanyID}}}
	}
	for _, pr := range probes {
		var n int
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM (`+pr.sql+` LIMIT 1) one`, pr.args...).Scan(&n); err != nil {
			return false, fmt.Errorf("ticket: any for contact: %w", err)
		}
		if n > 0 {
			return true, nil
		}
	}
	return false, nil
}
