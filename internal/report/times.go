package report

import (
	"context"
	"database/sql"
	"math"
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
	var err error
	if t.Median, err = r.percentile(ctx, q, m, t.N, 0.5); err != nil {
		return err
	}
	t.P90, err = r.percentile(ctx, q, m, t.N, 0.9)
	return err
}

func seconds(s float64) time.Duration { return time.Duration(math.Round(s)) * time.Second }

// walkFrom is the number of durations from which SQLite finds a rank by walking the
// index ordered by the duration itself (00041's tickets_response_time,
// tickets_resolution_time) instead of sorting the period's durations. The walk reads
// about rank ÷ (the period's share of all the tenant's durations) index entries: for
// the median about half the index, whatever the period. At a million tickets that
// beats sorting from about 30,000 durations on (BenchmarkReport, the CPU of a whole
// report: 30 days with 20,000 durations 86 ms sorting, 158 ms walking; 90 days with
// 70,000 279 ms sorting, 202 ms walking). Each form keeps SQLite from the other plan: the unary + from
// using the period's column for the range (its documented way to rule out an index),
// "+ 0" from reading the order off the duration's index.
var walkFrom = 30000

// percentile is the p-quantile of n durations on SQLite: the value at rank p·(n−1),
// interpolated between its neighbours, read from whichever end is nearer.
func (r span) percentile(ctx context.Context, q db.Querier, m measure, n int, p float64) (time.Duration, error) {
	rank := p * float64(n-1)
	k := int(rank)
	col, by, order, offset := m.col, m.expr+" + 0", "", k
	if n >= walkFrom {
		col, by = "+"+m.col, m.expr
	}
	if k >= n/2 { // from the top: rank k+1 first
		order, offset = " DESC", max(n-2-k, 0)
	}
	rows, err := q.Query(ctx, `SELECT `+m.expr+` FROM tickets WHERE tenant_id = ? AND `+m.has+`
		AND `+col+` >= ? AND `+col+` < ? ORDER BY `+by+order+` LIMIT 2 OFFSET ?`, r.tenantID, r.from, r.to, offset)
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
