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
