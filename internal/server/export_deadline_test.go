package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// deadlineRecorder is a response that takes write deadlines, as the server's
// connections do, and remembers them.
type deadlineRecorder struct {
	*httptest.ResponseRecorder
	deadlines []time.Time
}

func (d *deadlineRecorder) SetWriteDeadline(t time.Time) error {
	d.deadlines = append(d.deadlines, t)
	return nil
}

// TestExportKeepsGoingPastWriteTimeout: the server ends a response two minutes after
// its request, which would cut a very active contact's export over a slow line in the
// middle (a cut file is no JSON). The export moves the deadline ahead as it writes,
// every piece getting web.Stall from when it is written.
func TestExportKeepsGoingPastWriteTimeout(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		uwe := d.as("uwe@alpha.test", "uwe-password-1")
		own := d.open(t, uwe, "Drucker streikt")
		long := strings.Repeat("Langer Bericht über den Drucker. ", 1500) // about 50 KB a reply
		for range 4 {
			d.staffDo(t, own, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
				_, err := ticket.AddReply(ctx, tx, tk, ticket.Reply{StaffID: d.admin.ID, Author: "Agent Ada", Body: long,
					Via: "staff"}, time.Now())
				return err
			})
		}
		req := httptest.NewRequest("POST", "/account/export", nil)
		req.Host = "desk.test"
		req.AddCookie(&http.Cookie{Name: web.PortalCookie, Value: uwe.Cookie(web.PortalCookie)})
		rec := &deadlineRecorder{ResponseRecorder: httptest.NewRecorder()}
		start := time.Now()
		d.env.App.Handler().ServeHTTP(rec, req)
		if rec.Code != 200 || !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("export: %d, %d bytes, valid JSON: %v", rec.Code, rec.Body.Len(), json.Valid(rec.Body.Bytes()))
		}
		rec.slid(t, start, 64<<10) // the export writes 32 KiB at a time
	})
}

// slid checks that the response moved its write deadline as it was written: at least
// once for every piece bytes and twice in all, each web.Stall after start or later,
// none earlier than the one before.
func (d *deadlineRecorder) slid(t *testing.T, start time.Time, piece int) {
	t.Helper()
	if len(d.deadlines) < d.Body.Len()/piece || len(d.deadlines) < 2 {
		t.Fatalf("%d write deadlines for %d bytes: the file does not move its deadline as it is written", len(d.deadlines), d.Body.Len())
	}
	for i, dl := range d.deadlines {
		if dl.Before(start.Add(web.Stall)) || (i > 0 && dl.Before(d.deadlines[i-1])) {
			t.Errorf("deadline %d at %v: not Stall ahead of its write", i, dl)
		}
	}
}
