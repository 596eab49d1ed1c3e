package inbox

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// MaxTurns bounds the mails one mail item holds (the current one and its earlier
// turns). Each join rewrites the whole payload and every later answer decodes it, and
// a sender (or a mail loop without Auto-Submitted) that keeps quoting staff's answer
// needs no staff action in between: once an item is Crowded, an answer starts a new
// item that names it (MailPayload.Follows) instead of growing it further.
const MaxTurns = 20

// Crowded reports whether p's conversation holds MaxTurns mails.
func (p MailPayload) Crowded() bool { return len(p.Earlier)+1 >= MaxTurns }

// Lock reads the tenant's item id for a change of its payload in tx: on PostgreSQL
// the row is locked first (SELECT … FOR UPDATE), so two changes at once — two answers
// joining a mail item from two SMTP sessions, an answer and staff making a ticket of
// the item — are made one after the other, each on the payload the other left, instead
// of the second dropping the first. SQLite's single writer (_txlock=immediate) already
// runs such transactions one after the other.
func Lock(ctx context.Context, tx db.Querier, tenantID, id int64) (Item, error) {
	if tx.Engine() == db.Postgres {
		if _, err := tx.Exec(ctx, `SELECT id FROM inbox_items WHERE tenant_id = ? AND id = ? FOR UPDATE`, tenantID, id); err != nil {
			return Item{}, fmt.Errorf("inbox: lock %d: %w", id, err)
		}
	}
	return Get(ctx, tx, tenantID, id)
}
