package admin

import (
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/outbox"
	"pforte/internal/web"
)

// outboxDiscardHeld is "Don't send any" on the outbox list (admins only, after the
// list's confirmation): none of the tenant's mails held since a restore goes out, as
// when the admin knows the old installation ran on after the backup and sent its
// queue. Each mail gets its own audit entry, as with "Don't send", so the log names
// every mail by number and recipient. Only the tenant's own held mails are read.
func (a *Admin) outboxDiscardHeld(w http.ResponseWriter, r *http.Request, v *visit) {
	actor := v.actor(r, a.env)
	var n int
	err := a.env.DB.InTx(r.Context(), func(tx *db.Tx) error {
		now := a.env.Now()
		gone, err := outbox.DiscardAll(r.Context(), tx, v.P.TenantID, now)
		if err != nil {
			return err
		}
		for _, m := range gone {
			if err := audit.Log(r.Context(), tx, v.P.TenantID, actor.Label, audit.MailDiscarded,
				audit.MailTarget(m.ID, m.To), actor.IP, now); err != nil {
				return err
			}
		}
		n = len(gone)
		return nil
	})
	switch {
	case err != nil:
		a.env.Fail(w, r, err)
	case n == 0:
		a.env.FlashInfo(w, r, "admin.outbox.none_held", "/admin/outbox")
	default:
		a.env.FlashParts(w, r, "/admin/outbox", web.FlashPart{ID: "admin.outbox.discarded_all", Count: n})
	}
}
