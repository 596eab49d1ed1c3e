package jobs_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/jobs"
	"pforte/internal/testutil"
)

func TestClaimOnce(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		for i := range 200 {
			if err := jobs.Enqueue(ctx, d, 1, "k", int64(i), now); err != nil {
				t.Fatal(err)
			}
		}
		var mu sync.Mutex
		seen := map[int64]int{}
		var wg sync.WaitGroup
		for w := range 6 {
			wg.Go(func() {
				for {
					j, ok, err := jobs.Claim(ctx, d, string(rune('a'+w)), time.Now(), time.Minute)
					if err != nil {
						t.Error(err)
						return
					}
					if !ok {
						return
					}
					mu.Lock()
					seen[j.RefID]++
					mu.Unlock()
					jobs.Complete(ctx, d, j.ID, time.Now())
				}
			})
		}
		wg.Wait()
		if len(seen) != 200 {
			t.Fatalf("claimed %d distinct jobs", len(seen))
		}
		for ref, n := range seen {
			if n != 1 {
				t.Errorf("job %d claimed %d times", ref, n)
			}
		}
		if n, _ := jobs.Depth(ctx, d); n != 0 {
			t.Errorf("depth %d", n)
		}
	})
}

func TestRetryAndLease(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now()
		jobs.Enqueue(ctx, d, 1, "k", 7, now)
		j, ok, _ := jobs.Claim(ctx, d, "w", now, time.Minute)
		if !ok {
			t.Fatal("nothing claimed")
		}
		if _, ok, _ := jobs.Claim(ctx, d, "w2", now, time.Minute); ok {
			t.Fatal("leased job claimed twice")
		}
		// The worker died: after the lease the job is due again.
		j2, ok, _ := jobs.Claim(ctx, d, "w2", now.Add(2*time.Minute), time.Minute)
		if !ok || j2.ID != j.ID || j2.Attempts != 2 {
			t.Fatalf("expired lease not reclaimed: %+v %v", j2, ok)
		}
		jobs.Fail(ctx, d, j2, errors.New("smtp down"), now)
		if _, ok, _ := jobs.Claim(ctx, d, "w", now.Add(10*time.Second), time.Minute); ok {
			t.Fatal("retried before backoff")
		}
		j3, ok, _ := jobs.Claim(ctx, d, "w", now.Add(jobs.Backoff(2)+time.Second), time.Minute)
		if !ok || j3.Attempts != 3 {
			t.Fatalf("not retried after backoff")
		}
		j3.Attempts = jobs.MaxAttempts
		jobs.Fail(ctx, d, j3, errors.New("still down"), now)
		var state, last string
		d.QueryRow(ctx, `SELECT state, last_error FROM jobs WHERE id = ?`, j.ID).Scan(&state, &last)
		if state != jobs.StateFailed || last != "still down" {
			t.Errorf("state %q error %q", state, last)
		}
	})
}

func TestBackoff(t *testing.T) {
	if jobs.Backoff(1) != 30*time.Second || jobs.Backoff(2) != time.Minute || jobs.Backoff(20) != time.Hour {
		t.Error("backoff schedule")
	}
}
