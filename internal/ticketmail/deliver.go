package ticketmail

import (
	"context"
	"fmt"
	"strings"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/inbound"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
	"pforte/internal/validate"
)

// maxTitle and maxBody bound what a mail puts into a ticket (the portal's form limits).
const (
	maxTitle = 200
	maxBody  = 20000
)

// reply adds the mail as the sender's reply on tk. The sender must be allowed to
// write into the ticket (see mayReply), else the mail goes to the inbox like any mail
// from a sender without access; a done ticket is reopened when the tenant allows it,
// otherwise (and for billed tickets) the mail goes to the inbox for staff to decide.
func (r Router) reply(ctx context.Context, tx db.Querier, d inbound.Delivery, t tenant.Tenant, tk ticket.Ticket, sender contact.Contact) (inbound.Outcome, error) {
	ok, why, err := mayReply(ctx, tx, tk, sender)
	if err != nil {
		return inbound.Outcome{}, err
	}
	if !ok {
		return toInbox(ctx, tx, d, fmt.Sprintf("sender may not reply to ticket %d: %s", tk.ID, why))
	}
	if tk.Billed {
		return toInbox(ctx, tx, d, fmt.Sprintf("reply to billed ticket %d", tk.ID))
	}
	now := d.ReceivedAt
	by := ticket.Actor{ContactID: sender.ID, Name: sender.Name()}
	if tk.Done() {
		rules, err := tenant.GetTicketRules(ctx, tx, d.TenantID)
		if err != nil {
			return inbound.Outcome{}, err
		}
		if !rules.Reopen {
			return toInbox(ctx, tx, d, fmt.Sprintf("reply to closed ticket %d (reopening is off)", tk.ID))
		}
		if err := ticket.Reopen(ctx, tx, tk, true, by, now); err != nil {
			return inbound.Outcome{}, err
		}
		var err2 error
		if tk, err2 = ticket.ForStaff(ctx, tx, d.TenantID, tk.ID); err2 != nil {
			return inbound.Outcome{}, err2
		}
	}
	body := text(d)
	reply := ticket.Reply{ContactID: sender.ID, Author: by.Name, Body: body, Via: "email", MailID: d.Message.MessageID, Files: files(d)}
	if _, err := ticket.AddReply(ctx, tx, tk, reply, now); err != nil {
		return inbound.Outcome{}, err
	}
	n, err := r.notifier(ctx, tx, t, d)
	if err != nil {
		return inbound.Outcome{}, err
	}
	if err := n.Replied(ctx, tx, tk, body, by); err != nil {
		return inbound.Outcome{}, err
	}
	return inbound.Outcome{Action: "reply", Reason: fmt.Sprintf("reply on ticket %d", tk.ID)}, nil
}

// open starts a ticket of companyID from the mail.
func (r Router) open(ctx context.Context, tx db.Querier, d inbound.Delivery, t tenant.Tenant, sender contact.Contact, companyID int64) (inbound.Outcome, error) {
	title := strings.TrimSpace(validate.Truncate(d.Message.Subject, maxTitle))
	if title == "" {
		title = "–"
	}
	body := text(d)
	id, err := ticket.Create(ctx, tx, ticket.New{TenantID: d.TenantID, CompanyID: companyID, ContactID: sender.ID,
		Author: sender.Name(), Title: title, Body: body, Via: "email", MailID: d.Message.MessageID, Files: files(d)}, d.ReceivedAt)
	if err != nil {
		return inbound.Outcome{}, err
	}
	tk, err := ticket.ForStaff(ctx, tx, d.TenantID, id)
	if err != nil {
		return inbound.Outcome{}, err
	}
	n, err := r.notifier(ctx, tx, t, d)
	if err != nil {
		return inbound.Outcome{}, err
	}
	if err := n.Created(ctx, tx, tk, body); err != nil {
		return inbound.Outcome{}, err
	}
	return inbound.Outcome{Action: "ticket", Reason: fmt.Sprintf("new ticket %d", id)}, nil
}

// text is what the sender wrote this time: quotes and signatures trimmed, or the
// whole text when trimming left nothing.
func text(d inbound.Delivery) string {
	body := strings.TrimSpace(d.Message.Reply)
	if body == "" {
		body = strings.TrimSpace(d.Message.Text)
	}
	if body == "" {
		body = "–"
	}
	return validate.Truncate(validate.Clean(body), maxBody)
}

func files(d inbound.Delivery) []ticket.Upload {
	out := make([]ticket.Upload, 0, len(d.Files))
	for _, f := range d.Files {
		up := ticket.Upload{Filename: f.Name}
		up.Key, up.Size, up.Type = f.Key, f.Size, f.Type
		out = append(out, up)
	}
	return out
}

func (r Router) notifier(ctx context.Context, tx db.Querier, t tenant.Tenant, d inbound.Delivery) (ticket.Notifier, error) {
	origin := ""
	if r.Origin != nil {
		origin = r.Origin(ctx, t)
	}
	return ticket.NewNotifier(ctx, tx, t, origin, d.ReceivedAt)
}

// toInbox leaves the mail to staff, saying why.
func toInbox(ctx context.Context, tx db.Querier, d inbound.Delivery, why string) (inbound.Outcome, error) {
	id, err := inbound.ToInbox(ctx, tx, d)
	if err != nil {
		return inbound.Outcome{}, err
	}
	return inbound.Outcome{Action: "inbox", Reason: fmt.Sprintf("inbox item %d: %s", id, why)}, nil
}
