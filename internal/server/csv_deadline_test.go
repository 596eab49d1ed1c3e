package server_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// TestCSVExportsKeepGoingPastWriteTimeout: the server ends a response two minutes
// after its request, which cut a large audit log or report as CSV over a slow line
// in the middle, a spreadsheet silently lacking its last rows. Every CSV export — the
// audit log's, the back office's tickets and time reports, a company's ticket report
// in the portal — moves the deadline ahead as it writes, as the data export does.
func TestCSVExportsKeepGoingPastWriteTimeout(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		ctx := context.Background()
		long := strings.Repeat("Drucker im zweiten Stock druckt nur leere Seiten. ", 20) // about 1 KB a row
		var first int64
		for i := range 40 {
			id := reportTicket(t, h.env, h.ten.ID, h.acme, h.anna, strconv.Itoa(i)+" "+long, reportDay(2+i%20, 9))
			if first == 0 {
				first = id
			}
		}
		for i := range 40 {
			logTime(t, h, first, h.admin.ID, "2026-03-"+strconv.Itoa(10+i%10), 15, true, long[:ticket.TimeNoteMax])
		}
		for i := range 40 {
			if err := audit.Log(ctx, h.env.DB, h.ten.ID, "admin@hd.test", audit.TicketsExported,
				strconv.Itoa(i)+" "+long, "192.0.2.1", reportDay(5, 9)); err != nil {
				t.Fatal(err)
			}
		}
		anna := h.env.Client("hd.test")
		anna.Login("anna@acme.test", "anna-password-1")
		period := "?from=2026-03-01&to=2026-03-31"
		for _, c := range []struct {
			path, cookie, value string
		}{
			{"/admin/audit.csv", web.AdminCookie, h.staffC.Cookie(web.AdminCookie)},
			{"/admin/reports/tickets.csv" + period, web.AdminCookie, h.staffC.Cookie(web.AdminCookie)},
			{"/admin/reports/time.csv" + period, web.AdminCookie, h.staffC.Cookie(web.AdminCookie)},
			{"/tickets/report.csv" + period, web.PortalCookie, anna.Cookie(web.PortalCookie)},
		} {
			req := httptest.NewRequest("POST", c.path, nil)
			req.Host = "hd.test"
			req.AddCookie(&http.Cookie{Name: c.cookie, Value: c.value})
			rec := &deadlineRecorder{ResponseRecorder: httptest.NewRecorder()}
			start := time.Now()
			h.env.App.Handler().ServeHTTP(rec, req)
			if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv") || rec.Body.Len() < 30<<10 {
				t.Fatalf("%s: %d %s, %d bytes", c.path, rec.Code, rec.Header().Get("Content-Type"), rec.Body.Len())
			}
			t.Run(c.path, func(t *testing.T) { rec.slid(t, start, 8<<10) })
		}
	})
}
