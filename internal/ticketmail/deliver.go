package ticketmail

import (
	"context"
	"fmt"
	"strings"
	"time"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/inbound"
	"pforte/internal/inbox"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
	"pforte/internal/validate"
)

// maxTitle and maxBody bound what a mail puts into a ticket (the portal's form limits).
const (
	maxTitle = 200
	maxBody  = inbound.LongText
)

// reply adds the mail as the sender's reply on tk, or on the ticket tk was merged into
// (ticket.Current): that one holds the conversation now. The sender must be allowed to
// write into that ticket (see mayReply; a merge makes the source's people followers of
// the target, so they still may), else the mail goes to the inbox like any mail from a
// sender without access; a done ticket is reopened when the tenant allows it,
// otherwise (and for billed tickets) the mail goes to the inbox for staff to decide.
func (r Router) reply(ctx context.Context, tx db.Querier, d inbound.Delivery, t tenant.Tenant, tk ticket.Ticket, sender contact.Contact) (inbound.Outcome, error) {
	tk, err := ticket.Current(ctx, tx, tk)
	if err != nil {
		return inbound.Outcome{}, err
	}
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
		if tk.RequestState == ticket.RequestDeclined { // final for the customer (ticket.ErrDeclined): staff answer from the inbox
			return toInbox(ctx, tx, d, fmt.Sprintf("reply to declined request %d", tk.ID))
		}
		if err := ticket.Reopen(ctx, tx, tk, true, by, now); err != nil {
			return inbound.Outcome{}, err
		}
		var err2 error
		if tk, err2 = ticket.ForStaff(ctx, tx, d.TenantID, tk.ID); err2 != nil {
			return inbound.Outcome{}, err2
		}
	}
	// Colleagues the sender copies now follow from here on, as they would on a new ticket.
	if err := followCopied(ctx, tx, tk, d.Message.Copied(), by, now); err != nil {
		return inbound.Outcome{}, err
	}
	body, full := fit(t, text(d), fullText(d))
	body = incomplete(t, body, d.Message.Cut)
	reply := ticket.Reply{ContactID: sender.ID, Author: by.Name, Body: body, Via: "email", MailID: d.Message.MessageID,
		Files: append(files(d), full...)}
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
	origin := ""
	if r.Origin != nil {
		origin = r.Origin(ctx, t)
	}
	body, full := fit(t, text(d), fullText(d))
	body = incomplete(t, body, d.Message.Cut)
	id, err := createTicket(ctx, tx, t, origin, ticket.New{TenantID: d.TenantID, CompanyID: companyID, ContactID: sender.ID,
		Author: sender.Name(), Title: title(d.Message.Subject), Body: body, Via: "email", MailID: d.Message.MessageID,
		Files: append(files(d), full...)}, d.Message.Copied(), 0, d.ReceivedAt)
	if err != nil {
		return inbound.Outcome{}, err
	}
	return inbound.Outcome{Action: "ticket", Reason: fmt.Sprintf("new ticket %d", id)}, nil
}

// createTicket stores a ticket that came by mail, makes the colleagues the mail was
// copied to (cc) followers, tells staff and confirms it to the contact and
// those followers: a mail from a known sender, or one staff sorted out of the inbox.
// sorter is the staff member who sorted it (0 for a mail that came in by itself): they
// get no "new ticket" mail about their own work.
func createTicket(ctx context.Context, tx db.Querier, t tenant.Tenant, origin string, n ticket.New, cc []string, sorter int64, now time.Time) (int64, error) {
	id, err := ticket.Create(ctx, tx, n, now)
	if err != nil {
		return 0, err
	}
	tk, err := ticket.ForStaff(ctx, tx, t.ID, id)
	if err != nil {
		return 0, err
	}
	if err := followCopied(ctx, tx, tk, cc, ticket.Actor{ContactID: n.ContactID, Name: n.Author}, now); err != nil {
		return 0, err
	}
	notify, err := ticket.NewNotifier(ctx, tx, t, origin, now)
	if err != nil {
		return 0, err
	}
	// The staff member who sorted the mail into the ticket (0: it came in by itself)
	// is not told about it.
	return id, notify.ExceptStaff(sorter).WithFiles(n.Files).Created(ctx, tx, tk, n) // the mails name the attachments
}

// title is a ticket's title from a mail's subject, without reply prefixes and ticket
// tags (bareSubject).
func title(subject string) string {
	s := strings.TrimSpace(validate.Truncate(bareSubject(validate.OneLine(subject)), maxTitle))
	if s == "" {
		s = "–"
	}
	return s
}

// text is what the sender wrote this time: quotes and signatures trimmed, or the
// whole text when trimming left nothing; fit shortens it for a ticket message.
func text(d inbound.Delivery) string { return bodyOf(d.Message.Reply, d.Message.Text) }

// payloadText is what an inbox mail's sender wrote, as text(d) made it when it came.
func payloadText(p inbox.MailPayload) string { return bodyOf(p.Text, p.Full) }

// bodyOf is inbound.MailBody: the listener stores a mail's whole-text file by the
// same rule (inbound.LongText).
func bodyOf(reply, whole string) string { return inbound.MailBody(reply, whole) }

func files(d inbound.Delivery) []ticket.Upload {
	out := make([]ticket.Upload, 0, len(d.Files))
	for _, f := range d.Files {
		up := ticket.Upload{Filename: f.Name}
		up.Key, up.Size, up.Type = f.Key, f.Size, f.Type
		out = append(out, up)
	}
	return out
}

// payloadFiles are an inbox mail's attachments, already in the file store.
func payloadFiles(p inbox.MailPayload) []ticket.Upload {
	out := make([]ticket.Upload, 0, len(p.Attachments))
	for _, f := range p.Attachments {
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
