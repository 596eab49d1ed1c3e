package ticket_test

import (
	"context"
	"sync"
	"testing"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestAutoConcurrentInstances: two instances on one database (two connection pools,
// as two pforte processes have), each running two passes at once over the same due
// tickets, close and remind every ticket exactly once: one history entry and one mail
// each, and the counts of all passes add up to the tickets.
func TestAutoConcurrentInstances(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		instances := testutil.Instances(t, e, 2)
		w := newAutoWorld(t, instances[0], "twice", ticket.Automation{CloseDays: 1, RemindDays: 1, ResolveDays: 1})
		const n = 30
		var resolved, waiting []int64
		for range n {
			r, wt := w.open(t, "Resolved"), w.open(t, "Waiting")
			w.move(t, r, ticket.CodeResolved, 0)
			w.move(t, wt, ticket.CodeWaiting, 0)
			resolved, waiting = append(resolved, r), append(waiting, wt)
		}

		var mu sync.Mutex
		var total ticket.Swept
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range 4 {
			d := instances[i%2]
			wg.Go(func() {
				<-start
				sw, err := ticket.Automate(ctx, d, w.at(1.5), func(tenant.Tenant) string { return "https://portal.test" })
				if err != nil {
					t.Error(err)
				}
				mu.Lock()
				total.Closed, total.Reminded, total.Resolved = total.Closed+sw.Closed, total.Reminded+sw.Reminded, total.Resolved+sw.Resolved
				mu.Unlock()
			})
		}
		close(start)
		wg.Wait()
		if total != (ticket.Swept{Closed: n, Reminded: n}) {
			t.Errorf("passes took %+v, want %d closed and %d reminded", total, n, n)
		}
		for _, id := range resolved {
			if got := count(w.events(t, id), ticket.EventAutoClosed); got != 1 || w.get(t, id).Status.Code != ticket.CodeClosed {
				t.Errorf("ticket %d: closed %d times", id, got)
			}
			if got := len(w.mails(t, id)); got != 1 {
				t.Errorf("ticket %d: %d mails", id, got)
			}
		}
		for _, id := range waiting {
			if got := count(w.events(t, id), ticket.EventReminded); got != 1 {
				t.Errorf("ticket %d: reminded %d times", id, got)
			}
			if got := len(w.mails(t, id)); got != 1 {
				t.Errorf("ticket %d: %d mails", id, got)
			}
		}
	})
}
