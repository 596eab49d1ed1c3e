package admin

import (
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/mailtmpl"
	"pforte/internal/web"
)

// mailTemplateSave checks and stores the tenant's text with an audit entry. Problems are
// shown next to their field, naming the placeholder, with the typed text kept.
func (a *Admin) mailTemplateSave(w http.ResponseWriter, r *http.Request, v *visit) {
	ed, t, ok := a.mailTemplateSubmitted(w, r, v)
	if !ok {
		return
	}
	m, lang := ed.Mail, ed.Lang
	if ed.Form.Invalid() {
		web.Render(w, r, http.StatusUnprocessableEntity, mailTemplatePage(v.chrome(r, "templates.title"), ed))
		return
	}
	ctx, by := r.Context(), v.actor(r, a.env)
	err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := mailtmpl.Save(ctx, tx, v.P.TenantID, m.Key, lang, t, by.Label, a.env.Now()); err != nil {
			return err
		}
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.MailTemplateSaved, m.Key+" ("+lang+")", by.IP, a.env.Now())
	})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "templates.saved", mailTemplatePath(m, lang))
}
