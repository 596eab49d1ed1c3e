package admin

import "pforte/internal/ticket"

// plainStatuses are the statuses the status selects offer for the ticket: "accepted"
// and "declined" are a request's outcomes, reached on its request card only (declining
// with the reason the customer reads), so the selects leave them out
// (ticket.ErrUndecided) unless the ticket has one now.
func plainStatuses(tv ticketView) []ticket.Status {
	return withoutOutcomes(tv.Statuses, tv.Status.ID)
}

// withoutOutcomes is list without the request outcomes, keeping the status current
// (0: none), which a select shows as the one the ticket has.
func withoutOutcomes(list []ticket.Status, current int64) []ticket.Status {
	out := make([]ticket.Status, 0, len(list))
	for _, s := range list {
		if !s.Outcome() || s.ID == current {
			out = append(out, s)
		}
	}
	return out
}

// requestOpen reports whether the ticket page offers its request card: an undecided
// request still open. One resolved or closed without a decision has nothing left to
// decide (ticket.ErrDoneUndecided) until it is reopened; a billed or merged one is
// locked.
func requestOpen(tv ticketView) bool {
	return tv.RequestState == ticket.RequestPending && !tv.Done() && !tv.Billed && tv.MergedInto == 0
}
