package admin

import (
	"errors"
	"net/http"

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
