package admin

import (
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/mailtmpl"
)

// mailTemplateReset deletes the tenant's own text, so the built-in one applies again.
func (a *Admin) mailTemplateReset(w http.ResponseWriter, r *http.Request, v *visit) {
	m, lang, ok := a.mailTemplateTarget(w, r)
	if !ok {
		return
	}
	ctx, by := r.Context(), v.actor(r, a.env)
	err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		had, err := mailtmpl.Delete(ctx, tx, v.P.TenantID, m.Key, lang)
		if err != nil || !had {
			return err
		}
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.MailTemplateReset, m.Key+" ("+lang+")", by.IP, a.env.Now())
	})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "templates.reset_done", mailTemplatePath(m, lang))
}
