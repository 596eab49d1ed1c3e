package demo

import (
	"context"

	"pforte/internal/db"
	"pforte/internal/ticket"
)

// demoTargets are the demo tenant's service-level targets, in hours, as an IT service
// provider might promise them. Set before the tickets are opened, they give the demo's
// tickets due times: the VPN ticket (high, a day old, only an internal note) is
// overdue, the till that will not start (urgent) got its answer late and is due to be
// solved within hours, the printer waits for the customer with a day left.
var demoTargets = ticket.Targets{
	ticket.PriorityLow:    {FirstResponse: 24, Resolution: 120},
	ticket.PriorityNormal: {FirstResponse: 8, Resolution: 72},
	ticket.PriorityHigh:   {FirstResponse: 4, Resolution: 24},
	ticket.PriorityUrgent: {FirstResponse: 1, Resolution: 8},
}

// loadSLA gives the demo tenant its service-level targets.
func loadSLA(ctx context.Context, tx db.Querier, tenantID int64) error {
	return ticket.SetSLATargets(ctx, tx, tenantID, demoTargets)
}
