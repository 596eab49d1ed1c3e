package ticket

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// clock is a ticket's service-level columns as stored, in Unix seconds (0: NULL), with
// what the rules need to compute them (see the rules in sla.go).
type clock struct {
	priority int
	created  int64
	firstDue int64 // first_response_due_at
	firstAt  int64 // first_responded_at
	resDue   int64 // resolution_due_at
	resStart int64 // resolution_start_at; 0: the creation
	resolved int64 // resolved_at
	done     bool  // the ticket's status is of kind resolved or closed
}

// next is sla_due_at: the soonest due time not met yet, while the ticket is open.
func (c clock) next() int64 {
	if c.done {
		return 0
	}
	n := c.resDue
	if c.firstAt == 0 && c.firstDue != 0 && (n == 0 || c.firstDue < n) {
		n = c.firstDue
	}
	return n
}

// due is the moment hours after from, or 0 without a target.
func due(from int64, hours int) int64 {
	if hours <= 0 {
		return 0
	}
	return from + int64(hours)*3600
}

// aim sets both due times from the target t.
func (c *clock) aim(t Target) {
	start := c.resStart
	if start == 0 {
		start = c.created
	}
	c.firstDue, c.resDue = due(c.created, t.FirstResponse), due(start, t.Resolution)
}

func loadClock(ctx context.Context, q db.Querier, tenantID, ticketID int64) (clock, error) {
	var c clock
	var kind string
	err := q.QueryRow(ctx, `SELECT t.priority, t.created_at, COALESCE(t.first_response_due_at, 0), COALESCE(t.first_responded_at, 0),
		COALESCE(t.resolution_due_at, 0), COALESCE(t.resolution_start_at, 0), COALESCE(t.resolved_at, 0), s.kind
		FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id WHERE t.tenant_id = ? AND t.id = ?`, tenantID, ticketID).
		Scan(&c.priority, &c.created, &c.firstDue, &c.firstAt, &c.resDue, &c.resStart, &c.resolved, &kind)
	if err != nil {
		return c, fmt.Errorf("ticket: sla: %w", db.One(err))
	}
	c.done = kind == KindResolved || kind == KindClosed
	return c, nil
}

func saveClock(ctx context.Context, q db.Querier, tenantID, ticketID int64, c clock) error {
	_, err := q.Exec(ctx, `UPDATE tickets SET first_response_due_at = ?, first_responded_at = ?, resolution_due_at = ?,
		resolution_start_at = ?, resolved_at = ?, sla_due_at = ? WHERE tenant_id = ? AND id = ?`,
		nullID(c.firstDue), nullID(c.firstAt), nullID(c.resDue), nullID(c.resStart), nullID(c.resolved),
		nullID(c.next()), tenantID, ticketID)
	if err != nil {
		return fmt.Errorf("ticket: sla: %w", err)
	}
	return nil
}

// startClock gives a new ticket its due times. A ticket staff open starts with their
// public message: its first response is met at once.
func startClock(ctx context.Context, q db.Querier, tenantID, ticketID int64, priority int, byStaff bool, now time.Time) error {
	t, err := targetFor(ctx, q, tenantID, priority)
	if err != nil {
		return err
	}
	if t == (Target{}) && !byStaff {
		return nil // nothing to store: the columns start empty
	}
	c := clock{priority: priority, created: now.Unix()}
	c.aim(t)
	if byStaff {
		c.firstAt = c.created
	}
	return saveClock(ctx, q, tenantID, ticketID, c)
}

// responded meets the first response with a public staff reply written at now.
func responded(ctx context.Context, q db.Querier, tenantID, ticketID int64, now time.Time) error {
	c, err := loadClock(ctx, q, tenantID, ticketID)
	if err != nil || c.firstAt != 0 {
		return err
	}
	c.firstAt = now.Unix()
	return saveClock(ctx, q, tenantID, ticketID, c)
}

// statusClock follows a status change already stored. It judges by the stored row, not
// by what the caller loaded before the change: on PostgreSQL two staff changing the
// ticket at once each load it first, and the second UPDATE waits for the first and
// then overwrites it, so only the row says what was there. Done without a resolved
// time meets the resolution now (a move between two done statuses keeps its moment);
// open with one starts a fresh resolution clock at now; sla_due_at is saved anew either
// way.
func statusClock(ctx context.Context, q db.Querier, tenantID, ticketID int64, now time.Time) error {
	c, err := loadClock(ctx, q, tenantID, ticketID)
	if err != nil {
		return err
	}
	switch {
	case c.done && c.resolved == 0:
		c.resolved = now.Unix()
	case !c.done && c.resolved != 0:
		t, err := targetFor(ctx, q, tenantID, c.priority)
		if err != nil {
			return err
		}
		c.resolved, c.resStart = 0, now.Unix()
		c.resDue = due(c.resStart, t.Resolution)
	}
	return saveClock(ctx, q, tenantID, ticketID, c)
}

// priorityClock computes the due times anew after a change of priority (already
// stored). A ticket from before the targets existed may have been answered without
// first_responded_at being kept: its first public staff reply is looked up.
func priorityClock(ctx context.Context, q db.Querier, tenantID, ticketID int64) error {
	c, err := loadClock(ctx, q, tenantID, ticketID)
	if err != nil {
		return err
	}
	t, err := targetFor(ctx, q, tenantID, c.priority)
	if err != nil {
		return err
	}
	c.aim(t)
	if c.firstAt == 0 && c.firstDue != 0 {
		if err := q.QueryRow(ctx, `SELECT COALESCE(MIN(created_at), 0) FROM ticket_messages
			WHERE tenant_id = ? AND ticket_id = ? AND staff_id IS NOT NULL AND NOT internal`, tenantID, ticketID).Scan(&c.firstAt); err != nil {
			return fmt.Errorf("ticket: sla first reply: %w", err)
		}
	}
	return saveClock(ctx, q, tenantID, ticketID, c)
}
