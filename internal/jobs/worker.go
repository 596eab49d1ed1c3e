package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"pforte/internal/db"
)

// Handler performs one job. Returning an error schedules a retry.
type Handler func(ctx context.Context, j Job) error

// Worker polls the queue and runs jobs with the handler registered for their kind.
type Worker struct {
	DB       *db.DB
	ID       string // identifies this instance in locked_by
	Handlers map[string]Handler
	Workers  int           // concurrent jobs; default 4
	Poll     time.Duration // idle wait between polls; default 500 ms
	Lease    time.Duration // how long a claim is held; default 5 min
	Log      *slog.Logger
	wake     chan struct{}
	once     sync.Once
}

func (w *Worker) init() {
	w.once.Do(func() {
		w.wake = make(chan struct{}, 1)
		if w.Workers <= 0 {
			w.Workers = 4
		}
		if w.Poll <= 0 {
			w.Poll = 500 * time.Millisecond
		}
		if w.Lease <= 0 {
			w.Lease = 5 * time.Minute
		}
	})
}

// Wake makes an idle worker poll at once, so mail queued by this instance goes out fast.
func (w *Worker) Wake() {
	w.init()
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// Run works until ctx ends. A job already claimed is finished (with its own deadline)
// before Run returns, so a graceful shutdown does not cut a delivery in half.
func (w *Worker) Run(ctx context.Context) {
	w.init()
	var wg sync.WaitGroup
	for range w.Workers {
		wg.Go(func() { w.loop(ctx) })
	}
	wg.Wait()
}

func (w *Worker) loop(ctx context.Context) {
	for ctx.Err() == nil {
		j, ok, err := w.claim(ctx)
		if err != nil && ctx.Err() == nil {
			w.Log.Error("jobs: claim", "err", err)
		}
		if !ok {
			select {
			case <-ctx.Done():
			case <-w.wake:
			case <-time.After(w.Poll):
			}
			continue
		}
		w.run(context.WithoutCancel(ctx), j)
	}
}

// claim takes the next job. The claim is not cancelled with ctx: cancelled in flight, its
// UPDATE can commit on the server while the worker sees only the error, and the job
// would then sit "running" until its lease ran out instead of being done now.
func (w *Worker) claim(ctx context.Context) (Job, bool, error) {
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	return Claim(cctx, w.DB, w.ID, time.Now(), w.Lease)
}

// JobTimeout bounds one attempt; a hung SMTP server must not hold a worker for long.
const JobTimeout = time.Minute

func (w *Worker) run(ctx context.Context, j Job) {
	jctx, cancel := context.WithTimeout(ctx, min(JobTimeout, w.Lease/2))
	defer cancel()
	h, ok := w.Handlers[j.Kind]
	var err error
	if !ok {
		err = fmt.Errorf("no handler for job kind %q", j.Kind)
	} else {
		err = h(jctx, j)
	}
	// Bookkeeping gets its own deadline: the attempt's may have run out.
	ctx, cancel2 := context.WithTimeout(ctx, 10*time.Second)
	defer cancel2()
	now := time.Now()
	if err == nil {
		err = Complete(ctx, w.DB, j.ID, now)
		if err != nil {
			w.Log.Error("jobs: complete", "job", j.ID, "err", err)
		}
		return
	}
	w.Log.Warn("jobs: attempt failed", "job", j.ID, "kind", j.Kind, "attempt", j.Attempts, "err", err)
	if err := Fail(ctx, w.DB, j, err, now); err != nil {
		w.Log.Error("jobs: record failure", "job", j.ID, "err", err)
	}
}
