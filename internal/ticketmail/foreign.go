package ticketmail

import (
	"context"
	"errors"
	"fmt"

	"pforte/internal/db"
	"pforte/internal/inbound"
	"pforte/internal/mail"
	"pforte/internal/ticket"
)

// answeredTicket finds the ticket a mail answers that ticketOf did not take as an
// answer of its sender: a ticket's reply address with another recipient's code (or
// none), or the Message-ID of a ticket mail that went to someone else. That is a
// colleague answering a forwarded ticket mail, another company's contact replying to
// all, a stranger: a new ticket would only duplicate the one it answers, so the mail
// goes to the inbox (README "Ticket mails", "Incoming mail"), where staff add it to
// that ticket or make a ticket of it. 0: the mail answers no ticket of the tenant.
func answeredTicket(ctx context.Context, tx db.Querier, d inbound.Delivery) (int64, error) {
	if d.Token != "" {
		tok := d.Token
		if ticketToken, _, ok := ticket.ParseRecipientToken(d.Token); ok {
			tok = ticketToken
		}
		tk, err := ticket.ByReplyToken(ctx, tx, d.TenantID, tok)
		if err == nil {
			return tk.ID, nil
		}
		if !errors.Is(err, db.ErrNotFound) {
			return 0, err
		}
	}
	for _, mid := range append(append([]string{}, d.Message.InReplyTo...), d.Message.References...) {
		if mid == "" {
			continue
		}
		var id int64
		sent, queued := mail.StoredIDs(mid)
		err := db.One(tx.QueryRow(ctx, `SELECT COALESCE(ticket_id, 0) FROM mails WHERE tenant_id = ? AND message_id IN (?, ?)
			AND ticket_id IS NOT NULL ORDER BY id DESC LIMIT 1`, d.TenantID, sent, queued).Scan(&id))
		if errors.Is(err, db.ErrNotFound) || id == 0 {
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("ticketmail: answered ticket: %w", err)
		}
		if _, err := ticket.ForStaff(ctx, tx, d.TenantID, id); err == nil {
			return id, nil
		} else if !errors.Is(err, db.ErrNotFound) {
			return 0, err
		}
	}
	return 0, nil
}

// foreignAnswer leaves a mail that answers ticket id but not as its sender's own
// answer to staff, noting the ticket on the item so the back office offers to add the
// mail to it.
func foreignAnswer(ctx context.Context, tx db.Querier, d inbound.Delivery, id int64) (inbound.Outcome, error) {
	d.AnswersTicket = id
	return toInbox(ctx, tx, d, fmt.Sprintf("answer to ticket %d's mail from another sender", id))
}
