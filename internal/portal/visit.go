package portal

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/principal"
	"pforte/internal/session"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// visit is a logged-in contact's request: the principal and what the page frame shows.
type visit struct {
	P         principal.Contact
	Contact   contact.Contact
	Tenant    tenant.Tenant
	Companies []contact.Membership // memberships with active access
	Company   contact.Membership   // the active one
	Preview   session.Preview      // set (ID > 0) when staff view the portal as this contact
	flash     string
	// readMarks is the contact's count of read-mark writes as the session lookup read it
	// (session.Session.ContactReadMarks), -1 where the visit was built otherwise (a
	// preview): the marks the portal keeps for the contact are right while it is the same.
	readMarks int64
}

type handler func(w http.ResponseWriter, r *http.Request, v *visit)

// contact resolves the session into a principal before the handler runs; without a
// valid session the visitor goes to the login page.
func (p *Portal) contact(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, gone, ok := p.resolveSession(r)
		if !ok {
			switch r.Method {
			case http.MethodGet, http.MethodHead:
				to := "/login"
				if r.URL.Path != "/" {
					to += "?next=" + url.QueryEscape(r.URL.RequestURI())
				}
				if gone {
					p.signedOutNotice(w, r)
				}
				http.Redirect(w, r, to, http.StatusSeeOther)
			default: // a form sent after the session ended: say so, show what was typed
				p.env.SessionEnded(w, r, "/login", "/")
			}
			return
		}
		r = p.dress(w, r, v)
		if p.setupGate(w, r, v) {
			return
		}
		v.flash = p.env.TakeFlash(w, r)
		h(w, r, v)
	}
}

// dress puts the contact's principal, language and page frame into the request. The
// language cookie follows the contact's setting, so pages that know no session (an
// unknown address, a form sent after the session ended, the login page after logout)
// speak the contact's language too; a staff preview leaves the staff's cookie alone.
func (p *Portal) dress(w http.ResponseWriter, r *http.Request, v *visit) *http.Request {
	lang := web.PersonLanguage(r, v.Tenant, v.Contact.Language)
	if v.Preview.ID == 0 && i18n.Supported(v.Contact.Language) {
		if ck, err := p.env.Cookie(r, web.LangCookie); err != nil || ck.Value != v.Contact.Language {
			p.env.SetCookie(w, r, web.LangCookie, v.Contact.Language, 365*24*time.Hour)
		}
	}
	ctx := principal.WithContact(r.Context(), v.P)
	ctx = i18n.With(ctx, i18n.For(lang))
	r = r.WithContext(ctx)
	return r.WithContext(web.WithChrome(ctx, func(id string) web.Chrome { return v.chrome(r, id, "") }))
}

// unknownAddress answers an address no route knows: for a logged-in contact in their
// language and inside their own frame (navigation, switchers), else plainly.
func (p *Portal) unknownAddress(w http.ResponseWriter, r *http.Request) {
	if v, ok := p.resolve(w, r); ok {
		r = p.dress(w, r, v)
	}
	p.env.NotFound(w, r)
}

func (p *Portal) resolve(_ http.ResponseWriter, r *http.Request) (*visit, bool) {
	v, _, ok := p.resolveSession(r)
	return v, ok
}

// resolveSession is resolve that also tells, when there is no visit, whether the
// request came with a session cookie whose session is gone (gone): it expired, or was
// ended by a sign-out elsewhere or a change of access (revoked, a main contact made a
// user). A failed lookup is not gone: the session may well be alive.
func (p *Portal) resolveSession(r *http.Request) (v *visit, gone, ok bool) {
	if v, ok := p.resolvePreview(r); ok { // a preview takes precedence while it lasts
		return v, false, true
	}
	ck, err := p.env.Cookie(r, web.PortalCookie)
	if err != nil || ck.Value == "" {
		return nil, false, false
	}
	t := web.TenantFrom(r.Context())
	s, ct, ms, err := session.LookupContact(r.Context(), p.env.DB, t.ID, ck.Value, p.env.Now())
	if err != nil {
		return nil, errors.Is(err, db.ErrNotFound), false
	}
	v, ok = newVisit(t, ct, ms, s.CompanyID, s.ID)
	if ok {
		v.readMarks = s.ContactReadMarks
	}
	return v, !ok, ok
}

