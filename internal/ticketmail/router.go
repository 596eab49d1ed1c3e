// Package ticketmail routes mail that arrives on the support address into the
// helpdesk: an answer to a ticket's mail becomes a reply on that ticket, a mail from a
// known contact or from a company's email domain opens a ticket, and anything else goes
// to the staff inbox for a person to sort.
package ticketmail

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/inbound"
	"pforte/internal/inbox"
	"pforte/internal/outbox"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
)

// Router implements inbound.Router for the helpdesk.
type Router struct {
	// Origin is the portal's base URL for links in the mails it sends.
	Origin func(ctx context.Context, t tenant.Tenant) string
}

// Route implements inbound.Router.
func (r Router) Route(ctx context.Context, tx db.Querier, d inbound.Delivery) (inbound.Outcome, error) {
	m := d.Message
	if m.Auto { // out-of-office and bounces never start or feed a ticket
		return inbound.Outcome{Action: inbound.ActionIgnored, Reason: inbound.IgnoredAuto + m.AutoReason}, nil
	}
	t, err := tenant.Get(ctx, tx, d.TenantID)
	if err != nil {
		return inbound.Outcome{}, err
	}
	if !t.HasModule("helpdesk") {
		return toInbox(ctx, tx, d, "helpdesk off")
	}
	tk, found, byToken, err := r.ticketOf(ctx, tx, d)
	if err != nil {
		return inbound.Outcome{}, err
	}
	sender, err := contact.ByEmail(ctx, tx, d.TenantID, strings.ToLower(m.From.Address))
	known := err == nil
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return inbound.Outcome{}, err
	}
	if found {
		if !known {
			return toInbox(ctx, tx, d, fmt.Sprintf("reply to ticket %d from an unknown sender", tk.ID))
		}
		// The reply address's code proves the mail answers a mail sent to that address;
		// a quoted Message-ID is no secret and proves nothing of a forged From.
		if !byToken && d.Auth.Failed() {
			return unverified(ctx, tx, d)
		}
		return r.reply(ctx, tx, d, t, tk, sender)
	}
	if id, err := answeredTicket(ctx, tx, d); err != nil || id > 0 {
		if err != nil {
			return inbound.Outcome{}, err
		}
		return foreignAnswer(ctx, tx, d, id)
	}
	// An answer to what staff wrote from the inbox joins that conversation there.
	if id, err := inbound.Continues(ctx, tx, d); err != nil || id > 0 {
		if err != nil {
			return inbound.Outcome{}, err
		}
		return toInbox(ctx, tx, d, "answer to staff's reply from the inbox")
	}
	if d.Auth.Failed() && known {
		return unverified(ctx, tx, d)
	}
	if known {
		if companyID := companyOf(ctx, tx, sender); companyID > 0 {
			return r.open(ctx, tx, d, t, sender, companyID)
		}
		return toInbox(ctx, tx, d, "contact without company")
	}
	// An archived company's domain makes no contact and no ticket in it: staff sort the
	// mail, as one from an unknown domain.
	co, err := company.LiveByDomain(ctx, tx, d.TenantID, inbox.DomainOf(m.From.Address))
	if errors.Is(err, db.ErrNotFound) {
		return toInbox(ctx, tx, d, "unknown sender")
	}
	if err != nil {
		return inbound.Outcome{}, err
	}
	if d.Auth.Failed() { // no contact made in the name of a forged address
		return unverified(ctx, tx, d)
	}
	c, err := newContact(ctx, tx, d, co.ID)
	if err != nil {
		return inbound.Outcome{}, err
	}
	return r.open(ctx, tx, d, t, c, co.ID)
}

// ticketOf finds the ticket a mail answers: by the reply address's token (byToken),
// else by the Message-ID of one of our mails it quotes — either only when the mail
// comes from the address our mail went to (ticket.RecipientToken, outbox.TicketOf).
// Anything else is no answer: it may still open a ticket, or go to the inbox.
func (r Router) ticketOf(ctx context.Context, tx db.Querier, d inbound.Delivery) (tk ticket.Ticket, found, byToken bool, err error) {
	from := d.Message.From.Address
	if ticketToken, code, ok := ticket.ParseRecipientToken(d.Token); ok {
		tk, err := ticket.ByReplyToken(ctx, tx, d.TenantID, ticketToken)
		if err == nil && ticket.RepliesFrom(tk, code, from) {
			return tk, true, true, nil
		}
		if err != nil && !errors.Is(err, db.ErrNotFound) {
			return tk, false, false, err
		}
	}
	ids := append(append([]string{}, d.Message.InReplyTo...), d.Message.References...)
	for _, mid := range ids {
		if mid == "" {
			continue
		}
		id, err := outbox.TicketOf(ctx, tx, d.TenantID, mid, from)
		if err != nil {
			return ticket.Ticket{}, false, false, err
		}
		if id > 0 {
			tk, err := ticket.ForStaff(ctx, tx, d.TenantID, id)
			if errors.Is(err, db.ErrNotFound) {
				return tk, false, false, nil
			}
			return tk, err == nil, false, err
		}
	}
	return ticket.Ticket{}, false, false, nil
}

// unverified leaves a mail whose sender the trusted server did not vouch for to staff:
// it names a known contact or a company's domain, but anyone can write a From line.
func unverified(ctx context.Context, tx db.Querier, d inbound.Delivery) (inbound.Outcome, error) {
	return toInbox(ctx, tx, d, "sender not verified ("+d.Auth.Summary+")")
}
