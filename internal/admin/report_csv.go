package admin

import (
	"context"
	"encoding/csv"
	"io"
	"net/http"
	"strings"
	"time"

	"pforte/internal/audit"
	"pforte/internal/filestore"
	"pforte/internal/i18n"
	"pforte/internal/report"
	"pforte/internal/ticket"
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
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", filestore.Disposition(i18n.T(ctx, "reports.csv.file")+"-"+rq.From+"-"+rq.To+".csv"))
	h.Set("Cache-Control", "no-store")
	t := csvTicket{ctx: ctx, zone: v.Tenant.Location(), status: map[int64]string{}}
	for _, s := range statuses {
		t.status[s.ID] = statusName(ctx, s)
	}
	if err := writeTicketsCSV(ctx, w, t, func(fn func(report.Row) error) error {
		return report.Export(ctx, a.env.DB, v.P.TenantID, rq.Period, fn)
	}); err != nil && ctx.Err() == nil {
		// The file is under way: its status is sent, only the log can tell.
		a.env.Log.Error("report export", "tenant", v.P.TenantID, "err", err)
	}
}

// csvColumns are the export's columns (message ids of their headings).
var csvColumns = []string{"number", "title", "company", "opener", "category", "priority", "status", "channel",
	"assignee", "created", "first_response", "resolved", "rating"}

// writeTicketsCSV writes the byte-order mark Excel needs to read UTF-8, the header in
// the reader's language and a row per ticket export gives.
func writeTicketsCSV(ctx context.Context, w io.Writer, t csvTicket, export func(func(report.Row) error) error) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = csvComma(ctx)
	head := make([]string, len(csvColumns))
	for i, c := range csvColumns {
		head[i] = i18n.T(ctx, "reports.csv."+c)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	err := export(func(row report.Row) error { return cw.Write(t.cells(row)) })
	cw.Flush()
	if err != nil {
		return err
	}
	return cw.Error()
}

// csvComma is the separator the reader's spreadsheet expects: Excel splits on the
// list separator of the system's region, a semicolon where numbers are written with
// a decimal comma (German, French, …), a comma elsewhere.
func csvComma(ctx context.Context) rune {
	if strings.Contains(i18n.From(ctx).Number(1.5), ",") {
		return ';'
	}
	return ','
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
	cells := []string{itoa(r.ID), r.Title, r.Company, r.Opener, r.Category, priorityName(t.ctx, r.Priority),
		t.status[r.StatusID], reportChannel(t.ctx, r.Via), r.Assignee, t.when(r.Created), t.when(r.FirstResponse),
		t.when(r.Resolved), rating}
	for i, c := range cells {
		cells[i] = csvSafe(c)
	}
	return cells
}

// when is an instant as spreadsheets read it, in the tenant's zone; empty for none.
func (t csvTicket) when(at time.Time) string {
	if at.IsZero() {
		return ""
	}
	return at.In(t.zone).Format("2006-01-02 15:04")
}

// csvSafe keeps a spreadsheet from taking a cell for a formula (CSV injection): text
// starting with = + - @ (or a tab or carriage return, which some programs skip before
// one) gets a leading apostrophe, which Excel and LibreOffice show as text.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
