package inbound

import (
	"context"

	"github.com/emersion/go-smtp"

	"pforte/internal/inboxmail"
)

// errBlocked is the answer to a sender the tenant blocked: permanent, so the sending
// server gives up and tells its user instead of retrying.
var errBlocked = &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 7, 1},
	Message: "Delivery not authorized, message refused"}

// refuseBlocked answers errBlocked when the tenant blocked addr (the envelope sender at
// RCPT, the From address after DATA; see inboxmail.Blocked), and nil otherwise. A
// refused mail is logged and not stored; a failed lookup is a temporary failure.
func (l *Listener) refuseBlocked(ctx context.Context, tenantID int64, addr, stage, rcpt, remote string) error {
	if addr == "" {
		return nil
	}
	b, blocked, err := inboxmail.Blocked(ctx, l.DB, tenantID, addr)
	switch {
	case err != nil:
		l.log().Error("inbound mail: block lookup failed", "tenant", tenantID, "sender", addr, "err", err)
		return errTemporary
	case !blocked:
		return nil
	}
	l.log().Warn("inbound mail refused: blocked sender", "tenant", tenantID, "remote", remote, "stage", stage,
		"sender", addr, "rcpt", rcpt, "block", b.Kind+":"+b.Value)
	return errBlocked
}
