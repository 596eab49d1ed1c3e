package admin

import (
	"net/http"
	"strconv"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// helpdeskRulesSave stores whether contacts may reopen resolved and closed tickets,
// the largest attachment, in MB (1 to tenant.MaxUploadMB), and whether openers are
// asked to rate resolved tickets.
func (a *Admin) helpdeskRulesSave(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	rules := tenant.TicketRules{Reopen: f.Get("reopen") == "1", Ratings: f.Get("ratings") == "1",
		TimeBillable: f.Get("time_billable") == "1", TimePortal: f.Get("time_portal") == "1"}
	if f.Err == "" {
		mb, err := strconv.Atoi(f.Get("upload_mb"))
		if err != nil || mb < 1 || mb > tenant.MaxUploadMB {
			f.Errors.Add("upload_mb", "tickets_admin.error.upload_mb", map[string]any{"Max": tenant.MaxUploadMB})
		}
		rules.UploadLimitMB = mb
	}
	if f.Invalid() {
		a.renderHelpdesk(w, r, v, "rules", f, http.StatusUnprocessableEntity)
		return
	}
	what := "helpdesk rules: reopen " + strconv.FormatBool(rules.Reopen) + ", attachments " + strconv.Itoa(rules.UploadLimitMB) + " MB" +
		", ratings " + strconv.FormatBool(rules.Ratings) + ", time billable " + strconv.FormatBool(rules.TimeBillable) +
		", time in portal " + strconv.FormatBool(rules.TimePortal)
	a.helpdeskSave(w, r, v, what, func(tx *db.Tx) error {
		return tenant.SetTicketRules(r.Context(), tx, v.P.TenantID, rules)
	})
}
