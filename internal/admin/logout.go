package admin

import (
	"net/http"

	"pforte/internal/audit"
	"pforte/internal/session"
	"pforte/internal/web"
)

func (a *Admin) logout(w http.ResponseWriter, r *http.Request) {
	if v, ok := a.resolve(r); ok {
		audit.Log(r.Context(), a.env.DB, v.P.TenantID, v.actor(r, a.env).Label, audit.Logout, "", a.env.ClientIP(r), a.env.Now())
	}
	if ck, err := a.env.Cookie(r, web.AdminCookie); err == nil {
		if err := session.Delete(r.Context(), a.env.DB, ck.Value); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	a.env.ClearCookie(w, r, web.AdminCookie)
	a.env.ClearCookie(w, r, web.PreviewCookie) // the preview ended with the session (cascade)
	a.env.ClearCookie(w, r, queueCookie)       // the next member starts with the plain queue (queue_back.go)
	a.env.Flash(w, r, "logout.done", "/admin/login")
}
