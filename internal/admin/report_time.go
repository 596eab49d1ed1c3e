package admin

import (
	"context"
	"encoding/csv"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"pforte/internal/audit"
	"pforte/internal/filestore"
	"pforte/internal/i18n"
	"pforte/internal/report"
)

// timeCSVPath is the CSV file of the period's time entries.
func (rq reportQuery) timeCSVPath() string {
	return "/admin/reports/time.csv?" + url.Values{"from": {rq.From}, "to": {rq.To}}.Encode()
}

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
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", filestore.Disposition(i18n.T(ctx, "time_tracking.csv.file")+"-"+rq.From+"-"+rq.To+".csv"))
	h.Set("Cache-Control", "no-store")
	if err := writeTimeCSV(ctx, w, func(fn func(report.TimeRow) error) error {
		return report.ExportTime(ctx, a.env.DB, v.P.TenantID, rq.Period, fn)
	}); err != nil && ctx.Err() == nil {
		a.env.Log.Error("report time export", "tenant", v.P.TenantID, "err", err)
	}
}

// timeCSVColumns are the time export's columns (message ids of their headings).
var timeCSVColumns = []string{"date", "company", "number", "title", "staff", "minutes", "billable", "note"}

// writeTimeCSV writes the byte-order mark, the header in the reader's language and a
// row per entry export gives. Minutes stay whole numbers, so any spreadsheet sums them.
func writeTimeCSV(ctx context.Context, w io.Writer, export func(func(report.TimeRow) error) error) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = csvComma(ctx)
	head := make([]string, len(timeCSVColumns))
	for i, c := range timeCSVColumns {
		head[i] = i18n.T(ctx, "time_tracking.csv."+c)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	yes, no := i18n.T(ctx, "time_tracking.csv.yes"), i18n.T(ctx, "time_tracking.csv.no")
	err := export(func(e report.TimeRow) error {
		billable := no
		if e.Billable {
			billable = yes
		}
		cells := []string{e.Date, e.Company, itoa(e.TicketID), e.Title, e.Staff, strconv.Itoa(e.Minutes), billable, e.Note}
		for i, c := range cells {
			cells[i] = csvSafe(c)
		}
		return cw.Write(cells)
	})
	cw.Flush()
	if err != nil {
		return err
	}
	return cw.Error()
}
