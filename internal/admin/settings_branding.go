package admin

import (
	"net/http"

	"pforte/internal/tenant"
	"pforte/internal/web"
)

// brandingForm shows the portal's branding: title and welcome text on the login page
// (with their texts per language), heading of the company chooser, and the logo. Read fresh, not from the cached tenant.
func (a *Admin) brandingForm(w http.ResponseWriter, r *http.Request, v *visit) {
	t, err := tenant.Get(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	f := web.NewForm()
	f.Set("title", t.Brand.Title)
	f.Set("welcome", t.Brand.Welcome)
	f.Set("chooser", t.Brand.Chooser)
	f.Set("support_phone", t.Brand.Support.Phone)
	f.Set("support_email", t.Brand.Support.Email)
	f.Set("support_hours", t.Brand.Support.Hours)
	setBrandTexts(f, t.Brand.Texts)
	web.Render(w, r, http.StatusOK, brandingPage(v.chrome(r, "branding.title"), f, t))
}
