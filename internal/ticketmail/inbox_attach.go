package ticketmail

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/inbox"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
)

// AttachFromInbox adds an inbox mail to the tenant's ticket ticketID. From a contact
// who may write into the ticket (mayReply) and while it is open, the mail becomes
// their reply, as if it had come with the ticket's reply address, and the usual mails
// go out. From anyone else — a stranger, a colleague without rights — it becomes an
// internal note of the staff member with the sender and subject on top: staff read it,
// the customer does not, nobody is mailed. A ticket number that is not the tenant's
// (or does not exist) is a validate.Errors on ticket_id, the same for both, so the
// answer tells nothing of other tenants. The item is marked done once.
func AttachFromInbox(ctx context.Context, d *db.DB, t tenant.Tenant, itemID, ticketID int64, origin string, by Staff, now time.Time) error {
	return d.InTx(ctx, func(tx *db.Tx) error {
		it, p, err := lockedMailItem(ctx, tx, t.ID, itemID)
		if err != nil {
			return err
		}
		at, err := attachTarget(ctx, tx, t.ID, p, ticketID)
		if err != nil {
			return err
		}
		tk, sender, ok := at.Ticket, at.sender, at.Reply
		if err := inbox.Handle(ctx, tx, t.ID, it.ID, inbox.StateDone, by.By, "", now); err != nil {
			return err
		}
		body, full := fit(t, payloadText(p), payloadFullText(p))
		body = incomplete(t, body, p.Cut)
		target := fmt.Sprintf("%s → #%d %s", p.From, tk.ID, tk.Title)
		if ok {
			actor := ticket.Actor{ContactID: sender.ID, Name: sender.Name()}
			r := ticket.Reply{ContactID: sender.ID, Author: actor.Name, Body: body, Via: "email", MailID: p.MessageID,
				Files: append(payloadFiles(p), full...)}
			if _, err := ticket.AddReply(ctx, tx, tk, r, now); err != nil {
				return err
			}
			n, err := ticket.NewNotifier(ctx, tx, t, origin, now)
			if err != nil {
				return err
			}
			if err := n.ExceptStaff(by.ID).Replied(ctx, tx, tk, body, actor); err != nil { // not the sorter
				return err
			}
			return finish(ctx, tx, t.ID, it, p, tk.ID, tk.CompanyID, sender.ID, by, audit.InboxTicketAttached, target+" (reply)", now)
		}
		from := p.From
		if p.FromName != "" {
			from = p.FromName + " <" + p.From + ">"
		}
		head := i18n.T(ctx, "inbox_actions.note_head", map[string]any{"From": from, "Subject": p.Subject})
		note, full := fit(t, head+"\n\n"+payloadText(p), payloadFullText(p))
		note = incomplete(t, note, p.Cut)
		r := ticket.Reply{StaffID: by.ID, Author: by.Name, Internal: true, Body: note, Via: "email", MailID: p.MessageID,
			Files: append(payloadFiles(p), full...)}
		if _, err := ticket.AddReply(ctx, tx, tk, r, now); err != nil {
			return err
		}
		return finish(ctx, tx, t.ID, it, p, tk.ID, tk.CompanyID, 0, by, audit.InboxTicketAttached, target+" (internal note)", now)
	})
}
