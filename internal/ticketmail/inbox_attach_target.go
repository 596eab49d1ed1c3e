package ticketmail

import (
	"context"
	"errors"
	"strings"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/ticket"
	"pforte/internal/validate"
)

// AttachTarget is the ticket an inbox mail would be added to, and how.
type AttachTarget struct {
	Ticket ticket.Ticket // where the mail goes: a merged ticket's target
	Reply  bool          // the sender's reply; false: an internal note
	sender contact.Contact
}

// PreviewAttach checks what AttachFromInbox would do with inbox mail itemID and ticket
// ticketID without doing it, so staff can confirm the ticket by its subject and
// company before a mistyped number puts a mail into a stranger's ticket. It refuses
// what AttachFromInbox refuses, with the same errors.
func PreviewAttach(ctx context.Context, q db.Querier, tenantID, itemID, ticketID int64) (AttachTarget, error) {
	_, p, err := MailItem(ctx, q, tenantID, itemID)
	if err != nil {
		return AttachTarget{}, err
	}
	return attachTarget(ctx, q, tenantID, p, ticketID)
}

// attachTarget finds the tenant's ticket ticketID (or what it was merged into) for mail
// p and decides between reply and internal note. A number that is not the tenant's is
// a validate.Errors on ticket_id, the same as one nobody has; a billed ticket is locked.
func attachTarget(ctx context.Context, q db.Querier, tenantID int64, p inbox.MailPayload, ticketID int64) (AttachTarget, error) {
	var at AttachTarget
	tk, err := ticket.ForStaff(ctx, q, tenantID, ticketID)
	if errors.Is(err, db.ErrNotFound) || ticketID <= 0 {
		return at, validate.Errors{"ticket_id": {ID: "inbox_actions.error.no_ticket"}}
	}
	if err != nil {
		return at, err
	}
	if tk, err = ticket.Current(ctx, q, tk); err != nil { // a merged ticket's mail goes where it went
		return at, err
	}
	if tk.Billed {
		return at, validate.Errors{"ticket_id": {ID: "inbox_actions.error.billed"}}
	}
	at.Ticket = tk
	sender, err := contact.ByEmail(ctx, q, tenantID, strings.ToLower(p.From))
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return at, err
	}
	if err == nil && !tk.Done() {
		at.sender = sender
		if at.Reply, _, err = mayReply(ctx, q, tk, sender); err != nil {
			return at, err
		}
	}
	return at, nil
}
