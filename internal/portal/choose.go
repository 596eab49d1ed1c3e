package portal

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/i18n"
	"pforte/internal/session"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// chooseForm is the company chooser a contact with several companies sees after login.
// The company of the session — the one chosen last time — is preselected. A contact
// with one company has nothing to choose and goes on at once.
func (p *Portal) chooseForm(w http.ResponseWriter, r *http.Request, v *visit) {
	next := web.LocalPath(r.URL.Query().Get("next"), "/")
	if len(v.Companies) < 2 {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	f := web.NewForm()
	f.Set("company_id", strconv.FormatInt(v.P.CompanyID, 10))
	f.Set("next", next)
	p.renderChooser(w, r, v, f, http.StatusOK)
}

func (p *Portal) renderChooser(w http.ResponseWriter, r *http.Request, v *visit, f web.Form, status int) {
	list, err := company.ChoicesFor(r.Context(), p.env.DB, v.P)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, status, choosePage(v.chrome(r, "choose.title", ""), v.Tenant, list, f))
}

// landing is where a contact goes right after login: the page asked for (a deep link)
// in the company the session started in, else the chooser when there is a choice to
// make, else home.
func (p *Portal) landing(ctx context.Context, tenantID, contactID int64, next string) string {
	if next = web.LocalPath(next, "/"); next != "/" {
		return next
	}
	ms, err := contact.MembershipsOfContact(ctx, p.env.DB, tenantID, contactID)
	if err != nil {
		return "/" // home works without the chooser; the session is already open
	}
	active := 0
	for _, m := range ms {
		if m.Usable() { // archived companies are not offered
			active++
		}
	}
	if active > 1 {
		return "/choose"
	}
	return "/"
}

// chooserHeading is the tenant's own heading for the chooser, or the default text.
func chooserHeading(ctx context.Context, t tenant.Tenant) string {
	if s := t.ChooserIn(i18n.From(ctx).Lang); s != "" {
		return s
	}
	return i18n.T(ctx, "choose.heading")
}

// landingFor is landing for sign-ins that hold only the new session (second step,
// passkey): the session names the contact.
func (p *Portal) landingFor(ctx context.Context, tenantID int64, raw, next string) string {
	s, err := session.Lookup(ctx, p.env.DB, tenantID, raw, time.Now())
	if err != nil {
		return web.LocalPath(next, "/") // the session is open; home works without the chooser
	}
	return p.landing(ctx, tenantID, s.ContactID, next)
}
