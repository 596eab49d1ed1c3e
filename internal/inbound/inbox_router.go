package inbound

import (
	"context"
	"errors"
	"fmt"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/inbox"
	"pforte/internal/mailin"
)

// maxPayloadText bounds each text kept in an inbox item; the whole mail stays
// downloadable as .eml.
const maxPayloadText = 64 << 10

// InboxRouter puts every mail into the staff inbox as an item of kind mail. It is the
// router until the helpdesk routes mail to tickets, and that router's fallback.
type InboxRouter struct{}

// Route implements Router.
func (InboxRouter) Route(ctx context.Context, tx db.Querier, d Delivery) (Outcome, error) {
	id, err := ToInbox(ctx, tx, d)
	if err != nil {
		return Outcome{}, err
	}
	return Outcome{Action: "inbox", Reason: fmt.Sprintf("inbox item %d", id)}, nil
}

// ToInbox creates the inbox item of kind mail for d and returns its id. The item names
// the sender's contact when the address is known, and suggests the company whose email
// domain the sender has. An answer to staff's answer from an item joins that item
// instead (thread) and returns its id; when that item holds inbox.MaxTurns mails
// already, the new item names it (MailPayload.Follows).
func ToInbox(ctx context.Context, tx db.Querier, d Delivery) (int64, error) {
	m := d.Message
	p := mailPayload(d)
	// A stranger's answer to what staff wrote them from the inbox continues that item,
	// or names it when it is crowded.
	id, follows, err := thread(ctx, tx, d, p)
	if err != nil || id > 0 {
		return id, err
	}
	p.Follows = follows
	it := inbox.Item{TenantID: d.TenantID, Kind: inbox.KindMail, Title: clip(m.Subject, 300), Email: m.From.Address}
	if it.Title == "" {
		it.Title = "–"
	}
	c, err := contact.ByEmail(ctx, tx, d.TenantID, m.From.Address)
	switch {
	case err == nil:
		it.ContactID = c.ID
	case !errors.Is(err, db.ErrNotFound):
		return 0, err
	}
	co, err := company.LiveByDomain(ctx, tx, d.TenantID, inbox.DomainOf(m.From.Address)) // an archived one is not suggested
	switch {
	case err == nil:
		it.SuggestedCompanyID = co.ID
	case !errors.Is(err, db.ErrNotFound):
		return 0, err
	}
	id, err = inbox.Create(ctx, tx, it, p, d.ReceivedAt)
	if err != nil || !autoReply(m.AutoReason) {
		return id, err
	}
	// An out-of-office or other automatic reply needs nobody's decision: it is filed as
	// done at once, so it does not raise the inbox's open count, and stays listed under
	// "done" with a note saying why (inbox.AutoFiled).
	return id, inbox.Handle(ctx, tx, d.TenantID, id, inbox.StateDone, inbox.By{Name: inbox.AutoFiledBy}, inbox.AutoFiled, d.ReceivedAt)
}

// mailPayload is what a mail item keeps of d.
func mailPayload(d Delivery) inbox.MailPayload {
	m := d.Message
	p := inbox.MailPayload{MailID: d.MailID, From: m.From.Address, FromName: m.From.Name, Rcpt: d.Rcpt,
		Subject: m.Subject, Text: clip(m.Reply, maxPayloadText), MessageID: m.MessageID, Auto: m.AutoReason,
		RawKey: d.RawKey, Copied: m.Copied(), AuthServer: d.Auth.Server, AuthPass: d.Auth.Pass, AuthDetail: d.Auth.Summary,
		Answers: d.AnswersTicket, Cut: m.Cut, Language: i18n.Negotiate(m.Language)}
	if d.Auth.Pass {
		p.AuthDetail = d.Auth.By
	}
	if m.Reply != m.Text {
		p.Full = clip(m.Text, maxPayloadText)
	}
	if !m.Date.IsZero() {
		p.Date = m.Date.Unix()
	}
	for _, f := range d.Files {
		p.Attachments = append(p.Attachments, inbox.MailFile{Name: f.Name, Type: f.Type, Size: f.Size, Key: f.Key})
	}
	if f := d.FullText; f.Key != "" {
		p.FullText = &inbox.MailFile{Name: f.Name, Type: f.Type, Size: f.Size, Key: f.Key}
	}
	return p
}

// autoReply reports whether a mail's automatic reason marks an automatic reply (RFC
// 3834's Auto-Submitted, a vacation program's X-Autoreply, Exchange's out-of-office),
// not a bounce, a list or a no-reply sender, which may still need someone's eye.
func autoReply(reason string) bool {
	return reason == mailin.AutoSubmitted || reason == mailin.AutoReply || reason == mailin.AutoOffice
}
