package download

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// Subscription is one of a contact's subscriptions, for their settings page and data
// export.
type Subscription struct {
	ID        int64
	CompanyID int64
	Company   string // the company it was made in
	FolderID  int64  // set for a folder
	FileID    int64  // set for a file
	Name      string // the folder's name or the file's title as they are now
	CreatedAt time.Time
}

// MaxSubscriptionsShown bounds the subscriptions a settings page lists; a contact
// subscribes to a handful, the bound only keeps a page small.
const MaxSubscriptionsShown = 500

// ContactSubscriptions lists the contact's subscriptions in every company, oldest first,
// after the one with id after, at most limit (an export pages through them). Folder
// and file come from one join each, never a query per row.
func ContactSubscriptions(ctx context.Context, q db.Querier, tenantID, contactID, after int64, limit int) ([]Subscription, error) {
	// A name is shown only while the company may still see what it names and the
	// contact is still in it with access: a file restricted to other companies since,
	// and renamed then, must not tell its new title to a former subscriber.
	rows, err := q.Query(ctx, `SELECT s.id, s.company_id, co.name, COALESCE(s.folder_id, 0), COALESCE(s.file_id, 0),
		CASE WHEN m.id IS NOT NULL AND (s.folder_id IS NOT NULL OR fi.visibility = 'all' OR EXISTS (SELECT 1
			FROM download_file_companies fc WHERE fc.file_id = fi.id AND fc.company_id = s.company_id))
			THEN COALESCE(fo.name, fi.title, '') ELSE '' END, s.created_at
		FROM download_subscriptions s JOIN companies co ON co.id = s.company_id
		LEFT JOIN memberships m ON m.contact_id = s.contact_id AND m.company_id = s.company_id AND m.access = 'active'
		LEFT JOIN download_folders fo ON fo.id = s.folder_id
		LEFT JOIN download_files fi ON fi.id = s.file_id
		WHERE s.tenant_id = ? AND s.contact_id = ? AND s.id > ? ORDER BY s.id LIMIT ?`, tenantID, contactID, after, limit)
	if err != nil {
		return nil, fmt.Errorf("download: subscriptions of contact: %w", err)
	}
	defer rows.Close()
	var out []Subscription
	for rows.Next() {
		var s Subscription
		var at int64
		if err := rows.Scan(&s.ID, &s.CompanyID, &s.Company, &s.FolderID, &s.FileID, &s.Name, &at); err != nil {
			return nil, fmt.Errorf("download: subscriptions of contact: %w", err)
		}
		s.CreatedAt = time.Unix(at, 0)
		out = append(out, s)
	}
	return out, rows.Err()
}

// Subscriber is a contact subscribing to a folder or file, for the back office.
type Subscriber struct {
	ContactID int64
	Name      string
	Company   string
}

// SubscriberCount counts the subscriptions to the tenant's target (a contact in two
// companies counts twice: they are told for each).
func SubscriberCount(ctx context.Context, q db.Querier, tenantID int64, t Target) (int, error) {
	col, id := t.column()
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM download_subscriptions WHERE tenant_id = ? AND `+col+` = ?`,
		tenantID, id).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("download: subscriber count: %w", err)
	}
	return n, nil
}

// Subscribers lists up to limit subscribers of the tenant's target by name, with the
// company each subscribed for.
func Subscribers(ctx context.Context, q db.Querier, tenantID int64, t Target, limit int) ([]Subscriber, error) {
	col, id := t.column()
	rows, err := q.Query(ctx, `SELECT c.id, TRIM(c.first_name || ' ' || c.last_name), co.name
		FROM download_subscriptions s JOIN contacts c ON c.id = s.contact_id JOIN companies co ON co.id = s.company_id
		WHERE s.tenant_id = ? AND s.`+col+` = ? ORDER BY c.last_name, c.first_name, co.name LIMIT ?`, tenantID, id, limit)
	if err != nil {
		return nil, fmt.Errorf("download: subscribers: %w", err)
	}
	defer rows.Close()
	var out []Subscriber
	for rows.Next() {
		var s Subscriber
		if err := rows.Scan(&s.ContactID, &s.Name, &s.Company); err != nil {
			return nil, fmt.Errorf("download: subscribers: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
