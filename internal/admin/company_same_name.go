package admin

import (
	"errors"
	"net/http"
	"strings"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/web"
)

// checkSameName asks before a second company of the same name is created: staff
// usually meant the existing one (a duplicate splits its contacts and tickets in
// two). The error names it with a link; ticking "create anyway" (same_name_ok) lets a
// real namesake through. A rename asks the same (exceptID is the renamed company).
func (a *Admin) checkSameName(r *http.Request, v *visit, f *web.Form, exceptID int64) error {
	other, err := company.SameName(r.Context(), a.env.DB, v.P.TenantID, f.Get("name"), exceptID)
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

// renamed reports whether the typed name differs from the stored one other than in
// case or surrounding spaces (only a real rename can meet a namesake).
func renamed(stored, typed string) bool {
	return strings.ToLower(strings.TrimSpace(stored)) != strings.ToLower(strings.TrimSpace(typed))
}
