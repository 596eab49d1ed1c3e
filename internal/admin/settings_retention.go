package admin

import (
	"net/http"
	"strconv"

	"pforte/internal/retention"
	"pforte/internal/web"
)

// retentionPath is the page of the retention rules (admins only).
const retentionPath = "/admin/settings/retention"

// retentionForm shows how long the tenant keeps its logs and mail copies.
func (a *Admin) retentionForm(w http.ResponseWriter, r *http.Request, v *visit) {
	rules, err := retention.Get(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	f := web.NewForm()
	for i, d := range rules.Days() {
		f.Set(retention.Fields[i], strconv.Itoa(d))
	}
	web.Render(w, r, http.StatusOK, retentionPage(v.chrome(r, "retention.title"), f))
}
