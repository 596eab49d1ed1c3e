package admin

import (
	"net/http"
	"net/url"
	"strings"

	"pforte/internal/access"
	"pforte/internal/i18n"
	"pforte/internal/inbox"
	"pforte/internal/principal"
	"pforte/internal/session"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// visit is a logged-in staff member's request.
type visit struct {
	P      principal.Staff
	Member staff.Member
	Tenant tenant.Tenant
	flash  string
	inbox  int // open inbox items, shown in the navigation
}

// actor names the staff member in audit entries (and in the invitations they send).
func (v *visit) actor(r *http.Request, env *web.Env) access.Actor {
	return access.Actor{Label: access.StaffActor(v.Member.ID, v.Member.Email), IP: env.ClientIP(r), Name: v.Member.Name}
}

type handler func(w http.ResponseWriter, r *http.Request, v *visit)

// staff requires a logged-in staff member of the request's tenant.
func (a *Admin) staff(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, ok := a.resolve(r)
		if !ok {
			if r.Method == http.MethodGet {
				to := "/admin/login"
				if r.URL.Path != "/admin/" {
					to += "?next=" + url.QueryEscape(r.URL.RequestURI())
				}
				http.Redirect(w, r, to, http.StatusSeeOther)
			} else { // a form sent after the session ended: say so, show what was typed
				a.env.SessionEnded(w, r, "/admin/login", "/admin/")
			}
			return
		}
		ctx := principal.WithStaff(r.Context(), v.P)
		ctx = i18n.With(ctx, i18n.For(web.PersonLanguage(r, v.Tenant, v.Member.Language)))
		r = r.WithContext(ctx)
		r = r.WithContext(web.WithChrome(ctx, func(id string) web.Chrome { return v.chrome(r, id) }))
		if a.staffSetupGate(w, r, v) {
			return
		}
		v.flash = a.env.TakeFlash(w, r)
		h(w, r, v)
	}
}

// adminOnly requires the admin role; agents get the 404 page, as for anything else
// they may not see.
func (a *Admin) adminOnly(h handler) http.HandlerFunc {
	return a.staff(func(w http.ResponseWriter, r *http.Request, v *visit) {
		if !v.Member.IsAdmin() {
			a.env.NotFound(w, r)
			return
		}
		h(w, r, v)
	})
}

func (a *Admin) resolve(r *http.Request) (*visit, bool) {
	ck, err := a.env.Cookie(r, web.AdminCookie)
	if err != nil || ck.Value == "" {
		return nil, false
	}
	t := web.TenantFrom(r.Context())
	s, err := session.Lookup(r.Context(), a.env.DB, t.ID, ck.Value, a.env.Now())
	if err != nil || s.StaffID == 0 {
		return nil, false
	}
	m, err := staff.Get(r.Context(), a.env.DB, t.ID, s.StaffID)
	if err != nil || !m.Active {
		return nil, false
	}
	open, err := inbox.CountOpen(r.Context(), a.env.DB, t.ID)
	if err != nil {
		a.env.Log.Warn("inbox count", "err", err) // the navigation goes without the number
	}
	return &visit{P: principal.Staff{TenantID: t.ID, StaffID: m.ID, Role: m.Role, SessionID: s.ID}, Member: m, Tenant: t,
		inbox: open}, true
}

// chrome builds the back office's page frame.
func (v *visit) chrome(r *http.Request, titleID string) web.Chrome {
	ctx := r.Context()
	c := web.Chrome{Title: i18n.T(ctx, titleID), Admin: true, BrandName: v.Tenant.Name + " · " + i18n.T(ctx, "admin.brand"),
		BrandHref: "/admin/", User: v.Member.Name, UserHref: "/admin/account", LogoutAction: "/admin/logout", LangAction: "/admin/language"}
	items := []struct{ id, href string }{
		{"admin.nav.companies", "/admin/companies"}, {"admin.nav.contacts", "/admin/contacts"},
		{"admin.nav.outbox", "/admin/outbox"},
	}
	if v.Tenant.HasModule("knowledge") {
		items = append(items, struct{ id, href string }{"kb_admin.nav", "/admin/kb"})
	}
	if v.Tenant.HasModule("downloads") {
		items = append(items, struct{ id, href string }{"admin.nav.downloads", "/admin/downloads"})
	}
	if v.Member.IsAdmin() {
		items = append(items, struct{ id, href string }{"admin.nav.staff", "/admin/staff"},
			struct{ id, href string }{"admin.nav.settings", "/admin/settings"},
			struct{ id, href string }{"admin.nav.audit", "/admin/audit"})
	}
	if usesHelpdesk(v.Tenant) {
		items = append([]struct{ id, href string }{{"tickets_admin.nav", "/admin/tickets"}, {"reports.nav", "/admin/reports"}}, items...)
	}
	for _, it := range items {
		c.Nav = append(c.Nav, web.NavItem{Label: i18n.T(ctx, it.id), Href: it.href,
			Current: strings.HasPrefix(r.URL.Path, it.href)})
	}
	c.Nav = append([]web.NavItem{inboxNav(ctx, r, v.inbox)}, c.Nav...) // the queue comes first
	c.SetFlash(ctx, v.flash)
	return c
}

// guestChrome is the frame of back-office pages without login.
func guestChrome(r *http.Request, titleID string) web.Chrome {
	t := web.TenantFrom(r.Context())
	return web.Chrome{Title: i18n.T(r.Context(), titleID), Admin: true,
		BrandName: t.Name + " · " + i18n.T(r.Context(), "admin.brand"), BrandHref: "/admin/", LangAction: "/language"}
}
