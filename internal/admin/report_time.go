package admin

import (
	"context"
	"io"
	"net/http"
	"strconv"

	"pforte/internal/audit"
	"pforte/internal/i18n"
	"pforte/internal/report"
	"pforte/internal/web"
)

// timeCSVPath is the CSV file of the period's time entries.
func (rq reportQuery) timeCSVPath() string { return "/admin/reports/time.csv?" + rq.Dates() }

// reportTimeCSV sends the time entries of a period (?from=&to=, or a preset) as a CSV
// file, one row per entry, written while it is read (report.ExportTime), and notes the
// export in the audit log first, as the tickets' export does.
func (a *Admin) reportTimeCSV(w http.ResponseWriter, r *http.Request, v *visit) {
	rq := reportQueryOf(r, a.env.Now(), v.Tenant.Location())
	if !rq.Ok() {
		a.renderReport(w, r, v, http.StatusUnprocessableEntity)
		return
	}
	ctx := r.Context()
	by := v.actor(r, a.env)
	if err := audit.Log(ctx, a.env.DB, v.P.TenantID, by.Label, audit.TimeExported,
		rq.From+" – "+rq.To, by.IP, a.env.Now()); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	out := web.CSVDownload(w, i18n.T(ctx, "time_tracking.csv.file")+"-"+rq.From+"-"+rq.To+".csv")
	if err := writeTimeCSV(ctx, out, func(fn func(report.TimeRow) error) error {
		return report.ExportTime(ctx, a.env.DB, v.P.TenantID, rq.Period, fn)
	}); err != nil && ctx.Err() == nil {
		a.env.Log.Error("report time export", "tenant", v.P.TenantID, "err", err)
	}
}

// timeCSVColumns are the message ids of the time export's column headings.
var timeCSVColumns = []string{"time_tracking.csv.date", "time_tracking.csv.company", "time_tracking.csv.number",
	"time_tracking.csv.title", "time_tracking.csv.staff", "time_tracking.csv.minutes", "time_tracking.csv.billable",
	"time_tracking.csv.note"}

// writeTimeCSV writes the headings and a row per entry export gives. Minutes stay
// whole numbers, so any spreadsheet sums them.
func writeTimeCSV(ctx context.Context, w io.Writer, export func(func(report.TimeRow) error) error) error {
	yes, no := i18n.T(ctx, "time_tracking.csv.yes"), i18n.T(ctx, "time_tracking.csv.no")
	return web.WriteCSV(ctx, w, timeCSVColumns, func(write func(...string) error) error {
		return export(func(e report.TimeRow) error {
			billable := no
			if e.Billable {
				billable = yes
			}
			return write(e.Date, e.Company, itoa(e.TicketID), e.Title, e.Staff, strconv.Itoa(e.Minutes), billable, e.Note)
		})
	})
}
