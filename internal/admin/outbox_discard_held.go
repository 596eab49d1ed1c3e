package admin

import (
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/outbox"
	"pforte/internal/web"
)

// discardBatch is how many held mails one transaction of "Don't send any" ends.
const discardBatch = 200

// outboxDiscardHeld is "Don't send any" on the outbox list (admins only, after the
// list's confirmation): none of the tenant's mails held since a restore goes out, as
// when the admin knows the old installation ran on after the backup and sent its
// queue. Each mail gets its own audit entry, as with "Don't send", so the log names
// every mail by number and recipient. Only the tenant's own held mails are read. A
// batch of mails and their audit entries is one transaction: a failure leaves the
// rest held, and pressing again goes on with them.
func (a *Admin) outboxDiscardHeld(w http.ResponseWriter, r *http.Request, v *visit) {
	actor := v.actor(r, a.env)
	n, after := 0, int64(0)
	for {
		var gone []outbox.Mail
		next := after
		err := a.env.DB.InTx(r.Context(), func(tx *db.Tx) error {
			now := a.env.Now()
			var err error
			if gone, next, err = outbox.DiscardHeld(r.Context(), tx, v.P.TenantID, after, discardBatch, now); err != nil {
				return err
			}
			for _, m := range gone {
				if err := audit.Log(r.Context(), tx, v.P.TenantID, actor.Label, audit.MailDiscarded,
					audit.MailTarget(m.ID, m.To), actor.IP, now); err != nil {
					return err
				}
			}
			return nil
		})
		switch {
		case err != nil && n == 0:
			a.env.Fail(w, r, err)
			return
		case err != nil: // the earlier batches stay done; the list still offers the rest
			a.env.Log.Error("outbox: don't send any", "tenant", v.P.TenantID, "discarded", n, "err", err)
		default: // counted once committed: a batch that failed ended nothing
			n, after = n+len(gone), next
		}
		if err != nil || after == 0 {
			break
		}
	}
	if n == 0 {
		a.env.FlashInfo(w, r, "admin.outbox.none_held", "/admin/outbox")
		return
	}
	a.env.FlashParts(w, r, "/admin/outbox", web.FlashPart{ID: "admin.outbox.discarded_all", Count: n})
}
