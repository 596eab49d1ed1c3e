package admin

import "pforte/internal/ticket"

// plainStatuses are the statuses the status selects offer for the ticket: an
// undecided request is accepted or declined on its request card (with the reason the
// customer reads), so its selects leave those outcomes out (ticket.ErrUndecided).
func plainStatuses(tv ticketView) []ticket.Status {
	if tv.RequestState != ticket.RequestPending {
		return tv.Statuses
	}
	out := make([]ticket.Status, 0, len(tv.Statuses))
	for _, s := range tv.Statuses {
		if !s.Outcome() || s.ID == tv.Status.ID {
			out = append(out, s)
		}
	}
	return out
}
