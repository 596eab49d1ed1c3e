package ticket

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
)

// Plan is what the automation will do with a ticket next, for its pages: Step (one of
// the Step constants, "" for nothing) at At, started at Since (for StepResolve: when
// the reminder went out). A reminded ticket that will not be resolved (the tenant
// resolves no waiting tickets) has Step StepResolve and a zero At.
type Plan struct {
	Step      string
	Since, At time.Time
}

// PlanOf loads t's next automatic step under its tenant's settings now. The sweep runs
// every few minutes, so the step happens shortly after At.
func PlanOf(ctx context.Context, q db.Querier, t Ticket) (Plan, error) {
	var step *string
	var since *int64
	if err := q.QueryRow(ctx, `SELECT auto_step, auto_since FROM tickets WHERE tenant_id = ? AND id = ?`, t.TenantID, t.ID).
		Scan(&step, &since); err != nil {
		return Plan{}, fmt.Errorf("ticket: plan: %w", db.One(err))
	}
	if step == nil || since == nil {
		return Plan{}, nil
	}
	a, err := AutomationOf(ctx, q, t.TenantID)
	if err != nil {
		return Plan{}, err
	}
	p := Plan{Step: *step, Since: time.Unix(*since, 0)}
	switch after := a.after(p.Step); {
	case after > 0:
		p.At = p.Since.Add(after)
		if a.InHours {
			ten, err := tenant.Get(ctx, q, t.TenantID)
			if err != nil {
				return Plan{}, err
			}
			hours, err := automationHours(ctx, q, t.TenantID, ten.Location())
			if err != nil {
				return Plan{}, err
			}
			p.At = hours.Next(p.At)
		}
	case p.Step != StepResolve || a.RemindDays == 0:
		return Plan{}, nil // switched off; a reminder sent still shows with remind on
	}
	return p, nil
}
