package admin

import (
	"context"
	"net/http"
	"strings"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// mailInboundAuthSave stores the authserv-id of the mail server in front of the
// support addresses, whose Authentication-Results decide whether a mail may act in a
// known contact's name; an empty field trusts the From address again. Each change is
// audited: it decides who can open tickets in whose name.
func (a *Admin) mailInboundAuthSave(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := r.Context()
	f := web.ParseForm(w, r)
	servID, ok := tenant.CleanAuthServID(f.Get("authserv_id"))
	if f.Err == "" && !ok {
		f.Errors.Add("authserv_id", "inbound_auth.invalid", map[string]any{"Max": tenant.MaxAuthServIDLen})
	}
	if f.Invalid() {
		a.mailInboundAuthInvalid(w, r, v, f)
		return
	}
	err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		old, err := tenant.InboundAuthServID(ctx, tx, v.P.TenantID)
		if err != nil || old == servID {
			return err
		}
		if err := tenant.SetInboundAuthServID(ctx, tx, v.P.TenantID, servID); err != nil {
			return err
		}
		by := v.actor(r, a.env)
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.SettingsChanged,
			"inbound mail authentication: "+orOff(old)+" → "+orOff(servID), by.IP, a.env.Now())
	})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Log.Info("inbound mail authentication set", "tenant", v.P.TenantID, "authserv_id", servID)
	a.env.Flash(w, r, "inbound_auth.saved", "/admin/settings/mail")
}

// mailInboundAuthInvalid shows the mail settings page again with the authentication
// form's errors and what was typed; the rest of the page as stored.
func (a *Admin) mailInboundAuthInvalid(w http.ResponseWriter, r *http.Request, v *visit, af web.Form) {
	f, err := a.storedMailForm(r.Context(), v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	in, err := a.loadMailInbound(r.Context(), v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	in.Auth = af
	web.Render(w, r, http.StatusUnprocessableEntity, mailSettingsPage(v.chrome(r, "admin.mail.title"), f, in, ""))
}

// storedMailForm is the outgoing mail form as stored, the password masked.
func (a *Admin) storedMailForm(ctx context.Context, tenantID int64) (web.Form, error) {
	f := web.NewForm()
	ms, err := tenant.GetMail(ctx, a.env.DB, tenantID)
	if err != nil {
		return f, err
	}
	f.Set("smtp_url", tenant.MaskSMTP(ms.SMTPURL))
	f.Set("mail_from", ms.From)
	return f, a.setSupportField(ctx, f, tenantID)
}

// orOff names an empty setting in the audit log.
func orOff(s string) string {
	if s == "" {
		return "off"
	}
	return s
}

// splitVerdict reads a verdict as inbound records it (mailin.AuthVerdict.String):
// whether it passed, and the detail.
func splitVerdict(v string) (pass bool, detail string, checked bool) {
	if d, ok := strings.CutPrefix(v, "pass: "); ok {
		return true, d, true
	}
	if d, ok := strings.CutPrefix(v, "fail: "); ok {
		return false, d, true
	}
	return false, "", false
}
