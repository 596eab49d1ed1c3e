package admin

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/session"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

func (a *Admin) loginForm(w http.ResponseWriter, r *http.Request) {
	if _, ok := a.resolve(r); ok {
		http.Redirect(w, r, "/admin/", http.StatusSeeOther)
		return
	}
	c := guestChrome(r, "admin.login.title")
	c.SetFlash(r.Context(), a.env.TakeFlash(w, r))
	f := web.NewForm()
	f.Set("next", web.LocalPath(r.URL.Query().Get("next"), ""))
	web.Render(w, r, http.StatusOK, loginPage(c, f, a.noAdmin(r)))
}

// noAdmin reports whether the request's tenant has no active administrator yet: its
// login page then says where the one-time setup link is, since a new operator who
// missed serve's output otherwise meets a sign-in form nobody can use.
func (a *Admin) noAdmin(r *http.Request) bool {
	n, err := staff.CountAdmins(r.Context(), a.env.DB, web.TenantFrom(r.Context()).ID)
	return err == nil && n == 0
}

// replaceSession ends the browser's earlier back-office session, if any, and signs in
// with the new one.
func (a *Admin) replaceSession(w http.ResponseWriter, r *http.Request, rawSession string, m staff.Member) {
	if old, err := a.env.Cookie(r, web.AdminCookie); err == nil {
		session.Delete(r.Context(), a.env.DB, old.Value)
	}
	a.signIn(w, r, rawSession, m)
}

// signIn sets the staff session cookie and, at an admin's sign-in while the tenant has
// no portal address, remembers the address it came in on for links in mails. Only
// admins: the portal address is an admin's setting, and on a single-tenant install any
// Host header reaches the portal, so an agent signing in with a forged Host would
// otherwise point every later reset link at a server of their choosing.
func (a *Admin) signIn(w http.ResponseWriter, r *http.Request, rawSession string, m staff.Member) {
	a.env.SetCookie(w, r, web.AdminCookie, rawSession, session.MaxAge)
	t := web.TenantFrom(r.Context())
	if m.Role != staff.RoleAdmin || t.BaseURLFor(a.env.BaseURL) != "" || t.PortalURL != "" {
		return
	}
	u, ok := tenant.NormalPortalURL(a.env.Scheme(r) + "://" + r.Host)
	if !ok {
		return
	}
	err := a.env.DB.InTx(r.Context(), func(tx *db.Tx) error {
		stored, err := tenant.RememberPortalURL(r.Context(), tx, t.ID, u)
		if err != nil || !stored {
			return err
		}
		return audit.Log(r.Context(), tx, t.ID, access.StaffActor(m.ID, m.Email), audit.PortalURLRemembered, u,
			a.env.ClientIP(r), a.env.Now())
	})
	if err != nil {
		a.env.Log.Warn("remember portal address", "err", err) // links fall back to the listen address
		return
	}
	a.env.ForgetTenants()
}
