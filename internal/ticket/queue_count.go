package ticket

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"pforte/internal/db"
)

// CountQueue counts the tickets Queue lists for f, stopping at limit: the dashboard's
// tiles ("12", "at least 100") and the queue's "37 tickets" line (admin
// ticket_list_count.go) without counting a big tenant's whole queue. One query for
// every filter, in the list's condition, with open or done tickets named by the ids of
// their statuses (countStatuses): a condition on the joined status's kind tells
// PostgreSQL nothing about how many tickets have such a status, so it read all of an
// agent's tickets (a sixth of the table) to find their few open ones, where the ids let
// the index tickets_assignee_status read just those. The ids are written into the SQL:
// PostgreSQL then plans with them even when pgx reuses the prepared statement (no
// db.PlanEachTime, whose planning on every page cost more than the count itself;
// BENCHMARKS.md, "Queue count"). Only the tables the conditions name are joined (t,
// and s for a status's kind): the list's other joins cost planning time for nothing.
//
// A count needs no order, so a status stays a condition an index serves even where the
// list walks past it (statusCol): tickets_status counts a thousand closed tickets from
// its entries. The statuses are joined only when the condition names their kind: joined
// for nothing, SQLite went through them one by one and read every resolved ticket
// through tickets_status before the first billed one (143 ms), or a big company's
// tickets status by status for its few with a due time (155 ms).
func CountQueue(ctx context.Context, q db.Querier, tenantID int64, f Filter, limit int) (int, error) {
	f.seekStatus = true
	in, err := countStatuses(ctx, q, tenantID, &f)
	if err != nil {
		return 0, err
	}
	f, where, args, none, err := queueWhere(ctx, q, tenantID, f)
	if none || err != nil {
		return 0, err
	}
	where += in
	args = append(args, limit)
	if f.Query != "" { // a search's plan depends on its words, as the list's does
		args = append(db.PlanEachTime(q.Engine()), args...)
	}
	from := `tickets t`
	if strings.Contains(where, "s.kind") {
		from += ` JOIN ticket_statuses s ON s.id = t.status_id`
	}
	var n int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM `+from+`
		WHERE `+where+` LIMIT ?) n`, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("ticket: count: %w", err)
	}
	return n, nil
}

// countStatuses turns f's open or done state into a condition on the ids of the
// tenant's statuses of those kinds (retired ones too, as the list's kind condition
// counts them), and f into "all" so the list's kind condition is not added as well. A
// filter on one status, or one listed by due time or follow-up (whose small partial
// indexes hold only such tickets, sla_list.go), stays as it is.
func countStatuses(ctx context.Context, q db.Querier, tenantID int64, f *Filter) (string, error) {
	if f.StatusID > 0 || f.byDue() || f.byFollowUp() {
		return "", nil
	}
	kinds := `'open', 'waiting'`
	switch f.State {
	case "", "open":
	case "done":
		kinds = `'resolved', 'closed'`
	default:
		return "", nil
	}
	rows, err := q.Query(ctx, `SELECT id FROM ticket_statuses WHERE tenant_id = ? AND kind IN (`+kinds+`) ORDER BY id`, tenantID)
	if err != nil {
		return "", fmt.Errorf("ticket: statuses to count: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return "", fmt.Errorf("ticket: statuses to count: %w", err)
		}
		ids = append(ids, strconv.FormatInt(id, 10)) // numbers read from the database: nothing to escape
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("ticket: statuses to count: %w", err)
	}
	f.State = "all"
	if len(ids) == 0 {
		return ` AND 1 = 0`, nil
	}
	col := "t.status_id"
	if f.Pending { // the few requests to decide through tickets_pending, not every done ticket (col)
		col = "+t.status_id"
	}
	return ` AND ` + col + ` IN (` + strings.Join(ids, ", ") + `)`, nil
}
