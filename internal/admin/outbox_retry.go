package admin

import (
	"errors"
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/outbox"
	"pforte/internal/web"
)

// outboxRetry sends a waiting or failed mail now instead of at its next scheduled try
// ("retry now", admins only: it is the lever after fixing the mail settings), or a mail
// held since a restore ("send now": the admin judged it did not go out before). The change
// and its audit entry are written together. outbox.Retry is scoped by tenant, so another
// tenant's mail is a 404.
func (a *Admin) outboxRetry(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	back := "/admin/outbox/" + itoa(id)
	actor := v.actor(r, a.env)
	var to string
	var held bool
	err := a.env.DB.InTx(r.Context(), func(tx *db.Tx) error {
		m, err := outbox.Get(r.Context(), tx, v.P.TenantID, id, true)
		if err != nil {
			return err
		}
		tries, err := outbox.Deliveries(r.Context(), tx, v.P.TenantID, []outbox.Mail{m})
		if err != nil {
			return err
		}
		to, held = m.To, tries[m.ID].Held
		now := a.env.Now()
		if err := outbox.Retry(r.Context(), tx, v.P.TenantID, id, now); err != nil {
			return err
		}
		return audit.Log(r.Context(), tx, v.P.TenantID, actor.Label, audit.MailRetried,
			audit.MailTarget(id, to), actor.IP, now)
	})
	switch {
	case errors.Is(err, outbox.ErrSending):
		a.env.Flash(w, r, "admin.outbox.retry_sending_failed", back)
	case errors.Is(err, outbox.ErrDelivered):
		a.env.Flash(w, r, "admin.outbox.retry_sent_failed", back)
	case errors.Is(err, outbox.ErrCancelled):
		a.env.Flash(w, r, "admin.outbox.retry_cancelled_failed", back)
	case errors.Is(err, outbox.ErrDiscarded):
		a.env.Flash(w, r, "admin.outbox.retry_discarded_failed", back)
	case errors.Is(err, outbox.ErrPurged):
		a.env.Flash(w, r, "retention.retry_purged_failed", back)
	case err != nil:
		a.env.Fail(w, r, err)
	case held:
		a.env.WakeWorker()
		a.env.Flash(w, r, "admin.outbox.held_sent", back)
	default:
		a.env.WakeWorker()
		a.env.Flash(w, r, "admin.outbox.retried", back)
	}
}
