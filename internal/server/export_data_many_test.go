package server_test

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// TestExportManyTickets: a contact with thousands of tickets gets all of them, and the
// export streams them in batches: the server's heap grows by a fraction of the file
// while it is sent (the whole export in memory would take more than the file itself).
func TestExportManyTickets(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		const n = 3000
		d := newDesk(t, e)
		ctx := context.Background()
		body := strings.Repeat("Der Drucker im zweiten Stock zeigt wieder Fehler 42. ", 40) // ~2 KB
		start := time.Now().Add(-time.Hour)
		if err := d.env.DB.InTx(ctx, func(tx *db.Tx) error {
			for i := range n {
				if _, err := ticket.Create(ctx, tx, ticket.New{TenantID: d.t.ID, CompanyID: d.a.ID, ContactID: d.uwe,
					Author: "Uwe", Title: "Ticket " + itoa64(int64(i)), Body: body}, start.Add(time.Duration(i)*time.Millisecond)); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		uwe := d.as("uwe@alpha.test", "uwe-password-1")

		old := debug.SetGCPercent(10) // little garbage between collections: the peak shows what is live
		defer debug.SetGCPercent(old)
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		base := ms.HeapAlloc
		var peak atomic.Uint64
		done := make(chan struct{})
		go func() {
			for {
				select {
				case <-done:
					return
				case <-time.After(2 * time.Millisecond):
					var m runtime.MemStats
					runtime.ReadMemStats(&m)
					if m.HeapAlloc > peak.Load() {
						peak.Store(m.HeapAlloc)
					}
				}
			}
		}()
		req, _ := http.NewRequest("POST", d.env.Srv.URL+"/account/export", nil)
		req.Host = "desk.test"
		req.AddCookie(&http.Cookie{Name: web.PortalCookie, Value: uwe.Cookie(web.PortalCookie)})
		began := time.Now()
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		// Read without keeping: count the file's size and its tickets (one field a line).
		cr := &countingReader{r: res.Body}
		sc := bufio.NewScanner(cr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		tickets := 0
		for sc.Scan() {
			if strings.TrimSpace(sc.Text()) == `"opened_by_you": true,` {
				tickets++
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		size, took := cr.n, time.Since(began)
		res.Body.Close()
		close(done)
		grown := int64(peak.Load()) - int64(base)
		t.Logf("%s: %d tickets, export %.1f MB in %v, heap grew by at most %.1f MB while sending", e, tickets,
			float64(size)/(1<<20), took.Round(time.Millisecond), float64(grown)/(1<<20))
		if res.StatusCode != 200 || tickets != n {
			t.Fatalf("export: %d, %d tickets", res.StatusCode, tickets)
		}
		// Built in memory, the export would hold at least the whole file (and its
		// structures besides); streamed, the heap grows by batches. Other tests of the
		// package run in the same process, so the bound leaves room for their garbage
		// (half the file was seen to be too tight on a busy machine).
		if grown > size {
			t.Errorf("heap grew by %d bytes for a %d-byte export: not streamed", grown, size)
		}
	})
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n += int64(k)
	return k, err
}
