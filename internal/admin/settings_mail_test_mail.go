package admin

import (
	"context"
	"net/http"
	"time"

	"pforte/internal/auth"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// mailSettingsTest sends a test mail to the admin at once and reports the outcome.
func (a *Admin) mailSettingsTest(w http.ResponseWriter, r *http.Request, v *visit) {
	msg, err := outbox.Letter{To: v.Member.Email, Lang: web.PersonLanguage(r, v.Tenant, v.Member.Language),
		Key: "mail.test", Sender: v.Tenant.Name, Data: map[string]any{"Name": v.Member.Name, "Portal": v.Tenant.Name}}.Render()
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	raw, _ := auth.NewToken()
	msg.MessageID = raw[:24] + "@" + mail.PlaceholderIDDomain // SendNow gives it the sender's domain
	ctx, cancel := context.WithTimeout(r.Context(), 20*time.Second)
	defer cancel()
	stored, err := a.env.SendNow(ctx, v.P.TenantID, msg)
	if err != nil {
		// The error itself goes to the log only (see testProblem), without the password.
		ms, _ := tenant.GetMail(r.Context(), a.env.DB, v.P.TenantID)
		a.env.Log.Warn("test mail failed", "tenant", v.P.TenantID, "err", redactSMTP(err.Error(), ms.SMTPURL))
		// Shown at once, not after a redirect, as a kind of failure the admin can act on.
		a.mailSettingsShow(w, r, v, testProblem(r.Context(), err))
		return
	}
	if stored {
		// Without a mail server the test proves nothing about delivery: say where the
		// mail went, or the admin believes mail works and customers wait for invitations.
		a.env.FlashError(w, r, "operator.mail_test_stored", "/admin/settings/mail")
		return
	}
	a.env.Flash(w, r, "admin.mail.test_sent", "/admin/settings/mail")
}
