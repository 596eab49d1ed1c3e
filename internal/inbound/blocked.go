package inbound

import (
	"context"
	"errors"
	"fmt"

	"github.com/emersion/go-smtp"

	"pforte/internal/db"
	"pforte/internal/inboxmail"
)

// errBlocked is the answer to a sender the tenant blocked: permanent, so the sending
// server gives up and tells its user instead of retrying.
var errBlocked = &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 7, 1},
	Message: "Delivery not authorized, message refused"}

// blockedError refuses a mail inside the routing transaction: the sender was blocked
// while the mail was on its way (authenticated, stored).
type blockedError struct{ b inboxmail.Block }

func (e *blockedError) Error() string { return "inbound: " + blockedReason(e.b) }

// blockedReason is a refused mail's reason in inbound_mails: "blocked sender (domain:x)".
func blockedReason(b inboxmail.Block) string {
	return fmt.Sprintf(reasonBlocked, b.Kind, b.Value)
}

// checkBlocked returns a *blockedError when the tenant refuses the mail from envelope
// sender mailFrom and From address from (inboxmail.BlockedMail), nil when it takes it.
func checkBlocked(ctx context.Context, q db.Querier, tenantID int64, mailFrom, from string) error {
	b, blocked, err := inboxmail.BlockedMail(ctx, q, tenantID, mailFrom, from)
	switch {
	case err != nil:
		return err
	case blocked:
		return &blockedError{b}
	}
	return nil
}

// routeUnlessBlocked routes d in the transaction tx that records it, unless its sender
// is blocked by now (a *blockedError): deliver checks before it authenticates and
// stores the mail, which takes seconds, and a block added meanwhile closed the
// sender's open mail already, so a mail routed after it would stay open.
func (l *Listener) routeUnlessBlocked(ctx context.Context, tx db.Querier, d Delivery) (Outcome, error) {
	if err := checkBlocked(ctx, tx, d.TenantID, d.MailFrom, d.Message.From.Address); err != nil {
		return Outcome{}, err
	}
	return l.router().Route(ctx, tx, d)
}

// refuseBlocked records rec as rejected for a blocked sender, without the raw message
// (nobody needs a blocked sender's mail), and answers errBlocked; when err is no
// *blockedError it returns nil.
func (l *Listener) refuseBlocked(ctx context.Context, rec Record, remote string, err error) error {
	var be *blockedError
	if !errors.As(err, &be) {
		return nil
	}
	rec.Outcome, rec.Reason, rec.RawKey = OutcomeRejected, blockedReason(be.b), ""
	l.finish(ctx, rec, remote)
	return errBlocked
}
