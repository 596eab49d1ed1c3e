package admin

import (
	"context"
	"io"
	"net/http"
	"strings"
	"time"

	"pforte/internal/audit"
	"pforte/internal/i18n"
	"pforte/internal/web"
)

// auditCSVBatch is how many entries the export reads, names and writes at a time: the
// file streams out while the log is read, in a few queries per batch.
const auditCSVBatch = 500

// auditCSVColumns are the export's headings: the columns of the log's page.
var auditCSVColumns = []string{"admin.audit.time", "admin.audit.actor", "admin.audit.action", "admin.audit.target", "admin.audit.ip"}

// auditCSV sends the entries the log's filter finds as a CSV file, newest first, as
// the page shows them: the time in the tenant's zone, the actor by name and address,
// the action and the details as sentences in the reader's language (plain text). The
// export is noted in the log first, with its filter. Dates that cannot be used answer
// with the page and their messages.
func (a *Admin) auditCSV(w http.ResponseWriter, r *http.Request, v *visit) {
	zone := v.Tenant.Location()
	aq := auditAskOf(r, zone)
	if aq.Errors.Any() {
		web.Render(w, r, http.StatusUnprocessableEntity, auditPage(v.chrome(r, "admin.audit.title"), aq, nil, false, 0))
		return
	}
	ctx := r.Context()
	by := v.actor(r, a.env)
	if err := audit.Log(ctx, a.env.DB, v.P.TenantID, by.Label, audit.AuditExported, auditCSVTarget(aq), by.IP, a.env.Now()); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	out := web.CSVDownload(w, i18n.T(ctx, "audit_export.file")+"-"+a.env.Now().In(zone).Format("2006-01-02")+".csv")
	if err := a.writeAuditCSV(ctx, out, v.P.TenantID, aq.Filter, zone); err != nil && ctx.Err() == nil {
		// The file is under way: its status is sent, only the log can tell.
		a.env.Log.Error("audit export", "tenant", v.P.TenantID, "err", err)
	}
}

// writeAuditCSV writes the file, reading the log in batches down its id index.
func (a *Admin) writeAuditCSV(ctx context.Context, w io.Writer, tenantID int64, f audit.Filter, zone *time.Location) error {
	return web.WriteCSV(ctx, w, auditCSVColumns, func(write func(...string) error) error {
		var before int64
		for {
			list, err := audit.List(ctx, a.env.DB, tenantID, f, before, auditCSVBatch)
			if err != nil || len(list) == 0 {
				return err
			}
			rows, err := a.auditRowsOf(ctx, tenantID, list)
			if err != nil {
				return err
			}
			for _, e := range rows {
				if err := write(auditCSVCells(ctx, e, zone)...); err != nil {
					return err
				}
			}
			if len(list) < auditCSVBatch {
				return nil
			}
			before = list[len(list)-1].ID
		}
	})
}

// auditCSVCells is one entry's row: what the page's columns show, as text.
func auditCSVCells(ctx context.Context, e auditRow, zone *time.Location) []string {
	actor := e.ActorEmail
	if e.ActorName != "" {
		actor = e.ActorName + " <" + e.ActorEmail + ">"
	}
	if e.ActorKind != "" {
		actor += " (" + e.ActorKind + ")"
	}
	var detail strings.Builder
	for _, p := range e.Detail {
		detail.WriteString(p.Text)
	}
	return []string{e.At.In(zone).Format("2006-01-02 15:04:05"), actor, actionLabel(ctx, e.Action), detail.String(), e.IP}
}

// auditCSVTarget names the export's filter in its log entry, in the neutral form
// entries are stored in (the address's own values, not the reader's words).
func auditCSVTarget(aq auditAsk) string {
	var parts []string
	if aq.FromText != "" || aq.ToText != "" {
		parts = append(parts, aq.FromText+" – "+aq.ToText)
	}
	if aq.Action != "" {
		parts = append(parts, "action="+aq.Action)
	}
	if aq.Query != "" {
		parts = append(parts, "q="+aq.Query)
	}
	return strings.Join(parts, ", ")
}
