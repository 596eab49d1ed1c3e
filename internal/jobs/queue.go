// Package jobs is the work queue: rows written in the same transaction as the change
// that causes them, delivered by workers with retries and backoff. On PostgreSQL a job is
// claimed with FOR UPDATE SKIP LOCKED, so exactly one instance takes it.
package jobs

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// Job states.
const (
	StatePending = "pending"
	StateRunning = "running" // claimed; run_at is the end of the lease
	StateDone    = "done"
	StateFailed  = "failed" // gave up after MaxAttempts
	// StateHeld is a job no worker takes until it is released: a mail restored from a
	// backup, which may have gone out after the backup was taken (outbox.HoldQueued).
	StateHeld = "held"
)

// MaxAttempts is how often a job is tried before it is marked failed.
const MaxAttempts = 8

// Job is one unit of work; RefID points at the row it is about (a mail, a webhook, …).
type Job struct {
	ID       int64
	TenantID int64
	Kind     string
	RefID    int64
	Attempts int
}

// Enqueue adds a job. Pass the transaction of the change that causes it.
func Enqueue(ctx context.Context, q db.Querier, tenantID int64, kind string, refID int64, now time.Time) error {
	_, err := q.Exec(ctx, `INSERT INTO jobs (tenant_id, kind, ref_id, state, run_at, created_at) VALUES (?, ?, ?, 'pending', ?, ?)`,
		tenantID, kind, refID, now.Unix(), now.Unix())
	if err != nil {
		return fmt.Errorf("jobs: enqueue: %w", err)
	}
	return nil
}

// Claim takes the next due job for worker, leasing it until now+lease. A running job whose
// lease ran out (its worker died) is due again.
func Claim(ctx context.Context, d *db.DB, worker string, now time.Time, lease time.Duration) (Job, bool, error) {
	// jobs_claim (migration 00018) holds the jobs to do in the order they are taken, so
	// a claim reads one entry however long the backlog; SQLite's planner, which cannot
	// know that, is told.
	lock, index := "", " INDEXED BY jobs_claim"
	if d.Engine() == db.Postgres {
		lock, index = " FOR UPDATE SKIP LOCKED", ""
	}
	var j Job
	err := d.WriteRow(ctx, `UPDATE jobs SET state = 'running', run_at = ?, attempts = attempts + 1, locked_by = ?
		WHERE id = (SELECT id FROM jobs`+index+` WHERE state IN ('pending', 'running') AND run_at <= ?
		ORDER BY run_at, id LIMIT 1`+lock+`) RETURNING id, tenant_id, kind, ref_id, attempts`,
		now.Add(lease).Unix(), worker, now.Unix()).Scan(&j.ID, &j.TenantID, &j.Kind, &j.RefID, &j.Attempts)
	if err := db.One(err); err == db.ErrNotFound {
		return j, false, nil
	} else if err != nil {
		return j, false, fmt.Errorf("jobs: claim: %w", err)
	}
	return j, true, nil
}

// Complete marks a job done.
func Complete(ctx context.Context, d *db.DB, id int64, now time.Time) error {
	_, err := d.Exec(ctx, `UPDATE jobs SET state = 'done', done_at = ?, last_error = '' WHERE id = ?`, now.Unix(), id)
	return err
}

// Fail records an error and schedules a retry with exponential backoff (30 s, 1 min,
// 2 min … capped at one hour), or gives up after MaxAttempts.
func Fail(ctx context.Context, d *db.DB, j Job, cause error, now time.Time) error {
	msg := validate.Truncate(validate.Clean(cause.Error()), 500)
	if j.Attempts >= MaxAttempts {
		_, err := d.Exec(ctx, `UPDATE jobs SET state = 'failed', last_error = ?, done_at = ? WHERE id = ?`, msg, now.Unix(), j.ID)
		return err
	}
	_, err := d.Exec(ctx, `UPDATE jobs SET state = 'pending', last_error = ?, run_at = ? WHERE id = ?`,
		msg, now.Add(Backoff(j.Attempts)).Unix(), j.ID)
	return err
}

// Backoff is the wait after the given number of failed attempts.
func Backoff(attempts int) time.Duration {
	d := 30 * time.Second << max(attempts-1, 0)
	return min(d, time.Hour)
}

// Depth counts jobs waiting or running, for the metrics endpoint. Held jobs are not
// among them: no worker takes one, and Held counts them apart.
func Depth(ctx context.Context, q db.Querier) (int, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM jobs WHERE state IN ('pending', 'running')`).Scan(&n)
	return n, err
}

// Held counts the held jobs, of every tenant, for the metrics endpoint: mails a restore
// held that wait for an admin's decision (send or not), which no worker will take.
func Held(ctx context.Context, q db.Querier) (int, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM jobs WHERE state = ?`, StateHeld).Scan(&n)
	return n, err
}
