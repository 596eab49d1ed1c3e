package admin

import (
	"context"
	"errors"
	"net/http"
	netmail "net/mail"
	"net/url"
	"time"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// mailSettingsForm shows the tenant's own SMTP server and sender. The stored password
// is never sent back to the browser: the form shows a mask in its place.
func (a *Admin) mailSettingsForm(w http.ResponseWriter, r *http.Request, v *visit) {
	a.mailSettingsShow(w, r, v, "")
}

// mailSettingsShow shows the mail settings; testErr, when set, is why the test mail
// just failed (mailSettingsTest, in the admin's words: testProblem), shown beside the
// test button.
func (a *Admin) mailSettingsShow(w http.ResponseWriter, r *http.Request, v *visit, testErr string) {
	ms, err := tenant.GetMail(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	f := web.NewForm()
	f.Set("smtp_url", tenant.MaskSMTP(ms.SMTPURL))
	f.Set("mail_from", ms.From)
	err = a.setSupportField(r.Context(), f, v.P.TenantID)
	in, ierr := a.loadMailInbound(r.Context(), v.P.TenantID)
	if err != nil || ierr != nil {
		a.env.Fail(w, r, errors.Join(err, ierr))
		return
	}
	web.Render(w, r, http.StatusOK, mailSettingsPage(v.chrome(r, "admin.mail.title"), f, in, testErr))
}

// mailSettingsSave validates and stores the mail settings.
func (a *Admin) mailSettingsSave(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := r.Context()
	old, err := tenant.GetMail(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	f := web.ParseForm(w, r)
	ms := tenant.MailSettings{From: f.Get("mail_from")}
	if f.Err == "" {
		// The login is taken as the provider wrote it: "#" or "/" in a password need no
		// percent-encoding by hand.
		if ms.SMTPURL, err = tenant.UnmaskSMTP(tenant.EncodeSMTPLogin(f.Get("smtp_url")), old.SMTPURL); err != nil {
			f.Errors.Add("smtp_url", "admin.mail.password_again", nil)
		}
		f.Errors.MaxLen("smtp_url", ms.SMTPURL, 500)
		if _, err := mail.NewSMTP(ms.SMTPURL); ms.SMTPURL != "" && err != nil {
			id, data := smtpURLProblem(err)
			f.Errors.Add("smtp_url", id, data)
		}
		// The tenant's own server sends in the tenant's name: it needs the tenant's sender.
		if u, err := url.Parse(ms.SMTPURL); ms.SMTPURL != "" && ms.From == "" && err == nil && u.Query().Get("from") == "" {
			f.Errors.Add("mail_from", "admin.mail.from_required", nil)
		}
		if a, err := netmail.ParseAddress(ms.From); ms.From != "" && (err != nil || a.Address == "") {
			f.Errors.Add("mail_from", "error.email", nil)
		}
	}
	support, err := a.checkSupportAddresses(ctx, f, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if f.Invalid() {
		a.mailSettingsInvalid(w, r, v, f)
		return
	}
	err = a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := tenant.SetMail(ctx, tx, v.P.TenantID, ms); err != nil {
			return err
		}
		if err := tenant.SetSupportAddresses(ctx, tx, v.P.TenantID, support, a.env.Now()); err != nil {
			return err
		}
		by := v.actor(r, a.env)
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.SettingsChanged, "mail: "+tenant.MaskSMTP(ms.SMTPURL), by.IP, a.env.Now())
	})
	if taken := (*tenant.AddressTakenError)(nil); errors.As(err, &taken) { // taken since the check above
		f.Errors.Add("support_addresses", "inbound.address_taken", map[string]any{"Address": taken.Address})
		a.mailSettingsInvalid(w, r, v, f)
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "admin.mail.saved", "/admin/settings/mail")
}

// mailSettingsInvalid shows the form again with its errors.
func (a *Admin) mailSettingsInvalid(w http.ResponseWriter, r *http.Request, v *visit, f web.Form) {
	in, err := a.loadMailInbound(r.Context(), v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, http.StatusUnprocessableEntity, mailSettingsPage(v.chrome(r, "admin.mail.title"), f, in, ""))
}

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
