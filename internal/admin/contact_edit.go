package admin

import (
	"net/http"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/web"
)

// contactForm fills a form from a stored contact.
func contactForm(c contact.Contact) web.Form {
	f := web.NewForm()
	for k, v := range map[string]string{"first_name": c.FirstName, "last_name": c.LastName, "email": c.Email,
		"phone": c.Phone, "language": c.Language, "external_id": c.ExternalID} {
		f.Set(k, v)
	}
	return f
}

// contactShow shows a contact with the edit form, their companies with portal access,
// and a search to add them to another company (?company_q=…).
func (a *Admin) contactShow(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := a.loadContact(w, r, v)
	if ok {
		a.renderContact(w, r, v, c, contactForm(c), http.StatusOK)
	}
}

func (a *Admin) loadContact(w http.ResponseWriter, r *http.Request, v *visit) (contact.Contact, bool) {
	return loadByPath(a, w, r, v, contact.Get)
}

func (a *Admin) renderContact(w http.ResponseWriter, r *http.Request, v *visit, c contact.Contact, f web.Form, status int) {
	ms, err := contact.MembershipsOfContact(r.Context(), a.env.DB, v.P.TenantID, c.ID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	cs := companySearch{Q: r.URL.Query().Get("company_q")}
	if cs.Q != "" {
		if cs.Found, cs.More, err = company.List(r.Context(), a.env.DB, v.P.TenantID, company.ListParams{Search: cs.Q, Limit: companySearchMax}); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	notify, err := contact.GetNotifications(r.Context(), a.env.DB, v.P.TenantID, c.ID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	chrome := v.chrome(r, "admin.contacts.title")
	chrome.Title = displayName(c)
	var opened contactOpened
	if usesHelpdesk(v.Tenant) {
		if opened, err = a.loadContactOpened(r.Context(), v.P.TenantID, c.ID); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	support, err := a.loadContactSupport(r, v, c)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	rows, err := a.memberRows(r.Context(), v.P.TenantID, ms) // downgradeConfirm
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, status, contactPage(chrome, c, f, rows, cs, usesHelpdesk(v.Tenant), notify, opened, support))
}
