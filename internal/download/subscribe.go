package download

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/principal"
)

// Target is what a subscription watches: a folder (new files in it and the folders
// below it) or a file (its new versions). Exactly one id is set.
type Target struct {
	FolderID int64
	FileID   int64
}

// column and id name the subscriptions' column of the target.
func (t Target) column() (string, int64) {
	if t.FileID != 0 {
		return "file_id", t.FileID
	}
	return "folder_id", t.FolderID
}

// checkTarget makes sure the principal's company may see the target now: a file it
// may see, or a folder holding (in it or below it) a file it may see. Anything else —
// another company's restricted folder, another tenant's, none — is db.ErrNotFound.
func checkTarget(ctx context.Context, q db.Querier, p principal.Contact, t Target) error {
	if !p.Valid() || (t.FileID == 0) == (t.FolderID == 0) || t.FileID < 0 || t.FolderID < 0 {
		return db.ErrNotFound
	}
	if t.FileID != 0 {
		_, err := ForContact(ctx, q, p, t.FileID)
		return err
	}
	folders, err := FoldersForContact(ctx, q, p)
	if err != nil {
		return err
	}
	if !containsFolder(folders, t.FolderID) {
		return db.ErrNotFound
	}
	return nil
}

// Subscribe lets the principal's contact hear, for the principal's company, of what
// is new in the target. Subscribing twice is no error.
func Subscribe(ctx context.Context, q db.Querier, p principal.Contact, t Target, now time.Time) error {
	if err := checkTarget(ctx, q, p, t); err != nil {
		return err
	}
	col, id := t.column()
	_, err := q.Exec(ctx, `INSERT INTO download_subscriptions (tenant_id, contact_id, company_id, `+col+`, created_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, p.TenantID, p.ContactID, p.CompanyID, id, now.Unix())
	if err != nil {
		return fmt.Errorf("download: subscribe: %w", err)
	}
	return nil
}

// Unsubscribe ends the principal's subscription to the target; a target the company
// may not see (any more) is db.ErrNotFound, like on its page. The settings page ends
// subscriptions by their id (UnsubscribeByID), whatever became of the target.
func Unsubscribe(ctx context.Context, q db.Querier, p principal.Contact, t Target) error {
	if err := checkTarget(ctx, q, p, t); err != nil {
		return err
	}
	col, id := t.column()
	if _, err := q.Exec(ctx, `DELETE FROM download_subscriptions WHERE tenant_id = ? AND contact_id = ? AND company_id = ?
		AND `+col+` = ?`, p.TenantID, p.ContactID, p.CompanyID, id); err != nil {
		return fmt.Errorf("download: unsubscribe: %w", err)
	}
	return nil
}

// Subscribed reports whether the principal's contact subscribes to the target for the
// principal's company.
func Subscribed(ctx context.Context, q db.Querier, p principal.Contact, t Target) (bool, error) {
	col, id := t.column()
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM download_subscriptions WHERE tenant_id = ? AND contact_id = ?
		AND company_id = ? AND `+col+` = ?`, p.TenantID, p.ContactID, p.CompanyID, id).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("download: subscribed: %w", err)
	}
	return n > 0, nil
}

// UnsubscribeByID ends one of the contact's own subscriptions, in whichever of their
// companies it was made; another contact's is db.ErrNotFound.
func UnsubscribeByID(ctx context.Context, q db.Querier, tenantID, contactID, id int64) error {
	res, err := q.Exec(ctx, `DELETE FROM download_subscriptions WHERE tenant_id = ? AND contact_id = ? AND id = ?`,
		tenantID, contactID, id)
	if err != nil {
		return fmt.Errorf("download: unsubscribe %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return db.ErrNotFound
	}
	return nil
}

// ForgetContact removes a contact's subscriptions and pending notices: they deleted
// their account, and nobody is to be mailed under it again.
func ForgetContact(ctx context.Context, q db.Querier, tenantID, contactID int64) error {
	for _, table := range []string{"download_notices", "download_subscriptions"} {
		if _, err := q.Exec(ctx, `DELETE FROM `+table+` WHERE tenant_id = ? AND contact_id = ?`, tenantID, contactID); err != nil {
			return fmt.Errorf("download: forget contact (%s): %w", table, err)
		}
	}
	return nil
}
