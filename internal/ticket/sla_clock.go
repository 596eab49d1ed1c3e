package ticket

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// ViaStaff is the channel (tickets.via) of a ticket staff opened on a customer's
// behalf (admin's new-ticket form).
const ViaStaff = "staff"

// clock is a ticket's service-level columns as stored, in Unix seconds (0: NULL), with
// what the rules need to compute them (see the rules in sla.go).
type clock struct {
	priority int
	created  int64
	firstDue int64 // first_response_due_at
	firstAt  int64 // first_responded_at
	resDue   int64 // resolution_due_at
	resStart int64 // resolution_start_at: the resolution clock last started (reopened, or its pause ended); 0: the creation
	resolved int64 // resolved_at
	pausedAt int64 // sla_paused_at: the resolution clock stands since
	used     int64 // sla_counted_before: what the clock had counted when it last started again after a pause, as counted then
	done     bool  // the ticket's status is of kind resolved or closed
	waiting  bool  // the ticket's status is of kind waiting
	// staff: staff opened the ticket on a customer's behalf (via 'staff'). Nobody waits
	// for a first answer to it, so it has no first response at all: no due time and no
	// first_responded_at, and the reports leave it out of first-response figures.
	staff bool
}

// clockCols are the clock's columns of tickets t, in the order scan reads them.
const clockCols = `t.priority, t.created_at, COALESCE(t.first_response_due_at, 0), COALESCE(t.first_responded_at, 0),
	COALESCE(t.resolution_due_at, 0), COALESCE(t.resolution_start_at, 0), COALESCE(t.resolved_at, 0),
	COALESCE(t.sla_paused_at, 0), COALESCE(t.sla_counted_before, 0)`

// scan reads clockCols, after the columns in before.
func (c *clock) scan(row interface{ Scan(...any) error }, before ...any) error {
	return row.Scan(append(before, &c.priority, &c.created, &c.firstDue, &c.firstAt, &c.resDue, &c.resStart,
		&c.resolved, &c.pausedAt, &c.used)...)
}

// next is sla_due_at: the soonest due time not met yet, while the ticket is open. A
// resolution whose clock stands is not due, unless it was overdue already when it
// stopped: waiting does not take a ticket off the overdue list. The first response
// never stands.
func (c clock) next() int64 {
	if c.done {
		return 0
	}
	n := c.resDue
	if c.pausedAt != 0 && c.pausedAt <= c.resDue {
		n = 0
	}
	if c.firstAt == 0 && c.firstDue != 0 && (n == 0 || c.firstDue < n) {
		n = c.firstDue
	}
	return n
}

// start is when the resolution clock last started.
func (c clock) start() int64 {
	if c.resStart == 0 {
		return c.created
	}
	return c.resStart
}

// aim sets both due times from the target t, as the timer counts: the resolution is
// due when the clock, from its last start, has counted what it had not used before.
func (c *clock) aim(t Target, tm timer) {
	c.firstDue, c.resDue = tm.due(c.created, t.FirstResponse, 0), tm.due(c.start(), t.Resolution, c.used)
	if c.staff {
		c.firstDue = 0
	}
}

// resume starts the resolution clock again at now. What it counted from its last start
// until it stopped is added to what it used, as the timer counts; the resolution moves
// later by the time it stood.
func (c *clock) resume(tm timer, now int64) {
	c.used += tm.between(c.start(), c.pausedAt)
	if c.resDue != 0 {
		c.resDue = tm.add(c.resDue, tm.between(c.pausedAt, now))
	}
	c.resStart, c.pausedAt = now, 0
}

func loadClock(ctx context.Context, q db.Querier, tenantID, ticketID int64) (clock, error) {
	var c clock
	var kind, via string
	err := c.scan(q.QueryRow(ctx, `SELECT s.kind, t.via, `+clockCols+`
		FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id WHERE t.tenant_id = ? AND t.id = ?`, tenantID, ticketID), &kind, &via)
	if err != nil {
		return c, fmt.Errorf("ticket: sla: %w", db.One(err))
	}
	c.kind(kind)
	c.staff = via == ViaStaff
	return c, nil
}

// kind sets what the clock needs of the kind of the ticket's status.
func (c *clock) kind(kind string) {
	c.done = kind == KindResolved || kind == KindClosed
	c.waiting = kind == KindWaiting
}

func saveClock(ctx context.Context, q db.Querier, tenantID, ticketID int64, c clock) error {
	_, err := q.Exec(ctx, `UPDATE tickets SET first_response_due_at = ?, first_responded_at = ?, resolution_due_at = ?,
		resolution_start_at = ?, resolved_at = ?, sla_paused_at = ?, sla_counted_before = ?, sla_due_at = ? WHERE tenant_id = ? AND id = ?`,
		nullID(c.firstDue), nullID(c.firstAt), nullID(c.resDue), nullID(c.resStart), nullID(c.resolved),
		nullID(c.pausedAt), nullID(c.used), nullID(c.next()), tenantID, ticketID)
	if err != nil {
		return fmt.Errorf("ticket: sla: %w", err)
	}
	return nil
}

