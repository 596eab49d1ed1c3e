package download

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
)

// NoticeBatch bounds the digests one pass sends; the next pass takes the rest.
const NoticeBatch = 200

// dueDigest is a contact (for one company) whose pending notices are due.
type dueDigest struct {
	tenantID, contactID, companyID int64
}

// MailNotices sends the digests due by now, of every tenant, each in a transaction of
// its own that claims the contact's due notices (by deleting them) and queues the
// mail. Every instance may run it at once: the DELETE of the second finds the rows
// gone, so each digest goes out once. A notice whose file the company may no longer
// see, a membership no longer active, a tenant that switched the download area off:
// the notices are dropped without a mail. origin gives a tenant's address for links.
func MailNotices(ctx context.Context, d *db.DB, now time.Time, origin func(tenant.Tenant) string) (int, error) {
	due, err := dueDigests(ctx, d, now)
	if err != nil {
		return 0, err
	}
	return tenant.Sweep(ctx, d, due, func(g dueDigest) int64 { return g.tenantID },
		func(g dueDigest) string { return fmt.Sprintf("download: notice to contact %d", g.contactID) },
		func(ctx context.Context, tx *db.Tx, ten tenant.Tenant, g dueDigest) (bool, error) {
			return mailDigest(ctx, tx, ten, origin(ten), g, now)
		})
}

// dueDigests lists up to NoticeBatch contacts with notices due by now, longest due
// first, through the index on due_at.
func dueDigests(ctx context.Context, q db.Querier, now time.Time) ([]dueDigest, error) {
	rows, err := q.Query(ctx, `SELECT tenant_id, contact_id, company_id FROM download_notices WHERE due_at <= ?
		GROUP BY tenant_id, contact_id, company_id ORDER BY MIN(due_at), MIN(id) LIMIT ?`, now.Unix(), NoticeBatch)
	if err != nil {
		return nil, fmt.Errorf("download: due notices: %w", err)
	}
	defer rows.Close()
	var out []dueDigest
	for rows.Next() {
		var g dueDigest
		if err := rows.Scan(&g.tenantID, &g.contactID, &g.companyID); err != nil {
			return nil, fmt.Errorf("download: due notices: %w", err)
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// claimNotices deletes the contact's notices due by now and returns their versions;
// none when another pass took them first or a new upload moved them on.
func claimNotices(ctx context.Context, tx db.Querier, g dueDigest, now time.Time) ([]int64, error) {
	rows, err := tx.Query(ctx, `DELETE FROM download_notices WHERE tenant_id = ? AND contact_id = ? AND company_id = ?
		AND due_at <= ? RETURNING version_id`, g.tenantID, g.contactID, g.companyID, now.Unix())
	if err != nil {
		return nil, fmt.Errorf("download: claim notices: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("download: claim notices: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
