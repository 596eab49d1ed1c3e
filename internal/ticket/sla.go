package ticket

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
)

// Service-level targets. A tenant may give each priority a time within which staff
// first answer a ticket publicly and one within which they resolve it, in hours. Its
// calendar (sla_calendar.go, Settings → Helpdesk) says how they count: calendar hours
// (nights and weekends count: the default, and what every tenant had before calendars
// existed) or business hours (one interval per weekday in the tenant's time zone,
// closed on its holidays: hours.go), and whether waiting for the customer counts. The
// rules:
//
//   - A new ticket gets its due times from its priority's targets. A ticket staff open
//     on a customer's behalf starts with their first public message: its first
//     response is met at once.
//   - The first public reply of staff meets the first response; internal notes do not.
//   - Moving to a status of kind resolved or closed meets the resolution (resolved_at);
//     resolved → closed keeps that moment.
//   - Reopening (back to an open or waiting status) starts a fresh resolution clock:
//     the resolution is due the target's hours after the reopening. The first
//     response stays as it was.
//   - A change of priority computes both due times anew from the new priority's
//     targets, from the creation (first response) and from the moment the resolution
//     clock last started — the creation, the reopening or the end of its last pause —
//     less what it had counted before that moment.
//   - With the pause on, a status of kind waiting stops the resolution clock
//     (sla_paused_at): the ticket has no resolution due meanwhile, in the queue's due
//     list or its overdue count — unless it was overdue already when it stopped: it
//     stays overdue, since waiting only keeps it from getting later. Leaving the
//     status (for open or done) moves the resolution later by the time it stood,
//     counted as the targets count (a weekend of waiting moves nothing in business
//     hours). The first response does not stand: a ticket usually waits after staff
//     answered, and one put aside unanswered still owes the customer that answer.
//     The pause applies to tickets that start waiting once it is on; switching it off
//     leaves those waiting paused until they move on. Existing tenants have it off
//     (their numbers stay as they were); new tenants start with it on. A status whose
//     kind an admin changes to or from waiting pauses or resumes its open tickets at
//     once (sla_kind.go).
//   - The time a clock stood is not kept as an amount: when the clock starts again,
//     what it had counted from its last start to the pause is added to what it used
//     before (sla_counted_before), and the end of the pause becomes its start
//     (resolution_start_at). An amount stood could not be counted again in another
//     calendar without keeping every pause (a weekend of waiting is 64 calendar hours
//     and no business hours), whereas what a running clock used is what the targets
//     counted while it ran. So a new priority after a change of the calendar counts
//     from the end of the last pause in the new calendar, less what was used before
//     as it was counted then.
//   - Merging gives the target the first public staff message it now holds (the
//     source's, a ticket staff opened included) as its first response if the target
//     had none, as a new priority would find it, but never earlier than the target's
//     creation: an answer the source had before the target existed counts as given
//     when it was opened, so reports never see a negative response time (mergeClock).
//   - Changing the targets or the calendar applies to tickets opened, reprioritised,
//     reopened or resumed afterwards; due times already given stay. A target the
//     business week cannot reach within ten years is refused (SLACalendar.MaxTarget).
//
// Contacts never see any of this: the portal, its data export and mails read none of
// these columns.

// MaxSLAHours bounds a target: a year of calendar hours (more than four years of
// business hours in a 40-hour week).
const MaxSLAHours = 8760

// Target is a tenant's service-level target for one priority, in hours as its
// calendar counts them; 0 means no target.
type Target struct {
	FirstResponse int
	Resolution    int
}

// Targets are a tenant's targets indexed by priority (index 0 is unused).
type Targets [PriorityUrgent + 1]Target

// Any reports whether any priority has a target.
func (ts Targets) Any() bool {
	for _, t := range ts {
		if t != (Target{}) {
			return true
		}
	}
	return false
}

