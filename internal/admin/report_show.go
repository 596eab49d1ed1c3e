package admin

import (
	"net/http"

	"pforte/internal/report"
	"pforte/internal/web"
)

// reportView is the report page: the period as asked for and, when it could be
// counted, its figures.
type reportView struct {
	Query   reportQuery
	Figures *report.Figures
	// Time is the time logged in the period per company (report_time.go).
	Time []report.CompanyTime
}

// reportShow shows the helpdesk's figures for a period (report.Compute). Dates that
// cannot be used show the chooser again with the message beside the field and what
// was typed.
func (a *Admin) reportShow(w http.ResponseWriter, r *http.Request, v *visit) {
	a.renderReport(w, r, v, http.StatusOK)
}

// renderReport answers with the report page for the request's period; status is for
// a period that cannot be counted.
func (a *Admin) renderReport(w http.ResponseWriter, r *http.Request, v *visit, status int) {
	rq := reportQueryOf(r, a.env.Now(), v.Tenant.Location())
	view := reportView{Query: rq}
	if rq.Ok() {
		f, err := report.Compute(r.Context(), a.env.DB, v.P.TenantID, rq.Period, a.env.Now())
		if err != nil {
			a.env.Fail(w, r, err)
			return
		}
		view.Figures, status = &f, http.StatusOK
		if view.Time, err = report.TimeByCompany(r.Context(), a.env.DB, v.P.TenantID, rq.Period); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	web.Render(w, r, status, reportPage(v.chrome(r, "reports.title"), view))
}
