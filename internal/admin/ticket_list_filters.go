package admin

import "pforte/internal/ticket"

// active reports whether the queue is filtered, searched or sorted other than the
// default (open tickets of anyone, latest activity first). The filter form starts
// folded on a phone, where its dozen fields pushed the first ticket off the screen;
// with a filter in force it starts open, so what narrows the queue stays in view.
func (f queueFilter) active() bool {
	return f.narrowed() || f.State != "open" || f.Sort != ticket.Sorts[0]
}

// narrowed reports whether anything but the state (and the order) narrows the queue: a
// search, a company, assignee, priority or any other filter. Only an unnarrowed queue
// may say that no ticket exists (queueEmpty); a narrowed one that came back empty
// found nothing.
func (f queueFilter) narrowed() bool {
	return f.Q != "" || f.Company != 0 || f.CompanyQ != "" || f.Assignee != "" || f.Priority != "" ||
		f.Pending || f.Rating != "" || f.Overdue || f.Unread || f.FollowUp != "" || f.Billed != "" ||
		f.Contact.ID != 0
}
