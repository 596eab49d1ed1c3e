package report

import (
	"context"
	"database/sql"
	"math"
	"slices"
	"time"

	"pforte/internal/db"
	"pforte/internal/ticket"
)

// A duration measured over a population of tickets (see Figures): the expression, the
// column that puts a ticket into the period, and the condition for having one.
type measure struct {
	expr, col, has string
}

var (
	// firstResponse is from opening to the first public staff reply (ticket/sla.go).
	responseTime = measure{expr: "first_responded_at - created_at", col: "created_at", has: "first_responded_at IS NOT NULL"}
	// resolutionTime is from opening to the resolution that stands (resolved_at).
	resolutionTime = measure{expr: "resolved_at - created_at", col: "resolved_at", has: "resolved_at IS NOT NULL"}
)

// pgPercentiles computes both percentiles in the counting query's pass on PostgreSQL
// (NULLs are skipped); on SQLite the columns are constant and nth fetches them.
func pgPercentiles(e db.Engine, m measure) string {
	if e != db.Postgres {
		return `, NULL, NULL`
	}
	return `, percentile_cont(0.5) WITHIN GROUP (ORDER BY ` + m.expr + `),
		percentile_cont(0.9) WITHIN GROUP (ORDER BY ` + m.expr + `)`
}

// firstResponse measures the tickets opened in the period: how fast staff answered
// them publicly, and how their first-response targets came out as
// ticket.SLA.FirstResponseState judges them: answered by the due time (met) or after
// it (missed); unanswered, judged by their resolution if they were resolved without
// an answer, else by now; a target still ahead counts in neither.
func (r span) firstResponse(ctx context.Context, q db.Querier, f *Figures) error {
	done := statusIDs(r.statuses, ticket.KindResolved, ticket.KindClosed)
	args := append(append([]any{}, done...), r.now, r.tenantID, r.from, r.to)
	var med, p90 sql.NullFloat64
	err := q.QueryRow(ctx, `SELECT COUNT(first_responded_at),
			COUNT(CASE WHEN first_responded_at <= first_response_due_at THEN 1 END),
			COUNT(CASE WHEN first_responded_at > first_response_due_at OR first_responded_at IS NULL
				AND CASE WHEN status_id IN (`+marks(len(done))+`) AND resolved_at IS NOT NULL THEN resolved_at ELSE ? END
					> first_response_due_at THEN 1 END)`+pgPercentiles(q.Engine(), responseTime)+`
		FROM tickets WHERE tenant_id = ? AND created_at >= ? AND created_at < ?`, args...).
		Scan(&f.FirstResponse.N, &f.FirstTarget.Met, &f.FirstTarget.Missed, &med, &p90)
	if err != nil {
		return err
	}
	return r.percentiles(ctx, q, responseTime, &f.FirstResponse, med, p90)
}

// resolution measures the tickets resolved in the period: how long from opening, and
// whether they were resolved by their resolution's due time.
func (r span) resolution(ctx context.Context, q db.Querier, f *Figures) error {
	var med, p90 sql.NullFloat64
	err := q.QueryRow(ctx, `SELECT COUNT(*), COUNT(CASE WHEN resolved_at <= resolution_due_at THEN 1 END),
			COUNT(CASE WHEN resolved_at > resolution_due_at THEN 1 END)`+pgPercentiles(q.Engine(), resolutionTime)+`
		FROM tickets WHERE tenant_id = ? AND resolved_at >= ? AND resolved_at < ?`, r.tenantID, r.from, r.to).
		Scan(&f.Resolved, &f.ResolveTarget.Met, &f.ResolveTarget.Missed, &med, &p90)
	if err != nil {
		return err
	}
	f.Resolution.N = f.Resolved
	return r.percentiles(ctx, q, resolutionTime, &f.Resolution, med, p90)
}

