package scale

import "pforte/internal/ticket"

// slaCols are the service-level columns of a generated ticket (see ticket/sla.go), in
// the order of ticketCols' tail: the due times its priority's targets give it at
// creation, its first public staff reply, its resolution, and its next due time while
// it is open. Tickets are never reopened or reprioritised here, so the resolution clock
// starts at the creation (resolution_start_at stays empty).
func slaCols(t ticket.Target, created, firstReply int64, closedAt any) []any {
	firstDue, resDue := dueAfter(created, t.FirstResponse), dueAfter(created, t.Resolution)
	var firstAt, resolved, next any
	if firstReply > 0 {
		firstAt = firstReply
	}
	if closedAt != nil {
		resolved = closedAt
	} else {
		switch {
		case firstReply == 0 && firstDue != nil:
			next = firstDue // always before the resolution: the settings refuse the reverse
		case resDue != nil:
			next = resDue
		}
	}
	return []any{firstDue, firstAt, resDue, resolved, next}
}

func dueAfter(from int64, hours int) any {
	if hours <= 0 {
		return nil
	}
	return from + int64(hours)*hour
}
