package admin

import (
	"net/http"
	"time"

	"pforte/internal/report"
)

// reportQuery is the period a report was asked for (report.Query), with the back
// office's addresses.
type reportQuery struct{ report.Query }

// reportQueryOf reads the period of the request (report.QueryOf).
func reportQueryOf(r *http.Request, now time.Time, zone *time.Location) reportQuery {
	return reportQuery{report.QueryOf(r.URL.Query(), now, zone)}
}

// csvPath is the address of the period's CSV export.
func (rq reportQuery) csvPath() string { return "/admin/reports/tickets.csv?" + rq.Dates() }
