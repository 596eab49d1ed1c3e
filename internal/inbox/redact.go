package inbox

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// Redact takes the person out of one item, as ForgetContact does for every item of an
// erased contact: its title becomes f.Name, its address f.Email and the personal fields
// of its payload are replaced (see personal). It is for an item whose purpose is served
// while the person was anonymised already (a deleted account's notice marked done):
// only that item changes, not later mail from the same address. It returns the keys of
// the files the payload no longer names, for the caller to delete after the commit.
func Redact(ctx context.Context, q db.Querier, tenantID, id int64, f Forget) ([]string, error) {
	var payload string
	if err := q.QueryRow(ctx, `SELECT payload FROM inbox_items WHERE tenant_id = ? AND id = ?`, tenantID, id).Scan(&payload); err != nil {
		return nil, fmt.Errorf("inbox: redact %d: %w", id, db.One(err))
	}
	red, keys := redactPayload(payload, f)
	if _, err := q.Exec(ctx, `UPDATE inbox_items SET title = ?, email = ?, domain = ?, payload = ? WHERE tenant_id = ? AND id = ?`,
		f.Name, f.Email, DomainOf(f.Email), red, tenantID, id); err != nil {
		return nil, fmt.Errorf("inbox: redact %d: %w", id, err)
	}
	return keys, nil
}
