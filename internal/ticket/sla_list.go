package ticket

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// byDue reports whether the queue lists by due time: the overdue filter or the due
// order.
func (f Filter) byDue() bool { return !f.Overdue.IsZero() || f.Sort == SortDue }

// dueOnly settles a queue filter by due time so that the partial index tickets_due
// (open tickets with a due time only, sla.go) answers it in its own order, whatever
// the tenant's size; none reports that nothing can match.
//
//   - The overdue filter always lists the most overdue first: in another order every
//     overdue ticket would be joined and sorted for a page (400 ms on SQLite for
//     20,000 of a million), or the order's index walked past the tickets that are not
//     overdue (all of them, when a few old ones are).
//   - Only open tickets have a due time (setStatus clears it, SaveStatus too when a
//     status becomes "done"), so "open" and "all" need no status check, and "done"
//     finds nothing. The check would cost more than time: PostgreSQL takes the open
//     statuses and the due times for independent and expects 4 rows instead of
//     17,000, and its plan for 4 rows took 8 s instead of 1 ms at a million tickets.
func (f Filter) dueOnly() (_ Filter, none bool) {
	f.Sort = SortDue
	switch {
	case f.StatusID > 0:
	case f.State == "done":
		return f, true
	default:
		f.State = "all"
	}
	return f, false
}

// col is a number column the queue filters on. Listed by due time (or follow-up time),
// it is an expression no index serves ("+t.priority"): then both engines walk
// tickets_due, whose size is that of the open tickets with a due time, instead of,
// say, the index of a priority. A cached PostgreSQL plan cannot know how many tickets
// are overdue ("sla_due_at < ?" counts as a third of all) and walked the 95,000
// tickets of the biggest company for 1,700 overdue ones: 180 ms, against 26–78 ms
// through tickets_due. A company and a staff member (or nobody) have their own small
// partial indexes of due tickets (tickets_company_due, tickets_assignee_due, 00071),
// which hold only those 1,700 and their due times in order: walked at once, where
// tickets_due passed every other company's due ticket (a small company: 40 ms).
//
// The requests to decide (f.Pending) have their own small partial indexes too
// (tickets_pending, tickets_pending_number): with a company, a staff member or a
// priority named plainly, SQLite read the biggest company's 95,000 tickets to find
// its pending ones (140 ms for the list, as much again for the count).
func (f Filter) col(name string) string {
	switch {
	case f.byDue() && (name == "company_id" || name == "assignee_id"):
		return "t." + name
	case f.byDue() || f.byFollowUp() || f.Pending: // the same for tickets_followup (followup_list.go), tickets_pending
		return "+t." + name
	}
	return "t." + name
}

// dueConditions adds the overdue filter and the condition the due order needs. Both
// name sla_due_at so that the partial index tickets_due serves them.
func (f Filter) dueConditions(where string, args []any) (string, []any) {
	if !f.Overdue.IsZero() {
		where += ` AND t.sla_due_at < ?`
		args = append(args, f.Overdue.Unix())
	}
	if f.byDue() {
		where += ` AND t.sla_due_at IS NOT NULL`
	}
	return where, args
}

// OverdueCap bounds CountOverdue: past it the dashboard says "at least".
const OverdueCap = 1000

// CountOverdue counts the tenant's open tickets whose next due time passed before now,
// up to OverdueCap: the partial index tickets_due holds only open tickets with a due
// time, so this reads at most that many index entries whatever the tenant's size.
func CountOverdue(ctx context.Context, q db.Querier, tenantID int64, now time.Time) (int, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM tickets WHERE tenant_id = ? AND sla_due_at IS NOT NULL
		AND sla_due_at < ? LIMIT ?) o`, tenantID, now.Unix(), OverdueCap).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("ticket: overdue: %w", err)
	}
	return n, nil
}

// doneStatusClock keeps the rule that only open tickets have a due time when a status
// becomes (or is saved as) one of kind resolved or closed: the tickets in it are done
// from now on. They keep their due times, and resolved_at stays empty: nobody resolved
// them, the tenant renamed what their status means.
func doneStatusClock(ctx context.Context, q db.Querier, tenantID int64, s Status) error {
	if s.Kind != KindResolved && s.Kind != KindClosed {
		return nil
	}
	if _, err := q.Exec(ctx, `UPDATE tickets SET sla_due_at = NULL WHERE tenant_id = ? AND status_id = ?
		AND sla_due_at IS NOT NULL`, tenantID, s.ID); err != nil {
		return fmt.Errorf("ticket: status due times: %w", err)
	}
	return nil
}
