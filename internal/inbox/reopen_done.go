package inbox

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
)

// ErrNotDone means an item asked to be reopened is not done (still open, reopened by
// someone else meanwhile, or decided as a registration is).
var ErrNotDone = errors.New("inbox: item is not done")

// ReopenDone puts a done item back into the open state, so staff can act on it again
// after marking it done by mistake; reopened now, it is listed at the top. Only a
// done item is reopened, and only once: a second (or concurrent) attempt gets
// ErrNotDone. Who handled it before is kept in the audit log, not on the item. email
// is the address the caller read and judged: an erasure meanwhile (ForgetContact
// replaces it) leaves the item done (ErrNotDone).
func ReopenDone(ctx context.Context, q db.Querier, tenantID, id int64, email string, now time.Time) error {
	res, err := q.Exec(ctx, `UPDATE inbox_items SET state = ?, reason = '', handled_at = NULL, handled_by_staff_id = NULL,
		handled_by_contact_id = NULL, handled_by = '', active_at = ? WHERE tenant_id = ? AND id = ? AND state = ? AND email = ?`,
		StateOpen, now.Unix(), tenantID, id, StateDone, email)
	if err != nil {
		return fmt.Errorf("inbox: reopen %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return ErrNotDone
	}
	return nil
}
