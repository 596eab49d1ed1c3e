package admin

import (
	"net/http"

	"pforte/internal/web"
)

// exportPage is web.ExportPage behind the same gate as its export (adminOnly, helpdesk,
// the two-factor setup a member still owes): the old address of a download that became
// a POST leads only those who may export to the page offering it.
func exportPage(page string) func(http.ResponseWriter, *http.Request, *visit) {
	to := web.ExportPage(page)
	return func(w http.ResponseWriter, r *http.Request, _ *visit) { to(w, r) }
}
