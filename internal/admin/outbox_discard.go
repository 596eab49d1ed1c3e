package admin

import (
	"errors"
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/outbox"
	"pforte/internal/web"
)

// outboxDiscard is "Don't send" on a mail a restore held (admins only, after the
// page's confirmation): the admin knows the old installation sent it before the
// backup was restored, so it must never go out from here. The mail becomes
// "discarded", its job ends, and the audit entry is written in the same transaction.
// outbox.Discard is scoped by tenant, so another tenant's mail is a 404.
func (a *Admin) outboxDiscard(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	back := "/admin/outbox/" + itoa(id)
	actor := v.actor(r, a.env)
	err := a.env.DB.InTx(r.Context(), func(tx *db.Tx) error {
		now := a.env.Now()
		m, err := outbox.Discard(r.Context(), tx, v.P.TenantID, id, now)
		if err != nil {
			return err
		}
		return audit.Log(r.Context(), tx, v.P.TenantID, actor.Label, audit.MailDiscarded,
			audit.MailTarget(m.ID, m.To), actor.IP, now)
	})
	switch {
	case errors.Is(err, outbox.ErrNotHeld):
		a.env.Flash(w, r, "admin.outbox.discard_not_held_failed", back)
	case err != nil:
		a.env.Fail(w, r, err)
	default:
		a.env.Flash(w, r, "admin.outbox.discarded", back)
	}
}
