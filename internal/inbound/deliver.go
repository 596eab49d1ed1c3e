package inbound

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/emersion/go-smtp"

	"pforte/internal/db"
	"pforte/internal/mailin"
)

// deliver parses raw, keeps it and its attachments in the file store and routes it for
// the tenant of g, recording the mail in inbound_mails whatever happens. It returns
// the SMTP answer: nil (250), a 5xx for mail that will never be taken, a 451 for a
// failure worth retrying.
func (l *Listener) deliver(ctx context.Context, g group, mailFrom, remote string, raw []byte) error {
	rc := g.main
	rec := Record{TenantID: rc.tenantID, ReceivedAt: l.now(), MailFrom: mailFrom, Rcpt: rc.addr, Size: int64(len(raw))}
	m, err := mailin.Parse(raw, mailin.Limits{MaxBytes: l.maxBytes()})
	if err != nil {
		// Kept for whoever looks into why a customer's mail was refused.
		if st, perr := l.Files.Put(bytes.NewReader(raw), 0); perr == nil {
			rec.RawKey = st.Key
		}
		rec.Outcome, rec.Reason = OutcomeRejected, err.Error()
		l.finish(ctx, rec, remote)
		return parseAnswer(err)
	}
	rec.Sender, rec.Subject, rec.MessageID = m.From.Address, m.Subject, m.MessageID
	// Checked again in the routing transaction below: a block added meanwhile (while
	// the sender is checked in DNS and the files are stored) must not let a new mail in.
	if err := checkBlocked(ctx, l.DB, rc.tenantID, mailFrom, m.From.Address); err != nil {
		if refused := l.refuseBlocked(ctx, rec, remote, err); refused != nil {
			return refused
		}
		return l.retryLater(ctx, rec, remote, err)
	}
	if !m.Auto && mailin.IsBounceSender(mailFrom, true) {
		m.Auto, m.AutoReason = true, mailin.AutoBounce
	}
	if own, err := ownMail(ctx, l.DB, rc.tenantID, m.MessageID); err != nil {
		return l.retryLater(ctx, rec, remote, err)
	} else if own {
		m.Auto, m.AutoReason = true, mailin.AutoOwnMail // no router answers or files it as a person's mail
	}
	auth, err := l.authenticate(ctx, rc.tenantID, m)
	if err != nil {
		return l.retryLater(ctx, rec, remote, err)
	}
	rec.Auth = auth.String()
	switch dup, err := seen(ctx, l.DB, rc.tenantID, m.From.Address, m.MessageID); {
	case err != nil:
		return l.retryLater(ctx, rec, remote, err)
	case dup:
		rec.Outcome, rec.Reason = OutcomeDuplicate, reasonDuplicate
		l.finish(ctx, rec, remote)
		return nil
	}
	st, err := l.Files.Put(bytes.NewReader(raw), 0)
	if err != nil {
		return l.retryLater(ctx, rec, remote, err)
	}
	rec.RawKey = st.Key
	files, err := l.keepFiles(m.Attachments)
	if err != nil {
		l.drop(files, rec.RawKey)
		return l.retryLater(ctx, rec, remote, err)
	}
	full, err := l.keepFullText(m.Reply, m.Text)
	if full.Key != "" {
		files = append(files, full) // dropped with the attachments on a failure below
	}
	if err != nil {
		l.drop(files, rec.RawKey)
		return l.retryLater(ctx, rec, remote, err)
	}
	d := Delivery{TenantID: rc.tenantID, MailFrom: mailFrom, Rcpt: rc.addr, Support: rc.support, Token: rc.token,
		Message: m, RawKey: rec.RawKey, Files: files[:len(m.Attachments)], FullText: full, ReceivedAt: rec.ReceivedAt, Auth: auth}
	var out Outcome
	var taken bool
	err = l.DB.InTx(ctx, func(tx *db.Tx) error {
		rec.Outcome = "received"
		id, dup, err := claimRecord(ctx, tx, rec)
		if err != nil || dup {
			taken = dup // nothing written: the transaction ends empty
			return err
		}
		d.MailID = id
		if out, err = l.routeUnlessBlocked(ctx, tx, d); err != nil {
			return err
		}
		return setOutcome(ctx, tx, id, out)
	})
	if err == nil && taken {
		// Another listener routed the same mail meanwhile: keep nothing of this copy.
		l.drop(files, rec.RawKey)
		rec.RawKey = ""
		rec.Outcome, rec.Reason = OutcomeDuplicate, reasonDuplicate
		l.finish(ctx, rec, remote)
		return nil
	}
	if refused := l.refuseBlocked(ctx, rec, remote, err); refused != nil {
		l.drop(files, rec.RawKey)
		return refused
	}
	if rej, ok := isRejection(err); ok {
		l.drop(files, "") // the raw message stays, for the record
		rec.Outcome, rec.Reason = OutcomeRejected, rej.Reason
		l.finish(ctx, rec, remote)
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 7, 1}, Message: smtpText(rej.Reason)}
	}
	if err != nil {
		l.drop(files, rec.RawKey)
		rec.RawKey = ""
		return l.retryLater(ctx, rec, remote, err)
	}
	if out.Action == ActionIgnored {
		// Nothing of an ignored mail (an out-of-office note) refers to its attachments
		// or whole text: only the raw message stays, for the record.
		l.drop(files, "")
	}
	rec.Outcome, rec.Reason = out.Action, out.Reason
	l.logged(rec, remote, nil)
	if l.Wake != nil {
		l.Wake()
	}
	return nil
}

