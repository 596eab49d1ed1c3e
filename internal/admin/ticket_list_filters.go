package admin

import "pforte/internal/ticket"

// active reports whether the queue is filtered, searched or sorted other than the
// default (open tickets of anyone, latest activity first). The filter form starts
// folded on a phone, where its dozen fields pushed the first ticket off the screen;
// with a filter in force it starts open, so what narrows the queue stays in view.
func (f queueFilter) active() bool {
	return f.Q != "" || f.State != "open" || f.Company != 0 || f.CompanyQ != "" ||
		f.Assignee != "" || f.Priority != "" || f.Pending || f.Rating != "" || f.Overdue ||
		f.Unread || f.FollowUp != "" || f.Billed != "" || f.Contact.ID != 0 ||
		f.Sort != ticket.Sorts[0]
}