// startClock gives a new ticket its due times. A ticket staff open (byStaff) starts
// with their own message and no customer waiting for an answer: like Zammad and
// Freshdesk, its first-response clock never starts (clock.staff), only the resolution's.
func startClock(ctx context.Context, q db.Querier, tenantID, ticketID int64, priority int, byStaff bool, now time.Time) error {
	t, err := targetFor(ctx, q, tenantID, priority)
	if err != nil {
		return err
	}
	if t == (Target{}) {
		return nil // nothing to store: the columns start empty
	}
	c := clock{priority: priority, created: now.Unix(), staff: byStaff}
	tm, err := loadTimer(ctx, q, tenantID, c.created)
	if err != nil {
		return err
	}
	c.aim(t, tm)
	return saveClock(ctx, q, tenantID, ticketID, c)
}

// responded meets the first response with a public staff reply written at now. A
// ticket staff opened has none to meet (clock.staff).
func responded(ctx context.Context, q db.Querier, tenantID, ticketID int64, now time.Time) error {
	c, err := loadClock(ctx, q, tenantID, ticketID)
	if err != nil || c.firstAt != 0 || c.staff {
		return err
	}
	c.firstAt = now.Unix()
	return saveClock(ctx, q, tenantID, ticketID, c)
}

// statusClock follows a status change already stored. It judges by the stored row, not
// by what the caller loaded before the change: on PostgreSQL two staff changing the
// ticket at once each load it first, and the second UPDATE waits for the first and
// then overwrites it, so only the row says what was there. Leaving a waiting status
// (for any other kind) starts a stood resolution clock again; done without a resolved
// time meets the resolution now (a move between two done statuses keeps its moment);
// open with one starts a fresh resolution clock at now; waiting with the tenant's
// pause on stops the clock; sla_due_at is saved anew in any case. The calendar is read
// only as far as the change needs it: most changes count no time at all.
func statusClock(ctx context.Context, q db.Querier, tenantID, ticketID int64, now time.Time) error {
	c, err := loadClock(ctx, q, tenantID, ticketID)
	if err != nil {
		return err
	}
	at := now.Unix()
	if c.pausedAt != 0 && !c.waiting {
		tm, err := loadTimer(ctx, q, tenantID, c.created)
		if err != nil {
			return err
		}
		c.resume(tm, at)
	}
	switch {
	case c.done && c.resolved == 0:
		c.resolved = at
	case !c.done && c.resolved != 0:
		if err := c.reopen(ctx, q, tenantID, at); err != nil {
			return err
		}
	}
	if c.waiting && c.pausedAt == 0 {
		on, err := pausing(ctx, q, tenantID)
		if err != nil {
			return err
		}
		if on {
			c.pausedAt = at
		}
	}
	return saveClock(ctx, q, tenantID, ticketID, c)
}

// reopen starts a fresh resolution clock at at.
func (c *clock) reopen(ctx context.Context, q db.Querier, tenantID, at int64) error {
	t, err := targetFor(ctx, q, tenantID, c.priority)
	if err != nil {
		return err
	}
	c.resolved, c.resStart, c.used, c.resDue = 0, at, 0, 0
	if t.Resolution == 0 {
		return nil
	}
	tm, err := loadTimer(ctx, q, tenantID, at)
	if err != nil {
		return err
	}
	c.resDue = tm.due(at, t.Resolution, 0)
	return nil
}

// priorityClock computes the due times anew after a change of priority (already
// stored). A ticket from before the targets existed may have been answered without
// first_responded_at being kept: its first public staff reply is looked up by the
// rules a merge applies to the messages it moved (firstStaffReply), so the figure does
// not change with the priority. All holidays are loaded: a target smaller than what the
// clock used already counts back.
func priorityClock(ctx context.Context, q db.Querier, tenantID, ticketID int64) error {
	c, err := loadClock(ctx, q, tenantID, ticketID)
	if err != nil {
		return err
	}
	t, err := targetFor(ctx, q, tenantID, c.priority)
	if err != nil {
		return err
	}
	tm, err := loadTimer(ctx, q, tenantID, 0)
	if err != nil {
		return err
	}
	c.aim(t, tm)
	if c.firstAt == 0 && c.firstDue != 0 {
		var merged int64
		if merged, err = firstMerge(ctx, q, tenantID, ticketID); err != nil {
			return err
		}
		if c.firstAt, err = firstStaffReply(ctx, q, tenantID, ticketID, c.created, merged); err != nil {
			return err
		}
	}
	return saveClock(ctx, q, tenantID, ticketID, c)
}
