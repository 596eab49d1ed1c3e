package ticket

import (
	"context"

	"pforte/internal/db"
)

// staffOwnsFollowUp selects the owner of a follow-up. No notification setting applies
// (staff.Notifications has no choice for it): the follow-up is a reminder staff asked
// for, on their own ticket or one they set it on.
const staffOwnsFollowUp = `id = ?`

// FollowUpDue tells the owner of t's follow-up f that it is due, with the note of what
// to check quoted below the text, if staff wrote one. Staff only: contacts never hear
// of follow-ups.
func (n Notifier) FollowUpDue(ctx context.Context, tx db.Querier, t Ticket, f FollowUp) error {
	n.asked = true
	return n.toStaff(ctx, tx, t, "mail.ticket_followup_staff", f.Note, nil, staffOwnsFollowUp, f.OwnerID)
}
