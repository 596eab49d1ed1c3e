package db

import (
	"context"
	"fmt"
)

// DropKeptFiles deletes the rows of table, one of the files refused forms keep
// (ticket.DropStagedExcept, download.DropKeptExcept), that where selects with args,
// other than keep and the newest spare of the rest, and returns their file_key for the
// caller to delete from the file store. A refused form calls it for its owner's files
// it does not list: those belong to another form of the owner's, which may still be
// open in another tab and sent later, or to an earlier refusal whose form was left or
// sent without them. Nothing tells the two apart, so the newest spare stay for the
// forms that may be open and the older ones go: however often a form is refused
// without its list, at most its own files and spare more stay until the sweep.
//
// The newest are those with the highest ids: table's ids only grow (never handed out
// twice, AUTOINCREMENT on SQLite).
func DropKeptFiles(ctx context.Context, q Querier, table, where string, args []any, keep []int64, spare int) ([]string, error) {
	cond, all := "("+where+")", append([]any(nil), args...)
	if len(keep) > 0 {
		cond += " AND id NOT IN (" + Marks(len(keep)) + ")"
		for _, id := range keep {
			all = append(all, id)
		}
	}
	all = append(append(all, all...), max(spare, 0))
	cond += " AND id NOT IN (SELECT id FROM " + table + " WHERE " + cond + " ORDER BY id DESC LIMIT ?)"
	rows, err := q.Query(ctx, `DELETE FROM `+table+` WHERE `+cond+` RETURNING file_key`, all...)
	if err != nil {
		return nil, fmt.Errorf("db: drop kept files: %w", err)
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("db: drop kept files: %w", err)
		}
		keys = append(keys, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: drop kept files: %w", err)
	}
	return keys, nil
}
