package admin

import (
	"errors"
	"net/http"
	netmail "net/mail"
	"net/url"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/mail"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

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