// percentiles fills in t's median and 90th percentile: from PostgreSQL's aggregate, or
// by fetching the values around each rank.
func (r span) percentiles(ctx context.Context, q db.Querier, m measure, t *Times, med, p90 sql.NullFloat64) error {
	if t.N == 0 {
		return nil
	}
	if q.Engine() == db.Postgres {
		t.Median, t.P90 = seconds(med.Float64), seconds(p90.Float64)
		return nil
	}
	if t.N >= walkFrom {
		v, err := r.sortedDurations(ctx, q, m, t.N)
		t.Median, t.P90 = quantile(v, 0.5), quantile(v, 0.9)
		return err
	}
	var err error
	if t.Median, err = r.percentile(ctx, q, m, t.N, 0.5); err != nil {
		return err
	}
	t.P90, err = r.percentile(ctx, q, m, t.N, 0.9)
	return err
}

func seconds(s float64) time.Duration { return time.Duration(math.Round(s)) * time.Second }

// walkFrom is the number of durations from which SQLite reads them all once and sorts
// them in Go, both percentiles from the one sorted list, instead of fetching the two
// values around each rank with ORDER BY … LIMIT 2 OFFSET k (a sort per rank, whose
// cost grows with the rank). The durations come from the period's range of the index
// that puts tickets into it (tickets_opened, tickets_resolved hold both times), so no
// table row is read. Until migration 00047 SQLite walked indexes ordered by the
// duration itself (tickets_response_time, tickets_resolution_time): as fast, but two
// more indexes that every ticket write paid for (BENCHMARKS.md).
var walkFrom = 30000

// percentile is the p-quantile of n durations on SQLite: the value at rank p·(n−1),
// interpolated between its neighbours, read from whichever end is nearer.
func (r span) percentile(ctx context.Context, q db.Querier, m measure, n int, p float64) (time.Duration, error) {
	rank := p * float64(n-1)
	k := int(rank)
	order, offset := "", k
	if k >= n/2 { // from the top: rank k+1 first
		order, offset = " DESC", max(n-2-k, 0)
	}
	// "+ 0" keeps SQLite from an index ordered by the duration (there is none now; one
	// added later must not turn this into a walk of it).
	rows, err := q.Query(ctx, `SELECT `+m.expr+` FROM tickets WHERE tenant_id = ? AND `+m.has+`
		AND `+m.col+` >= ? AND `+m.col+` < ? ORDER BY `+m.expr+` + 0`+order+` LIMIT 2 OFFSET ?`, r.tenantID, r.from, r.to, offset)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var v []float64
	for rows.Next() {
		var x int64
		if err := rows.Scan(&x); err != nil {
			return 0, err
		}
		v = append(v, float64(x))
	}
	if err := rows.Err(); err != nil || len(v) == 0 {
		return 0, err
	}
	if order != "" {
		if k == n-1 { // the top value itself; the second row is below it
			v = v[:1]
		} else {
			v[0], v[len(v)-1] = v[len(v)-1], v[0]
		}
	}
	lo, hi := v[0], v[len(v)-1]
	return seconds(lo + (rank-float64(k))*(hi-lo)), nil
}

// sortedDurations reads all durations of m in the period, sorted.
func (r span) sortedDurations(ctx context.Context, q db.Querier, m measure, n int) ([]int64, error) {
	rows, err := q.Query(ctx, `SELECT `+m.expr+` FROM tickets WHERE tenant_id = ? AND `+m.has+`
		AND `+m.col+` >= ? AND `+m.col+` < ?`, r.tenantID, r.from, r.to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	v := make([]int64, 0, n)
	for rows.Next() {
		var x int64
		if err := rows.Scan(&x); err != nil {
			return nil, err
		}
		v = append(v, x)
	}
	slices.Sort(v)
	return v, rows.Err()
}

// quantile is the p-quantile of the sorted durations v, as percentile computes it.
func quantile(v []int64, p float64) time.Duration {
	if len(v) == 0 {
		return 0
	}
	rank := p * float64(len(v)-1)
	k := int(rank)
	lo, hi := float64(v[k]), float64(v[min(k+1, len(v)-1)])
	return seconds(lo + (rank-float64(k))*(hi-lo))
}
