package ticket

import (
	"context"

	"pforte/internal/db"
)

// Conditions on the staff table that pick the recipients of a staff mail by their
// choice (staff.Notifications, My account); Notifier.toStaff adds "active and can sign
// in". Filtering in SQL keeps a large team's unwanted mails from ever being rendered.
const (
	staffWantsNew             = `notify_new_tickets`
	staffWantsUnassignedReply = `notify_replies_unassigned`
	staffWantsMyReply         = `id = ? AND notify_replies_mine`
	staffWantsAssigned        = `id = ? AND notify_assigned`
)

// Assigned tells staff member to that by gave them the ticket, if they want such mail.
// Taking a ticket oneself, or giving it to nobody, mails no one.
func (n Notifier) Assigned(ctx context.Context, tx db.Querier, t Ticket, to int64, by Actor) error {
	if to == 0 || to == by.StaffID {
		return nil
	}
	t.AssigneeID = to
	return n.toStaff(ctx, tx, t, "mail.ticket_assigned_staff", "", map[string]any{"Author": by.Name}, staffWantsAssigned, to)
}
