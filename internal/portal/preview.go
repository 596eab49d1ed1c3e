package portal

import (
	"context"
	"net/http"
	"strconv"

	"pforte/internal/access"
	"pforte/internal/audit"
	"pforte/internal/contact"
	"pforte/internal/i18n"
	"pforte/internal/session"
	"pforte/internal/staff"
	"pforte/internal/web"
)

// previewEndPath is the one unsafe request a preview may make.
const previewEndPath = "/preview/end"

// resolvePreview turns a live preview cookie into the visit of the previewed contact in
// the previewed company. The contact's access to that company must still be active:
// revoking it ends what staff can see as well.
func (p *Portal) resolvePreview(r *http.Request) (*visit, bool) {
	ck, err := p.env.Cookie(r, web.PreviewCookie)
	if err != nil || ck.Value == "" {
		return nil, false
	}
	ctx := r.Context()
	t := web.TenantFrom(ctx)
	pv, err := session.LookupPreview(ctx, p.env.DB, t.ID, ck.Value, p.env.Now())
	if err != nil {
		return nil, false
	}
	v, ok := p.visitOf(ctx, t, pv.ContactID, pv.CompanyID, pv.ID)
	if ok {
		v.Preview = pv
	}
	return v, ok
}

// previewChrome marks every page of a preview: the banner names contact and company and
// offers the way out; the controls that would change something (company and language
// switchers, logout) are left out, since they would only be refused.
func (v *visit) previewChrome(ctx context.Context, c *web.Chrome) {
	if v.Preview.ID == 0 {
		return
	}
	c.Banner = i18n.T(ctx, "preview.banner", map[string]any{"Contact": v.Contact.Name(), "Company": v.Company.CompanyName})
	c.BannerAction = previewEndPath
	c.BannerButton = i18n.T(ctx, "preview.end")
	c.Companies = nil
	c.LangAction = ""
	c.User = ""
}

// readOnly wraps the portal's routes so that, during a preview, every unsafe request
// except ending the preview is refused with a friendly 403 page before its handler runs.
// Guarding the route table (rather than each handler) means a route added later is
// read-only in a preview without anyone remembering to make it so.
func (p *Portal) readOnly(routes []web.Route) []web.Route {
	for i, rt := range routes {
		if rt.Pattern == "POST "+previewEndPath {
			continue
		}
		next := rt.Handler
		routes[i].Handler = func(w http.ResponseWriter, r *http.Request) {
			switch r.Method {
			case http.MethodGet, http.MethodHead, http.MethodOptions:
			default:
				if v, ok := p.resolvePreview(r); ok {
					p.refusePreview(w, r, v)
					return
				}
			}
			next(w, r)
		}
	}
	return routes
}

// refusePreview answers an unsafe request during a preview, inside the preview's frame.
func (p *Portal) refusePreview(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := i18n.With(r.Context(), i18n.For(web.PersonLanguage(r, v.Tenant, v.Contact.Language)))
	r = r.WithContext(ctx)
	r = r.WithContext(web.WithChrome(ctx, func(id string) web.Chrome { return v.chrome(r, id, "") }))
	web.Render(w, r, http.StatusForbidden, web.ErrorPage("preview.refused.title", "preview.refused.text"))
}

// previewEnd ends the preview, logs it, and returns to the contact's page in the back
// office. Without a live preview it just clears the cookie and goes to the back office.
func (p *Portal) previewEnd(w http.ResponseWriter, r *http.Request) {
	ck, err := p.env.Cookie(r, web.PreviewCookie)
	p.env.ClearCookie(w, r, web.PreviewCookie)
	if err != nil || ck.Value == "" {
		http.Redirect(w, r, "/admin/", http.StatusSeeOther)
		return
	}
	ctx := r.Context()
	t := web.TenantFrom(ctx)
	pv, err := session.EndPreview(ctx, p.env.DB, t.ID, ck.Value)
	if err != nil {
		http.Redirect(w, r, "/admin/", http.StatusSeeOther)
		return
	}
	m, err := staff.Get(ctx, p.env.DB, t.ID, pv.StaffID)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	ct, err := contact.Get(ctx, p.env.DB, t.ID, pv.ContactID)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	target := access.ContactActor(ct.ID, ct.Email) + " · company:" + strconv.FormatInt(pv.CompanyID, 10)
	if err := audit.Log(ctx, p.env.DB, t.ID, access.StaffActor(m.ID, m.Email), audit.PreviewEnded, target,
		p.env.ClientIP(r), p.env.Now()); err != nil {
		p.env.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/contacts/"+strconv.FormatInt(ct.ID, 10), http.StatusSeeOther)
}