// visitOf builds the visit of a contact acting for companyID in a preview; false when
// the contact no longer has active access to that company.
func (p *Portal) visitOf(ctx context.Context, t tenant.Tenant, contactID, companyID, sessionID int64) (*visit, bool) {
	ct, ms, err := contact.WithActiveMemberships(ctx, p.env.DB, t.ID, contactID)
	if err != nil {
		return nil, false
	}
	return newVisit(t, ct, ms, companyID, sessionID)
}

// newVisit is the visit of contact ct acting for companyID with its active memberships
// ms; false when companyID is not among them (access revoked meanwhile).
func newVisit(t tenant.Tenant, ct contact.Contact, ms []contact.Membership, companyID, sessionID int64) (*visit, bool) {
	v := &visit{Contact: ct, Tenant: t, Companies: ms, readMarks: -1}
	for _, m := range ms {
		if m.CompanyID == companyID {
			v.Company = m
		}
	}
	if v.Company.ID == 0 { // access to the session's company was revoked meanwhile
		return nil, false
	}
	v.P = principal.Contact{TenantID: t.ID, ContactID: ct.ID, CompanyID: v.Company.CompanyID,
		Role: v.Company.Role, SessionID: sessionID}
	return v, v.P.Valid()
}

// chrome builds the page frame for a logged-in contact.
func (v *visit) chrome(r *http.Request, titleID, current string) web.Chrome {
	ctx := r.Context()
	c := web.Chrome{
		Title: i18n.T(ctx, titleID), BrandName: v.Tenant.TitleIn(i18n.From(ctx).Lang), BrandHref: "/", LogoURL: v.Tenant.LogoURL(),
		User: v.Contact.Name(), LogoutAction: "/logout", SwitchAction: "/company", LangAction: "/settings/language",
	}
	nav := []struct{ key, id, href string }{
		{"home", "portal.nav.home", "/"},
		{"company", "portal.nav.company", "/companies/" + strconv.FormatInt(v.P.CompanyID, 10)},
	}
	for _, m := range moduleNav {
		if v.Tenant.HasModule(m.module) {
			nav = append(nav, struct{ key, id, href string }{m.module, "portal.nav." + m.module, m.href})
		}
	}
	if v.P.IsMain() { // colleague management is for main contacts only
		nav = append(nav, struct{ key, id, href string }{"colleagues", "portal.nav.colleagues", "/colleagues"})
	}
	nav = append(nav, struct{ key, id, href string }{"account", "portal.nav.account", "/account"},
		struct{ key, id, href string }{"settings", "portal.nav.settings", "/settings"})
	for _, n := range nav {
		c.Nav = append(c.Nav, web.NavItem{Label: i18n.T(ctx, n.id), Href: n.href, Current: current == n.key})
	}
	for _, m := range v.Companies {
		c.Companies = append(c.Companies, web.Choice{Value: strconv.FormatInt(m.CompanyID, 10),
			Label: m.CompanyName, Selected: m.CompanyID == v.P.CompanyID})
	}
	c.SetFlash(ctx, v.flash)
	if v.flash == switchedFlash { // names the company the page is in now (ticket_switch.go)
		c.Flash = i18n.T(ctx, switchedFlash, map[string]any{"Company": v.Company.CompanyName})
	}
	v.previewChrome(ctx, &c)
	return c
}

// moduleNav are the navigation entries of modules, shown when the tenant uses them.
var moduleNav = []struct{ module, href string }{
	{"helpdesk", "/tickets"}, {"knowledge", "/kb"}, {"downloads", "/downloads"},
}

// guestChrome is the frame of pages without login.
func guestChrome(r *http.Request, titleID string) web.Chrome {
	t := web.TenantFrom(r.Context())
	return web.Chrome{Title: i18n.T(r.Context(), titleID), BrandName: t.TitleIn(i18n.From(r.Context()).Lang), BrandHref: "/", LangAction: "/language",
		LogoURL: t.LogoURL()}
}
