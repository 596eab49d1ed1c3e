package tenant

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// FirstSteps is what the database says of a new tenant's setup, for the checklist on
// the back office's dashboard. Each field is read from the data the step changes,
// never from a click on the checklist, so a step done on another page (or undone
// there) shows as it is.
type FirstSteps struct {
	Hidden      bool // an admin hid the checklist (HideFirstSteps); the rest is not read then
	OwnSMTP     bool // the tenant has a mail server of its own in the mail settings
	Company     bool // a company exists, archived ones too
	Access      bool // a contact was invited to the portal or has access
	Categories  bool // the helpdesk has a ticket category
	SecondStaff bool // more than one staff member, invited ones too
}

// GetFirstSteps reads the checklist's state. The dashboard is the back office's most
// visited page, so every question is an EXISTS or a LIMIT on an index that starts
// with the tenant: it costs the same with a million tickets and ten thousand
// companies as on a fresh install. A hidden checklist costs one read of the tenant.
func GetFirstSteps(ctx context.Context, q db.Querier, id int64) (FirstSteps, error) {
	var s FirstSteps
	var hiddenAt int64
	if err := q.QueryRow(ctx, `SELECT first_steps_hidden_at, smtp_url <> '' FROM tenants WHERE id = ?`, id).
		Scan(&hiddenAt, &s.OwnSMTP); err != nil {
		return s, fmt.Errorf("tenant: first steps: %w", db.One(err))
	}
	if s.Hidden = hiddenAt != 0; s.Hidden {
		return s, nil
	}
	var staff int
	err := q.QueryRow(ctx, `SELECT
		EXISTS (SELECT 1 FROM companies WHERE tenant_id = ?),
		EXISTS (SELECT 1 FROM memberships WHERE tenant_id = ? AND access IN ('invited', 'active')),
		EXISTS (SELECT 1 FROM ticket_categories WHERE tenant_id = ?),
		(SELECT COUNT(*) FROM (SELECT 1 FROM staff WHERE tenant_id = ? LIMIT 2) s)`,
		id, id, id, id).Scan(&s.Company, &s.Access, &s.Categories, &staff)
	if err != nil {
		return s, fmt.Errorf("tenant: first steps: %w", err)
	}
	s.SecondStaff = staff > 1
	return s, nil
}

// HideFirstSteps hides the checklist for good (an admin's "Hide these steps"); a
// checklist already hidden keeps the time it was first hidden. It reports whether
// this call hid it, so a second click is not audited twice.
func HideFirstSteps(ctx context.Context, q db.Querier, id int64, now time.Time) (bool, error) {
	res, err := q.Exec(ctx, `UPDATE tenants SET first_steps_hidden_at = ? WHERE id = ? AND first_steps_hidden_at = 0`,
		now.Unix(), id)
	if err != nil {
		return false, fmt.Errorf("tenant: hide first steps: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}
