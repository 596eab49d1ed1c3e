package admin

import (
	"net/http"

	"pforte/internal/i18n"
	"pforte/internal/staff"
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
