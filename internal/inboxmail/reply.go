package inboxmail

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"time"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/tenant"
	"pforte/internal/validate"
)

// MaxReply bounds the text of an answer to a sender, in characters.
const MaxReply = 10000

// FieldReply is the form field of the answer's text.
const FieldReply = "reply"

// ErrNoReply refuses an answer to a mail no person will read: an automatic one (a
// bounce, an out-of-office note, a newsletter, a no-reply sender) or one without a
// usable From address. Answering machines is how two systems mail each other forever.
var ErrNoReply = errors.New("inboxmail: the sender cannot be answered")

// Answerable reports whether p's sender may be answered (see ErrNoReply).
func Answerable(p inbox.MailPayload) bool {
	return p.Auto == "" && validate.IsEmail(p.From)
}

// Reply answers the sender of open mail item itemID with text, from the tenant's mail
// identity, and marks the item done (reason inbox.Replied) with the text kept on it.
// The mail is queued in the same transaction, so both happen or neither: a second
// answer (a double click, a colleague) gets inbox.ErrHandled and sends nothing. The
// mail answers the sender's subject ("Re: …"), threads under their Message-ID when it
// is one, and invites answers to the support address it came to. Empty or overlong
// text is validate.Errors on FieldReply; a sender that cannot be answered ErrNoReply.
func Reply(ctx context.Context, d *db.DB, t tenant.Tenant, itemID int64, text string, by Staff, now time.Time) error {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	e := validate.Errors{}
	e.Required(FieldReply, text)
	e.MaxLen(FieldReply, text, MaxReply)
	return d.InTx(ctx, func(tx *db.Tx) error {
		it, err := inbox.Lock(ctx, tx, t.ID, itemID) // locked: a sender's answer may join the item meanwhile
		if err != nil {
			return err
		}
		var p inbox.MailPayload
		if err := it.Pending(inbox.KindMail, &p); err != nil {
			return err
		}
		if !Answerable(p) {
			return ErrNoReply
		}
		if e.Any() {
			return e
		}
		if err := inbox.Handle(ctx, tx, t.ID, it.ID, inbox.StateDone, by.By, inbox.Replied, now); err != nil {
			return err
		}
		msg := replyMessage(t, p, text)
		if p.ReplyMailID, err = outbox.Queue(ctx, tx, t.ID, msg, now); err != nil {
			return err
		}
		p.Reply = text
		if err := inbox.SetPayload(ctx, tx, t.ID, it.ID, p); err != nil {
			return err
		}
		return audit.Log(ctx, tx, t.ID, by.Actor, audit.InboxReplied, p.From, by.IP, now)
	})
}

// replyMessage is the answer with text to the sender of mail p: "Re: " their subject,
// threaded under their Message-ID when it is a valid one (a mail whose header would
// be refused never goes out), signed with the tenant's name, and inviting answers to
// the support address the mail came to, without a ticket's +token (supportBase).
func replyMessage(t tenant.Tenant, p inbox.MailPayload, text string) mail.Message {
	msg := mail.Message{To: p.From, Subject: replySubject(p.Subject), Text: text + "\n\n-- \n" + t.Name, ReplyTo: supportBase(p.Rcpt),
		Personal: true} // staff wrote it: no Auto-Submitted
	if mail.ValidMessageID(p.MessageID) {
		msg.InReplyTo = p.MessageID
	}
	return msg
}

// supportBase is a support address without the "+token" part a ticket's reply address
// has, as inbound.SplitPlus reads it (inbound imports this package).
func supportBase(rcpt string) string {
	rcpt = strings.ToLower(strings.TrimSpace(rcpt))
	at := strings.LastIndexByte(rcpt, '@')
	if at < 0 {
		return rcpt
	}
	if plus := strings.IndexByte(rcpt[:at], '+'); plus >= 0 {
		return rcpt[:plus] + rcpt[at:]
	}
	return rcpt
}

// replyPrefix matches the reply prefixes mail programs write in the common languages,
// in any case, with an optional count ("Re[2]:", "AW:", "RE :", "Antw:", "Sv:", "Réf.:",
// "R:", "RES:", "Odp:", "YNT:", "השב:").
var replyPrefix = regexp.MustCompile(`(?i)^(re|aw|antw|antwort|sv|svar|vs|ref|réf|rif|r|res|odp|ynt|השב)\.?\s*(\[\d+\]|\(\d+\))?\s*[:：]`)

// replySubject is "Re: " and the sender's subject, without a second prefix when they
// answered already (replyPrefix).
func replySubject(s string) string {
	s = validate.OneLine(s)
	if replyPrefix.MatchString(s) {
		return s
	}
	return strings.TrimSpace("Re: " + s)
}
