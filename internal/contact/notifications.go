package contact

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// Notifications are the ticket mails a contact has chosen to get. Security notices
// are not among them: those always go out.
type Notifications struct {
	Own      bool // replies, status changes and decisions on tickets they opened
	Followed bool // the same on tickets they follow
	Company  bool // every new ticket of a company where they are main contact
}

// DefaultNotifications is what a new contact gets: mail about their own and followed
// tickets, none about colleagues' new tickets. The columns' defaults (migration 00031)
// give it; this names it for code and tests.
var DefaultNotifications = Notifications{Own: true, Followed: true}

// GetNotifications returns the contact's choice; another tenant's contact is
// db.ErrNotFound.
func GetNotifications(ctx context.Context, q db.Querier, tenantID, contactID int64) (Notifications, error) {
	var n Notifications
	err := q.QueryRow(ctx, `SELECT notify_own, notify_followed, notify_company FROM contacts
		WHERE tenant_id = ? AND id = ?`, tenantID, contactID).Scan(&n.Own, &n.Followed, &n.Company)
	if err != nil {
		return n, fmt.Errorf("contact: notifications: %w", db.One(err))
	}
	return n, nil
}

// SetNotifications stores the contact's choice.
func SetNotifications(ctx context.Context, q db.Querier, tenantID, contactID int64, n Notifications) error {
	res, err := q.Exec(ctx, `UPDATE contacts SET notify_own = ?, notify_followed = ?, notify_company = ?
		WHERE tenant_id = ? AND id = ?`, n.Own, n.Followed, n.Company, tenantID, contactID)
	if err != nil {
		return fmt.Errorf("contact: notifications: %w", err)
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return db.ErrNotFound
	}
	return nil
}
