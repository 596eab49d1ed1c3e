package admin

import (
	"context"
	"io"
	"net/http"
	"time"

	"pforte/internal/audit"
	"pforte/internal/i18n"
	"pforte/internal/report"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// reportCSV sends the tickets opened in a period (?from=&to=, or a preset) as a CSV
// file, one row per ticket, written while it is read (report.Export), and notes the
// export in the audit log first. A period that cannot be used answers with the report
// page and its messages.
func (a *Admin) reportCSV(w http.ResponseWriter, r *http.Request, v *visit) {
	rq := reportQueryOf(r, a.env.Now(), v.Tenant.Location())
	if !rq.Ok() {
		a.renderReport(w, r, v, http.StatusUnprocessableEntity)
		return
	}
	ctx := r.Context()
	statuses, err := ticket.Statuses(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	by := v.actor(r, a.env)
	if err := audit.Log(ctx, a.env.DB, v.P.TenantID, by.Label, audit.TicketsExported,
		rq.From+" – "+rq.To, by.IP, a.env.Now()); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	out := web.CSVDownload(w, i18n.T(ctx, "reports.csv.file")+"-"+rq.From+"-"+rq.To+".csv")
	t := csvTicket{ctx: ctx, zone: v.Tenant.Location(), status: map[int64]string{}}
	for _, s := range statuses {
		t.status[s.ID] = statusName(ctx, s)
	}
	if err := writeTicketsCSV(ctx, out, t, func(fn func(report.Row) error) error {
		return report.Export(ctx, a.env.DB, v.P.TenantID, rq.Period, fn)
	}); err != nil && ctx.Err() == nil {
		// The file is under way: its status is sent, only the log can tell.
		a.env.Log.Error("report export", "tenant", v.P.TenantID, "err", err)
	}
}

// csvColumns are the message ids of the export's column headings.
var csvColumns = []string{"reports.csv.number", "reports.csv.title", "reports.csv.company", "reports.csv.opener",
	"reports.csv.category", "reports.csv.priority", "reports.csv.status", "reports.csv.channel", "reports.csv.assignee",
	"reports.csv.created", "reports.csv.first_response", "reports.csv.resolved", "reports.csv.rating"}

// writeTicketsCSV writes the file: the headings and a row per ticket export gives.
func writeTicketsCSV(ctx context.Context, w io.Writer, t csvTicket, export func(func(report.Row) error) error) error {
	return web.WriteCSV(ctx, w, csvColumns, func(write func(...string) error) error {
		return export(func(row report.Row) error { return write(t.cells(row)...) })
	})
}

// csvTicket turns export rows into cells in the reader's language.
type csvTicket struct {
	ctx    context.Context
	zone   *time.Location
	status map[int64]string
}

func (t csvTicket) cells(r report.Row) []string {
	rating := ""
	if r.Rating != "" {
		rating = i18n.T(t.ctx, "ticket_rating.value."+r.Rating)
	}
	return []string{itoa(r.ID), r.Title, r.Company, r.Opener, r.Category, priorityName(t.ctx, r.Priority),
		t.status[r.StatusID], reportChannel(t.ctx, r.Via), r.Assignee, t.when(r.Created), t.when(r.FirstResponse),
		t.when(r.Resolved), rating}
}

// when is an instant as spreadsheets read it, in the tenant's zone.
func (t csvTicket) when(at time.Time) string { return web.CSVTime(at, t.zone) }
