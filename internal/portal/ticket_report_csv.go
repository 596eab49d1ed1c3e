package portal

import (
	"net/http"
	"strconv"
	"time"

	"pforte/internal/audit"
	"pforte/internal/i18n"
	"pforte/internal/report"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// reportCSVColumns are the columns of the company's ticket export (message ids of
// their headings, shared with the back office's export): what the portal's ticket
// pages show of a ticket, never who at the provider handles it or how it came in.
var reportCSVColumns = []string{"reports.csv.number", "reports.csv.title", "reports.csv.opener", "reports.csv.category",
	"reports.csv.priority", "reports.csv.status", "reports.csv.created", "reports.csv.first_response", "reports.csv.resolved"}

// ticketReportCSV sends a main contact the company's tickets opened in a period as a
// CSV file (report.ExportCompany), written while it is read, and notes the export in
// the audit log first. A period that cannot be used answers with the report page and
// its messages.
func (p *Portal) ticketReportCSV(w http.ResponseWriter, r *http.Request, v *visit) {
	if !v.P.IsMain() {
		p.env.NotFound(w, r)
		return
	}
	if v.Preview.ID != 0 { // staff previewing would export in the contact's name
		p.refusePreview(w, r, v)
		return
	}
	rq := report.QueryOf(r.URL.Query(), p.env.Now(), v.Tenant.Location())
	if !rq.Ok() {
		p.ticketReport(w, r, v)
		return
	}
	r, err := p.withNames(r, v)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	statuses, err := ticket.Statuses(ctx, p.env.DB, v.P.TenantID)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	by := v.actor(r, p.env)
	if err := audit.Log(ctx, p.env.DB, v.P.TenantID, by.Label, audit.TicketsExported,
		v.Company.CompanyName+": "+rq.From+" – "+rq.To, by.IP, p.env.Now()); err != nil {
		p.env.Fail(w, r, err)
		return
	}
	status := map[int64]string{}
	for _, s := range statuses {
		status[s.ID] = statusLabel(ctx, s)
	}
	zone := v.Tenant.Location()
	when := func(at time.Time) string { return web.CSVTime(at, zone) }
	out := web.CSVDownload(w, i18n.T(ctx, "reports.csv.file")+"-"+rq.From+"-"+rq.To+".csv")
	err = web.WriteCSV(ctx, out, reportCSVColumns, func(write func(...string) error) error {
		return report.ExportCompany(ctx, p.env.DB, v.P, rq.Period, func(t report.Row) error {
			return write(strconv.FormatInt(t.ID, 10), t.Title, t.Opener, categoryName(ctx, t.CategoryID, t.Category),
				i18n.T(ctx, "ticket.priority."+ticket.PriorityName(t.Priority)), status[t.StatusID],
				when(t.Created), when(t.FirstResponse), when(t.Resolved))
		})
	})
	if err != nil && ctx.Err() == nil {
		// The file is under way: its status is sent, only the log can tell.
		p.env.Log.Error("company report export", "tenant", v.P.TenantID, "company", v.P.CompanyID, "err", err)
	}
}
