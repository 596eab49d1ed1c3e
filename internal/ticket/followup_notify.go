package ticket

import (
	"context"

	"pforte/internal/db"
)

// staffOwnsFollowUp selects the owner of a follow-up, if they want its mail
// (staff.Notifications.FollowUps; on unless they switched it off: the follow-up is a
// reminder they set, which the queue's "due" filter shows as well).
const staffOwnsFollowUp = `id = ? AND notify_followups`

// FollowUpDue tells the owner of t's follow-up f that it is due, with the note of what
// to check quoted below the text, if staff wrote one. Staff only: contacts never hear
// of follow-ups.
func (n Notifier) FollowUpDue(ctx context.Context, tx db.Querier, t Ticket, f FollowUp) error {
	return n.toStaff(ctx, tx, t, "mail.ticket_followup_staff", f.Note, nil, staffOwnsFollowUp, f.OwnerID)
}
