package staff

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// Notifications are the helpdesk mails a staff member has chosen to get (My account).
// Mails about their own account (password, two-factor) are not among them: those
// always go out. ticket.Notifier applies the choice in its recipient queries.
type Notifications struct {
	NewTickets        bool // a new ticket nobody is assigned to
	RepliesMine       bool // a customer's reply on a ticket assigned to them
	RepliesUnassigned bool // a customer's reply on a ticket nobody is assigned to
	Assigned          bool // a colleague assigned a ticket to them
	FollowUps         bool // a follow-up they own fell due
}

// DefaultNotifications is what a new member gets: every helpdesk mail.
var DefaultNotifications = Notifications{NewTickets: true, RepliesMine: true, RepliesUnassigned: true, Assigned: true,
	FollowUps: true}

// GetNotifications returns the member's choice; another tenant's member is
// db.ErrNotFound.
func GetNotifications(ctx context.Context, q db.Querier, tenantID, staffID int64) (Notifications, error) {
	var n Notifications
	err := q.QueryRow(ctx, `SELECT notify_new_tickets, notify_replies_mine, notify_replies_unassigned, notify_assigned,
		notify_followups FROM staff WHERE tenant_id = ? AND id = ?`, tenantID, staffID).
		Scan(&n.NewTickets, &n.RepliesMine, &n.RepliesUnassigned, &n.Assigned, &n.FollowUps)
	if err != nil {
		return n, fmt.Errorf("staff: notifications: %w", db.One(err))
	}
	return n, nil
}

// SetNotifications stores the member's choice; another tenant's member is
// db.ErrNotFound.
func SetNotifications(ctx context.Context, q db.Querier, tenantID, staffID int64, n Notifications) error {
	res, err := q.Exec(ctx, `UPDATE staff SET notify_new_tickets = ?, notify_replies_mine = ?, notify_replies_unassigned = ?,
		notify_assigned = ?, notify_followups = ? WHERE tenant_id = ? AND id = ?`, n.NewTickets, n.RepliesMine, n.RepliesUnassigned,
		n.Assigned, n.FollowUps, tenantID, staffID)
	if err != nil {
		return fmt.Errorf("staff: notifications: %w", err)
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return db.ErrNotFound
	}
	return nil
}

// NobodyGetsNewTickets reports whether no member would be mailed about a new ticket:
// every active member who can sign in has switched that mail off. It asks what the
// recipient query of ticket.Notifier.Created selects, so the admins' hint and the
// mails agree.
func NobodyGetsNewTickets(ctx context.Context, q db.Querier, tenantID int64) (bool, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM staff WHERE tenant_id = ? AND active AND password_hash <> ''
		AND notify_new_tickets`, tenantID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("staff: new ticket recipients: %w", err)
	}
	return n == 0, nil
}

// String is the choice as the audit log records it.
func (n Notifications) String() string {
	return fmt.Sprintf("new tickets: %s, replies on my tickets: %s, replies on unassigned tickets: %s, assigned to me: %s, "+
		"follow-ups due: %s", onOff(n.NewTickets), onOff(n.RepliesMine), onOff(n.RepliesUnassigned), onOff(n.Assigned),
		onOff(n.FollowUps))
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}
