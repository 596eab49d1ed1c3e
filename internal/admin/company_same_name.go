package admin

import (
	"errors"
	"net/http"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/web"
)

// checkSameName asks before a second company of the same name is created: staff
// usually meant the existing one (a duplicate splits its contacts and tickets in
// two). The error names it with a link; ticking "create anyway" (same_name_ok) lets a
// real namesake through.
func (a *Admin) checkSameName(r *http.Request, v *visit, f *web.Form) error {
	other, err := company.ByName(r.Context(), a.env.DB, v.P.TenantID, f.Get("name"))
	if errors.Is(err, db.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	f.Errors.Add("name", "admin.companies.same_name", map[string]any{"Name": other.Name})
	f.Set("same_name_id", itoa(other.ID))
	return nil
}
