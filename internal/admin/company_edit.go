package admin

import (
	"net/http"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/twofactor"
	"pforte/internal/web"
)

// companyFromForm reads the company fields of a form; kept are the company's stored
// mail domains (none for a new company), which keep a "www." they came with.
func companyFromForm(f web.Form, kept []string) company.Company {
	return company.Company{Name: f.Get("name"), CustomerNumber: f.Get("customer_number"),
		EmailDomains: company.WithoutWWW(f.Get("email_domains"), kept), Street: f.Get("street"), PostalCode: f.Get("postal_code"),
		City: f.Get("city"), Country: f.Get("country"), ExternalID: f.Get("external_id")}
}

// companyForm fills a form from a stored company.
func companyForm(c company.Company) web.Form {
	f := web.NewForm()
	for k, v := range map[string]string{"name": c.Name, "customer_number": c.CustomerNumber,
		"email_domains": c.EmailDomains, "street": c.Street, "postal_code": c.PostalCode, "city": c.City,
		"country": c.Country, "external_id": c.ExternalID} {
		f.Set(k, v)
	}
	return f
}

// companyShow shows a company with its edit form and its contacts.
func (a *Admin) companyShow(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := a.loadCompany(w, r, v)
	if ok {
		a.renderCompany(w, r, v, c, companyForm(c), http.StatusOK)
	}
}

func (a *Admin) loadCompany(w http.ResponseWriter, r *http.Request, v *visit) (company.Company, bool) {
	return loadByPath(a, w, r, v, company.Get)
}

func (a *Admin) renderCompany(w http.ResponseWriter, r *http.Request, v *visit, c company.Company, f web.Form, status int) {
	a.renderCompanyWith(w, r, v, c, f, web.Form{}, web.NewForm(), status)
}

// renderCompanyWith shows the company page with the details form f and the internal
// note's form nf (kept as typed when it was refused; nil Values: the stored note) and
// the contacts' bulk grant form bulk (companyGrant).
func (a *Admin) renderCompanyWith(w http.ResponseWriter, r *http.Request, v *visit, c company.Company, f, nf, bulk web.Form, status int) {
	members, err := contact.MembershipsOfCompany(r.Context(), a.env.DB, v.P.TenantID, c.ID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	chrome := v.chrome(r, "admin.companies.title")
	chrome.Title = c.Name
	if text, notice, ok := grantedMessage(r, members); ok && chrome.Flash == "" && r.Method == http.MethodGet {
		chrome.Flash, chrome.FlashNotice = text, notice
	}
	twoFactor, err := twofactor.CompanyRequires(r.Context(), a.env.DB, v.P.TenantID, c.ID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	note, err := company.GetNote(r.Context(), a.env.DB, v.P.TenantID, c.ID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if c.Archived() {
		if err := archiveBanner(r, &chrome, a, v, c); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	if nf.Values == nil {
		nf = web.NewForm()
		nf.Set("note", note.Text)
	}
	rows, err := a.memberRows(r.Context(), v.P.TenantID, members) // downgradeConfirm
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	page := companyPage(chrome, c, f, rows, twoFactor, usesHelpdesk(v.Tenant), companyNoteView{Note: note, Form: nf}, bulk)
	web.Render(w, r, status, page)
}
