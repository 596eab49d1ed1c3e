package admin

import (
	"net/http"
	"strconv"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/principal"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// contactFromForm reads the contact fields of a form.
func contactFromForm(f web.Form) contact.Contact {
	return contact.Contact{FirstName: f.Get("first_name"), LastName: f.Get("last_name"), Email: f.Get("email"),
		Phone: f.Get("phone"), Language: f.Get("language"), ExternalID: f.Get("external_id")}
}

// contactNew shows the form for a new contact; with ?company_id the contact is created
// as a member of that company.
func (a *Admin) contactNew(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.NewForm()
	f.Set("role", principal.RoleUser)
	var co company.Company
	if id, err := strconv.ParseInt(r.URL.Query().Get("company_id"), 10, 64); err == nil {
		if co, err = company.Get(r.Context(), a.env.DB, v.P.TenantID, id); err != nil {
			a.env.Fail(w, r, err)
			return
		}
		if co.Archived() { // nothing new is filed under an archived company
			a.env.FlashError(w, r, "company_archive.refused", "/admin/companies/"+itoa(co.ID))
			return
		}
		f.Set("company_id", itoa(co.ID))
	}
	web.Render(w, r, http.StatusOK, contactNewPage(v.chrome(r, "admin.contacts.new"), f, co, v.Tenant.Has(tenant.FeatureWelcomeMail)))
}
