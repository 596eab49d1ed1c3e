package admin

import (
	"net/http"

	"pforte/internal/web"
)

// dashboard is the back office's start page: the queues of the day (the inbox, the
// reader's tickets, unassigned ones, requests to decide), then the other areas.
func (a *Admin) dashboard(w http.ResponseWriter, r *http.Request, v *visit) {
	share, err := a.ratingShare(r, v)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	overdue, err := a.overdueCount(r, v) // dashboard_sla.go
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	counts, err := a.dayCountsOf(r, v) // dashboard_counts.go
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	steps, err := a.firstStepsOf(r, v) // first_steps.go
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, http.StatusOK, dashboardPage(v.chrome(r, "admin.dashboard.title"), v, share, overdue, counts, steps))
}
