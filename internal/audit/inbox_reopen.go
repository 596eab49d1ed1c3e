package audit

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"pforte/internal/db"
)

// InboxReopened is a done inbox item put back into the open state by staff (target
// InboxTarget): the item itself forgets who handled it, the log keeps it.
const InboxReopened = "inbox_reopened"

// InboxTarget is the target of an entry about one inbox item, "inbox:<id>". It holds
// no title: a mail's subject or a person's name would have to be erased with them.
func InboxTarget(id int64) string { return "inbox:" + strconv.FormatInt(id, 10) }

// Latest is the newest entry of action with target, and whether there is one; the
// inbox page reads when and by whom an item was reopened. Read by the index on
// (tenant_id, action); such entries are few.
func Latest(ctx context.Context, q db.Querier, tenantID int64, action, target string) (Entry, bool, error) {
	e := Entry{Action: action, Target: target}
	var at int64
	err := q.QueryRow(ctx, `SELECT id, at, actor, ip FROM audit_log WHERE tenant_id = ? AND action = ? AND target = ?
		ORDER BY id DESC LIMIT 1`, tenantID, action, target).Scan(&e.ID, &at, &e.Actor, &e.IP)
	if errors.Is(err, sql.ErrNoRows) {
		return Entry{}, false, nil
	}
	if err != nil {
		return Entry{}, false, fmt.Errorf("audit: latest %s: %w", action, err)
	}
	e.At = time.Unix(at, 0)
	return e, true, nil
}
