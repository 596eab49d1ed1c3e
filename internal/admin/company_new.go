package admin

import (
	"net/http"

	"pforte/internal/web"
)

func (a *Admin) companyNew(w http.ResponseWriter, r *http.Request, v *visit) {
	web.Render(w, r, http.StatusOK, companyNewPage(v.chrome(r, "admin.companies.new"), web.NewForm()))
}
