package demo

import (
	"context"

	"pforte/internal/db"
	"pforte/internal/ticket"
)

// demoAutomation closes resolved tickets after a week and reminds a customer who has
// not answered for five days, resolving the ticket five days after that: the resolved
// demo ticket shows when it will be closed, the printer ticket waiting for Anna when
// she will be reminded.
var demoAutomation = ticket.Automation{CloseDays: 7, RemindDays: 5, ResolveDays: 5}

// loadAutomation gives the demo tenant its automation settings.
func loadAutomation(ctx context.Context, tx db.Querier, tenantID int64) error {
	return ticket.SetAutomation(ctx, tx, tenantID, demoAutomation)
}
