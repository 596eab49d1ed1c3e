package admin

import (
	"net/http"

	"pforte/internal/outbox"
	"pforte/internal/web"
)

// outboxShow shows one mail with both parts as source text. The HTML part is never
// rendered: it is shown escaped, so a mail cannot run anything in the back office.
// outbox.Get is scoped by tenant, so another tenant's mail is a 404.
func (a *Admin) outboxShow(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	m, err := outbox.Get(r.Context(), a.env.DB, v.P.TenantID, id, v.Member.IsAdmin())
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	tries, err := outbox.Deliveries(r.Context(), a.env.DB, v.P.TenantID, []outbox.Mail{m})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	d, queued := tries[m.ID]
	canRetry := v.Member.IsAdmin() && m.State != "sent" && m.State != outbox.StateCancelled && m.State != outbox.StateDiscarded &&
		!d.Running && m.Purged.IsZero()
	// "Don't send" is for a held mail only: one the queue may be sending is not taken back.
	canDiscard := v.Member.IsAdmin() && m.State == "queued" && d.Held
	web.Render(w, r, http.StatusOK, outboxMailPage(v.chrome(r, "admin.outbox.mail_title"), m, d, queued, canRetry, canDiscard))
}
