package access

import (
	"context"
	"fmt"

	"pforte/internal/audit"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/principal"
)

// SetNotifications stores which ticket mails the contact wants. A change is audited
// with the new choice, so staff who hear "I never got your answer" can see why.
func (s *Service) SetNotifications(ctx context.Context, p principal.Contact, n contact.Notifications, by Actor) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		old, err := contact.GetNotifications(ctx, tx, p.TenantID, p.ContactID)
		if err != nil {
			return err
		}
		if old == n {
			return nil
		}
		if err := contact.SetNotifications(ctx, tx, p.TenantID, p.ContactID, n); err != nil {
			return err
		}
		target := fmt.Sprintf("own tickets: %s, followed: %s, company's new tickets: %s", onOff(n.Own), onOff(n.Followed), onOff(n.Company))
		return audit.LogFor(ctx, tx, p.TenantID, p.ContactID, by.Label, audit.NotificationsChanged, target, by.IP, s.Now())
	})
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}