// tooLarge records a message the server cut off at the size limit.
func (l *Listener) tooLarge(ctx context.Context, g group, mailFrom, remote string) {
	l.finish(ctx, Record{TenantID: g.main.tenantID, ReceivedAt: l.now(), MailFrom: mailFrom, Rcpt: g.main.addr,
		Size: l.maxBytes(), Outcome: OutcomeRejected,
		Reason: fmt.Sprintf(reasonTooLarge, l.maxBytes())}, remote)
}

// retryLater records a temporary failure and answers 451.
func (l *Listener) retryLater(ctx context.Context, rec Record, remote string, cause error) error {
	rec.Outcome, rec.Reason = OutcomeDeferred, cause.Error()
	l.logged(rec, remote, cause)
	// The database may be what failed; the log line above is the record then.
	if _, err := insertRecord(ctx, l.DB, rec); err != nil {
		l.log().Error("inbound mail: cannot record", "err", err)
	}
	return errTemporary
}

// finish records a mail that was not routed (rejected or duplicate) and logs it.
func (l *Listener) finish(ctx context.Context, rec Record, remote string) {
	l.logged(rec, remote, nil)
	if _, err := insertRecord(ctx, l.DB, rec); err != nil {
		l.log().Error("inbound mail: cannot record", "err", err)
	}
}

// logged writes the one log line of a mail.
func (l *Listener) logged(rec Record, remote string, err error) {
	attrs := []any{"tenant", rec.TenantID, "remote", remote, "mail_from", rec.MailFrom, "rcpt", rec.Rcpt,
		"from", rec.Sender, "subject", rec.Subject, "message_id", rec.MessageID, "size", rec.Size,
		"outcome", rec.Outcome, "reason", rec.Reason}
	if rec.Auth != "" {
		attrs = append(attrs, "auth", rec.Auth)
	}
	switch {
	case err != nil:
		l.log().Error("inbound mail deferred", append(attrs, "err", err)...)
	case rec.Outcome == OutcomeRejected:
		l.log().Warn("inbound mail rejected", attrs...)
	default:
		l.log().Info("inbound mail", attrs...)
	}
}

// keepFiles puts the attachments into the file store.
func (l *Listener) keepFiles(atts []mailin.Attachment) ([]File, error) {
	files := make([]File, 0, len(atts))
	for _, a := range atts {
		st, err := l.Files.Put(bytes.NewReader(a.Data), 0)
		if err != nil {
			return files, err
		}
		files = append(files, File{Name: a.Filename, ContentType: a.ContentType, Type: st.Type, Size: st.Size,
			Key: st.Key, Inline: a.Inline, ContentID: a.ContentID})
	}
	return files, nil
}

// drop deletes stored files after a failure (and the raw message when rawKey is set).
func (l *Listener) drop(files []File, rawKey string) {
	for _, f := range files {
		l.Files.Delete(f.Key)
	}
	if rawKey != "" {
		l.Files.Delete(rawKey)
	}
}

// parseAnswer maps a parse error to the SMTP answer.
func parseAnswer(err error) error {
	detail := smtpText(strings.TrimPrefix(strings.TrimPrefix(err.Error(), mailin.ErrTooLarge.Error()), mailin.ErrMalformed.Error()))
	if errors.Is(err, mailin.ErrTooLarge) {
		return &smtp.SMTPError{Code: 552, EnhancedCode: smtp.EnhancedCode{5, 3, 4}, Message: "Message too large or too complex" + detail}
	}
	return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 6, 0}, Message: "Malformed message" + detail}
}

// smtpText makes s fit an SMTP reply line: printable ASCII, at most 200 characters.
func smtpText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e {
			return ' '
		}
		return r
	}, s)
	if len(s) > 200 {
		s = s[:200]
	}
	return s
}