// SLATargets loads the tenant's targets; priorities without a row have none.
func SLATargets(ctx context.Context, q db.Querier, tenantID int64) (Targets, error) {
	var ts Targets
	rows, err := q.Query(ctx, `SELECT priority, COALESCE(first_response_hours, 0), COALESCE(resolution_hours, 0)
		FROM ticket_sla_targets WHERE tenant_id = ?`, tenantID)
	if err != nil {
		return ts, fmt.Errorf("ticket: sla targets: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p int
		var t Target
		if err := rows.Scan(&p, &t.FirstResponse, &t.Resolution); err != nil {
			return ts, fmt.Errorf("ticket: sla targets: %w", err)
		}
		if p >= PriorityLow && p <= PriorityUrgent {
			ts[p] = t
		}
	}
	return ts, rows.Err()
}

// SetSLATargets stores the tenant's targets for every priority. Values outside 1 to
// MaxSLAHours are stored as no target; the settings form refuses them before.
func SetSLATargets(ctx context.Context, q db.Querier, tenantID int64, ts Targets) error {
	for _, p := range Priorities {
		_, err := q.Exec(ctx, `INSERT INTO ticket_sla_targets (tenant_id, priority, first_response_hours, resolution_hours)
			VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, priority) DO UPDATE SET
			first_response_hours = excluded.first_response_hours, resolution_hours = excluded.resolution_hours`,
			tenantID, p, hoursOrNull(ts[p].FirstResponse), hoursOrNull(ts[p].Resolution))
		if err != nil {
			return fmt.Errorf("ticket: save sla targets: %w", err)
		}
	}
	return nil
}

func hoursOrNull(h int) any {
	if h < 1 || h > MaxSLAHours {
		return nil
	}
	return h
}

// targetFor loads the tenant's target for one priority.
func targetFor(ctx context.Context, q db.Querier, tenantID int64, priority int) (Target, error) {
	var t Target
	err := q.QueryRow(ctx, `SELECT COALESCE(first_response_hours, 0), COALESCE(resolution_hours, 0)
		FROM ticket_sla_targets WHERE tenant_id = ? AND priority = ?`, tenantID, priority).Scan(&t.FirstResponse, &t.Resolution)
	if err != nil && !errors.Is(db.One(err), db.ErrNotFound) {
		return t, fmt.Errorf("ticket: sla target: %w", err)
	}
	return t, nil
}

// Target states of a ticket (SLA.FirstResponseState, SLA.ResolutionState).
const (
	SLANone     = ""         // no target, or the ticket was done before it was needed
	SLAPending  = "pending"  // due in the future
	SLAMet      = "met"      // met in time
	SLABreached = "breached" // met late, or due and not met
	SLAPaused   = "paused"   // the resolution clock stands while the ticket waits
)

// SLA is where a ticket stands against its targets, for the back office's ticket page.
// A zero time means none.
type SLA struct {
	FirstResponseDue time.Time
	FirstResponded   time.Time
	ResolutionDue    time.Time
	Resolved         time.Time
	Paused           time.Time // the resolution clock stands since (waiting for the customer)
	Done             bool      // the ticket is resolved or closed
	BusinessHours    bool      // the tenant's targets count business hours
	// ByStaff: staff opened the ticket on a customer's behalf; nobody waits for a first
	// response, so it has none (FirstResponseState: SLANone).
	ByStaff bool
}

// Any reports whether the ticket has a due time.
func (s SLA) Any() bool { return !s.FirstResponseDue.IsZero() || !s.ResolutionDue.IsZero() }

// FirstResponseState tells whether the first response was (or is being) given in
// time. A ticket done without a public reply was not waiting for one: it is breached
// only if it was done after the reply was due.
func (s SLA) FirstResponseState(now time.Time) string {
	switch {
	case s.FirstResponseDue.IsZero():
		return SLANone
	case !s.FirstResponded.IsZero():
		return metBy(s.FirstResponded, s.FirstResponseDue)
	case s.Done && !s.Resolved.IsZero():
		if s.Resolved.After(s.FirstResponseDue) {
			return SLABreached
		}
		return SLANone
	}
	return dueBy(now, s.FirstResponseDue)
}

// ResolutionState tells whether the current resolution was (or is being) reached in
// time. A ticket done without a resolution time (its status became "done" in the
// settings) has no verdict. One whose clock stands is paused, unless it was overdue
// already when it stopped: the pause moves the due time only by the time it lasts.
func (s SLA) ResolutionState(now time.Time) string {
	switch {
	case s.ResolutionDue.IsZero():
		return SLANone
	case !s.Resolved.IsZero():
		return metBy(s.Resolved, s.ResolutionDue)
	case s.Done:
		return SLANone
	case !s.Paused.IsZero():
		if s.Paused.After(s.ResolutionDue) {
			return SLABreached
		}
		return SLAPaused
	}
	return dueBy(now, s.ResolutionDue)
}

func metBy(at, due time.Time) string {
	if at.After(due) {
		return SLABreached
	}
	return SLAMet
}

func dueBy(now, due time.Time) string {
	if now.After(due) {
		return SLABreached
	}
	return SLAPending
}

// SLAOf loads where one of the tenant's tickets stands against its targets.
func SLAOf(ctx context.Context, q db.Querier, tenantID, ticketID int64) (SLA, error) {
	c, err := loadClock(ctx, q, tenantID, ticketID)
	if err != nil {
		return SLA{}, err
	}
	var cal SLACalendar
	var zone string
	if _, err := slaSwitches(ctx, q, tenantID, &cal, &zone); err != nil {
		return SLA{}, err
	}
	return SLA{FirstResponseDue: unixOrZero(c.firstDue), FirstResponded: unixOrZero(c.firstAt),
		ResolutionDue: unixOrZero(c.resDue), Resolved: unixOrZero(c.resolved), Paused: unixOrZero(c.pausedAt),
		Done: c.done, BusinessHours: cal.BusinessHours, ByStaff: c.staff}, nil
}

func unixOrZero(s int64) time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(s, 0)
}
