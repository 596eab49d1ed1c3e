package ticket

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"pforte/internal/db"
)

// pinKinds, for a searched list on PostgreSQL, looks up the ids of the statuses the
// list's state stands for (open and waiting, or resolved and closed), so that the list
// filters on t.status_id with those ids instead of on the joined status's kind. The
// planner judges a filter on a joined table by the size of that table, not by how many
// tickets have such a status: open tickets, 2 % of a big company's, counted as more
// than half of them, so a contact's search for a common word walked all 95,000 tickets
// of the company in list order (0.2–0.4 s) instead of reading its 2,000 open ones
// through tickets_queue_company (11 ms). With the ids, the statistics of
// tickets.status_id tell it. SQLite plans the lists well as they are, and an unsearched
// list finds its page within a few thousand rows either way.
func (f *Filter) pinKinds(ctx context.Context, q db.Querier, tenantID int64) error {
	if q.Engine() != db.Postgres || f.Query == "" || f.StatusID > 0 {
		return nil
	}
	kinds := `'open', 'waiting'`
	switch f.State {
	case "all", KindWaiting:
		return nil // no condition, or one on status ids already (conditions)
	case "done":
		kinds = `'resolved', 'closed'`
	}
	rows, err := q.Query(ctx, `SELECT id FROM ticket_statuses WHERE tenant_id = ? AND kind IN (`+kinds+`) ORDER BY id`, tenantID)
	if err != nil {
		return fmt.Errorf("ticket: statuses of the list: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("ticket: statuses of the list: %w", err)
		}
		ids = append(ids, strconv.FormatInt(id, 10))
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("ticket: statuses of the list: %w", err)
	}
	f.kindIDs = "{" + strings.Join(ids, ",") + "}"
	return nil
}

// statusWalkAt (a variable for tests) is how many tickets of one status make SQLite
// walk the list's order instead of reading them all through tickets_status and sorting
// them (statusCol). A page needs 50 matches: walking finds them within 50 × (tickets /
// the status's tickets) index entries, at a million tickets and 5,000 of a status
// 10,000 entries, about as long as sorting 5,000 rows (3–5 ms). Counting up to it costs
// 0.7 ms at most.
var statusWalkAt = 5000

// weighStatus, for a list of one status on SQLite, counts that status's tickets up to
// statusWalkAt through tickets_status (a fraction of a millisecond) so statusCol knows
// whether the status is big. A status's size says nothing of its kind: done tickets pile
// up over the years (the closed status held 886,000 of a million tickets), but the
// generator's waiting status held 40,000, and a tenant's own "in progress" may hold 30.
func (f *Filter) weighStatus(ctx context.Context, q db.Querier, tenantID int64) error {
	if q.Engine() != db.SQLite || f.StatusID == 0 || f.seekStatus {
		return nil
	}
	var n int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM tickets WHERE tenant_id = ? AND status_id = ? LIMIT ?) n`,
		tenantID, f.StatusID, statusWalkAt).Scan(&n); err != nil {
		return fmt.Errorf("ticket: weigh status: %w", err)
	}
	f.bigStatus = n >= statusWalkAt
	return nil
}

// statusCol is the column a filter on one status names. For a big status (weighStatus)
// it is an expression no index serves ("+t.status_id"), so that SQLite walks the index
// of the list's order and checks the status on each entry (tickets_queue and the like
// end with status_id), as it does for the done state. Named plainly, SQLite read every
// ticket of a big status through tickets_status and sorted them (1.7–2.9 s a page for
// the closed one; 37 ms for the waiting one by priority, which walked takes 0.5 ms). A
// small status stays plain: its few tickets are found through their index and sorted,
// where a walk would pass most of the tenant's tickets. A count has no order to walk
// (f.seekStatus), except through the small partial index of the requests to decide
// (col). PostgreSQL weighs the LIMIT itself, and its index scans would read the table
// to check a hidden status.
func (f Filter) statusCol() string {
	switch {
	case f.byDue() || f.byFollowUp() || (f.seekStatus && f.Pending):
		return f.col("status_id")
	case f.bigStatus:
		return "+t.status_id"
	}
	return "t.status_id"
}
