package access

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/ticket"
)

// OpenAssigned counts the open tickets (open and waiting) assigned to a staff member:
// what deactivating them would leave without anyone looking after it.
func OpenAssigned(ctx context.Context, q db.Querier, tenantID, staffID int64) (int, error) {
	return ticket.CountQueue(ctx, q, tenantID, ticket.Filter{AssigneeID: staffID}, 10000)
}

// unassignOpen gives the open tickets of a member being deactivated back to nobody,
// each with its history event ("unassigned"), so the dashboard and the queue count
// them as unassigned instead of hiding them with someone who no longer signs in; one
// audit entry says how many. The tickets are taken a page at a time: each unassigned
// one leaves the filter.
func unassignOpen(ctx context.Context, tx *db.Tx, tenantID int64, m staff.Member, by Actor, now time.Time) error {
	a := ticket.Actor{Name: by.Name}
	if who := audit.ParseActor(by.Label); who.Kind == "staff" {
		a.StaffID = who.ID
	}
	n, kept := 0, map[int64]bool{} // kept: merged tickets, whose work goes on in the target
	for more := true; more; {
		list, _, err := ticket.Queue(ctx, tx, tenantID, ticket.Filter{AssigneeID: m.ID, Limit: 100})
		if err != nil {
			return err
		}
		more = false
		for _, row := range list {
			if kept[row.ID] {
				continue
			}
			t, err := ticket.ForStaff(ctx, tx, tenantID, row.ID) // the whole ticket; a list row is not
			if err != nil {
				return err
			}
			err = ticket.Assign(ctx, tx, t, 0, a, now)
			if errors.Is(err, ticket.ErrMerged) {
				kept[t.ID] = true
				continue
			}
			if err != nil {
				return fmt.Errorf("access: unassign #%d: %w", t.ID, err)
			}
			n, more = n+1, true
		}
	}
	if n == 0 {
		return nil
	}
	return audit.Log(ctx, tx, tenantID, by.Label, audit.StaffTicketsUnassigned, fmt.Sprintf("%s: %d", m.Email, n), by.IP, now)
}
