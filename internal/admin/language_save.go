package admin

import (
	"net/http"

	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/web"
)

// languageSave stores the staff member's language from the header picker.
func (a *Admin) languageSave(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	lang := f.Get("language")
	if !i18n.Supported(lang) {
		a.env.NotFound(w, r)
		return
	}
	if err := staff.SetLanguage(r.Context(), a.env.DB, v.P.TenantID, v.P.StaffID, lang); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, web.BackTo(r, "/admin/"), http.StatusSeeOther)
}
