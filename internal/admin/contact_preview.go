package admin

import (
	"errors"
	"net/http"

	"pforte/internal/access"
	"pforte/internal/audit"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/session"
	"pforte/internal/web"
)

// previewStart opens the portal as the contact in one of their companies, read-only,
// for the staff member (admin or agent). It needs active access to that company: a
// revoked or never granted membership cannot be previewed. The preview is a session of
// its own in a cookie of its own, tied to the staff member's session and ending with it
// (at the latest after session.PreviewTTL); the contact's own sessions are untouched
// and no login of theirs is recorded. A contact of another tenant is a 404.
func (a *Admin) previewStart(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := a.loadContact(w, r, v)
	if !ok {
		return
	}
	ctx := r.Context()
	back := "/admin/contacts/" + itoa(c.ID)
	f := web.ParseForm(w, r)
	companyID, _ := parseID(f.Get("company_id"))
	m, err := contact.ActiveMembership(ctx, a.env.DB, v.P.TenantID, c.ID, companyID)
	if errors.Is(err, db.ErrNotFound) || f.Err != "" {
		a.env.Flash(w, r, "preview.not_active_failed", back)
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	by := v.actor(r, a.env)
	var raw string
	err = a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		var err error
		raw, err = session.NewPreview(ctx, tx, v.P.TenantID, v.Member.ID, v.P.SessionID, c.ID, m.CompanyID,
			by.IP, r.UserAgent(), a.env.Now())
		if err != nil {
			return err
		}
		target := access.ContactActor(c.ID, c.Email) + " · company:" + itoa(m.CompanyID) + " " + m.CompanyName
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.PreviewStarted, target, by.IP, a.env.Now())
	})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.SetCookie(w, r, web.PreviewCookie, raw, session.PreviewTTL)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
