package tenant

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// TicketRules are the helpdesk rules a tenant sets in the back office.
type TicketRules struct {
	Reopen        bool // contacts may reopen resolved and closed tickets
	UploadLimitMB int  // largest attachment a contact may upload
	// Ratings: the contact who opened a ticket is asked to rate it (good or bad) when it
	// is resolved or closed; off by default.
	Ratings bool
	// TimeBillable: time staff log on a ticket is billable unless they untick it (on by
	// default); TimePortal: contacts see the time spent on their tickets (off by
	// default; see ticket/time_entry.go).
	TimeBillable bool
	TimePortal   bool
}

// MaxUploadMB bounds the upload limit an admin can set.
const MaxUploadMB = 100

// UploadLimit is the limit in bytes.
func (r TicketRules) UploadLimit() int64 { return int64(r.UploadLimitMB) << 20 }

// GetTicketRules loads the tenant's helpdesk rules.
func GetTicketRules(ctx context.Context, q db.Querier, id int64) (TicketRules, error) {
	var r TicketRules
	err := q.QueryRow(ctx, `SELECT ticket_reopen, upload_limit_mb, ticket_ratings, ticket_time_billable, ticket_time_portal FROM tenants WHERE id = ?`, id).
		Scan(&r.Reopen, &r.UploadLimitMB, &r.Ratings, &r.TimeBillable, &r.TimePortal)
	if err != nil {
		return r, fmt.Errorf("tenant: ticket rules: %w", db.One(err))
	}
	return r, nil
}

// SetTicketRules stores the tenant's helpdesk rules.
func SetTicketRules(ctx context.Context, q db.Querier, id int64, r TicketRules) error {
	if _, err := q.Exec(ctx, `UPDATE tenants SET ticket_reopen = ?, upload_limit_mb = ?, ticket_ratings = ?,
		ticket_time_billable = ?, ticket_time_portal = ? WHERE id = ?`,
		r.Reopen, r.UploadLimitMB, r.Ratings, r.TimeBillable, r.TimePortal, id); err != nil {
		return fmt.Errorf("tenant: ticket rules: %w", err)
	}
	return nil
}

// created are run in the transaction that creates a tenant, so modules can give a new
// tenant its starting configuration (the helpdesk's statuses) without this package
// knowing them.
var created []func(ctx context.Context, q db.Querier, tenantID int64) error

// OnCreate registers fn to run for every new tenant.
func OnCreate(fn func(ctx context.Context, q db.Querier, tenantID int64) error) {
	created = append(created, fn)
}

func runCreated(ctx context.Context, q db.Querier, id int64) error {
	for _, fn := range created {
		if err := fn(ctx, q, id); err != nil {
			return err
		}
	}
	return nil
}
