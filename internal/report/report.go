// Package report is the helpdesk's figures for staff: how many tickets came in over a
// period and were resolved, through which channel, in which category and priority,
// for which companies, how fast staff answered and resolved them, whether the
// service-level targets were met, how customers rated it, and what each staff member
// took on. Every figure is counted in SQL for one tenant; see Figures for which
// tickets each counts and query.go for why the queries look the way they do.
package report

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/ticket"
)

// Channels are the values of tickets.via, in the order the report lists them: opened
// in the portal, by email, or by staff on a customer's behalf.
var Channels = []string{"portal", "email", "staff"}

// Figures are the report of one period.
type Figures struct {
	Period   Period
	Opened   int // tickets opened in the period
	Resolved int // tickets whose resolution (resolved_at) falls in the period
	OpenNow  int // of those opened, how many are open or waiting now
	Buckets  []Bucket

	ByChannel  []Count // Key: a channel
	ByCategory []Count // ID: a category (0: none), Name its main name
	ByPriority []Count // ID: a priority
	Companies  []Count // the ten companies with most tickets opened; ID, Name

	FirstResponse Times // tickets opened in the period that staff answered publicly
	Resolution    Times // tickets resolved in the period
	FirstTarget   Share // first-response targets of tickets opened in the period
	ResolveTarget Share // resolution targets of tickets resolved in the period
	Ratings       Ratings
	Staff         []StaffFigures
}

// Empty reports whether nothing happened in the period: no ticket opened or resolved,
// no rating given, no reply written.
func (f Figures) Empty() bool {
	if f.Opened > 0 || f.Resolved > 0 || f.Ratings.Good+f.Ratings.Bad > 0 {
		return false
	}
	for _, s := range f.Staff {
		if s.Replies > 0 {
			return false
		}
	}
	return true
}

// Count is how many tickets one group holds.
type Count struct {
	ID    int64
	Key   string
	Name  string
	Count int
}

// Times are the durations of a set of tickets, in calendar time. N is 0 when none had
// one (tickets from before the service-level columns existed have none).
type Times struct {
	N           int
	Median, P90 time.Duration
}

// Share is how a service-level target came out: Met in time, Missed (late, or due
// and not met yet). Tickets whose target is still ahead count in neither.
type Share struct{ Met, Missed int }

// Percent is the share met, rounded to whole percent; 0 when nothing was judged.
func (s Share) Percent() int { return percent(s.Met, s.Met+s.Missed) }

// Ratings are the good and bad ratings given or changed in the period.
type Ratings struct{ Good, Bad int }

// Percent is the share of good ratings, rounded to whole percent.
func (r Ratings) Percent() int { return percent(r.Good, r.Good+r.Bad) }

func percent(part, whole int) int {
	if whole == 0 {
		return 0
	}
	return (part*100 + whole/2) / whole
}

// StaffFigures is what one staff member did: tickets opened in the period that are
// assigned to them now, and public replies they wrote in the period.
type StaffFigures struct {
	ID       int64
	Name     string
	Active   bool
	Assigned int
	Replies  int
}

// Compute counts the tenant's figures for period p as of now. The parts are
// independent queries: given the pool (a *db.DB) they run side by side on its
// connections, since a year at a million tickets costs several index walks and staff
// should wait for the slowest rather than their sum; given anything else (a
// transaction, a benchmark's plan logger) one after the other.
func Compute(ctx context.Context, d db.Querier, tenantID int64, p Period, now time.Time) (Figures, error) {
	f := Figures{Period: p, Buckets: p.Buckets()}
	statuses, err := ticket.Statuses(ctx, d, tenantID)
	if err != nil {
		return f, err
	}
	categories, err := ticket.Categories(ctx, d, tenantID, false)
	if err != nil {
		return f, err
	}
	members, err := staff.List(ctx, d, tenantID)
	if err != nil {
		return f, err
	}
	r := span{tenantID: tenantID, from: p.From().Unix(), to: p.To().Unix(), now: now.Unix(), statuses: statuses}
	bars := make([]int, len(f.Buckets))
	var g grouped
	var replies map[int64]int
	err = run(ctx, d, []part{
		func(q db.Querier) error { return r.bucketCounts(ctx, q, f.Buckets, bars) },
		func(q db.Querier) (err error) { g, err = r.grouped(ctx, q); return err },
		func(q db.Querier) error { return r.firstResponse(ctx, q, &f) },
		func(q db.Querier) error { return r.resolution(ctx, q, &f) },
		func(q db.Querier) error { return r.ratings(ctx, q, &f) },
		func(q db.Querier) (err error) { replies, err = r.staffReplies(ctx, q); return err },
	})
	if err != nil {
		return f, fmt.Errorf("report: %w", err)
	}
	for i, n := range bars {
		f.Buckets[i].Opened = n
		f.Opened += n
	}
	g.apply(&f, statuses, categories)
	f.Staff = staffFigures(members, g.assigned, replies)
	return f, nil
}

// span is what every query of one report filters by, in Unix seconds.
type span struct {
	tenantID      int64
	from, to, now int64
	statuses      []ticket.Status
}

// part is one query of a report, run on the querier it is given.
type part func(q db.Querier) error

// pgSettings give the report's queries on PostgreSQL room to hash and sort a year of
// tickets in memory (the default 4 MB spilled a year's durations to disk for the
// median) and leave out the JIT compiler, which costs more than the queries save.
const pgSettings = `SET LOCAL work_mem = '32MB'; SET LOCAL jit = off`

// run calls the parts and returns their errors. Given the pool, they run side by
// side, each on PostgreSQL in a read-only transaction of its own with pgSettings;
// given anything else, one after the other on it.
func run(ctx context.Context, q db.Querier, parts []part) error {
	d, pool := q.(*db.DB)
	if !pool {
		for _, p := range parts {
			if err := p(q); err != nil {
				return err
			}
		}
		return nil
	}
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i, p := range parts {
		wg.Go(func() {
			if d.Engine() != db.Postgres {
				errs[i] = p(d)
				return
			}
			errs[i] = d.InSnapshot(ctx, func(tx *db.Tx) error {
				if _, err := tx.Exec(ctx, pgSettings); err != nil {
					return err
				}
				return p(tx)
			})
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}
