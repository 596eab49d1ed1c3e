package scale

import "pforte/internal/ticket"

// autoCols are the helpdesk automation's columns of a generated ticket (see
// ticket/auto.go), in the order of ticketCols' tail: a resolved ticket is to be closed
// from its resolution, one waiting for the customer to be reminded from its last
// change; billed tickets and all others have no step.
func autoCols(final ticket.Status, billed bool, closedAt any, last int64) []any {
	switch {
	case billed:
	case final.Kind == ticket.KindResolved && closedAt != nil:
		return []any{ticket.StepClose, closedAt}
	case final.Kind == ticket.KindWaiting && final.PortalVisible:
		return []any{ticket.StepRemind, last}
	}
	return []any{nil, nil}
}
