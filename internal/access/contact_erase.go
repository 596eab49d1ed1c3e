package access

import (
	"context"
	"fmt"

	"pforte/internal/audit"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/tenant"
)

// EraseFacts is what an admin is shown before erasing a contact: what goes and what
// stays.
type EraseFacts struct {
	Memberships []contact.Membership
	Portal      bool // portal access (active) in at least one company
	Opened      int  // tickets the contact opened; they stay, shown as from the erased contact
	Followed    int  // tickets the contact follows
	// LastMain names the companies whose only active main contact ct is: erasing
	// leaves them without anyone who sees all their tickets or manages colleagues.
	LastMain []string
}

// ContactEraseFacts collects ct's companies and tickets for the confirmation page.
func (s *Service) ContactEraseFacts(ctx context.Context, ct contact.Contact) (EraseFacts, error) {
	var f EraseFacts
	var err error
	if f.Memberships, err = contact.MembershipsOfContact(ctx, s.DB, ct.TenantID, ct.ID); err != nil {
		return f, err
	}
	for _, m := range f.Memberships {
		f.Portal = f.Portal || m.Access == contact.AccessActive
	}
	last, err := lastMainOf(ctx, s.DB, f.Memberships)
	if err != nil {
		return f, err
	}
	for _, co := range last {
		f.LastMain = append(f.LastMain, co.Name)
	}
	if err := s.DB.QueryRow(ctx, `SELECT COUNT(*) FROM tickets WHERE tenant_id = ? AND contact_id = ?`,
		ct.TenantID, ct.ID).Scan(&f.Opened); err != nil {
		return f, fmt.Errorf("access: count opened tickets: %w", err)
	}
	if err := s.DB.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_followers WHERE tenant_id = ? AND contact_id = ?`,
		ct.TenantID, ct.ID).Scan(&f.Followed); err != nil {
		return f, fmt.Errorf("access: count followed tickets: %w", err)
	}
	return f, nil
}

// EraseContact anonymises ct on an admin's behalf (a data-protection request by phone
// or letter, a contact created by mistake): the same as the contact deleting their own
// account (forgetContact), but no mail goes anywhere and no inbox item keeps the former
// details, since the admin acts on them already. The audit entry names who erased whom
// by the contact's number and keeps the reason typed; ErrAlreadyErased when there is
// nothing left to erase.
func (s *Service) EraseContact(ctx context.Context, t tenant.Tenant, by Actor, ct contact.Contact, reason string) error {
	now := s.Now()
	naming, err := s.mailsNaming(ctx, ct)
	if err != nil {
		return err
	}
	var gone forgotten
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		var err error
		if gone, err = forgetContact(ctx, tx, t, ct, naming, now); err != nil {
			return err
		}
		return audit.LogFor(ctx, tx, t.ID, ct.ID, by.Label, audit.ContactErased, EraseTarget(ct.ID, reason), by.IP, now)
	})
	if err == nil {
		s.drop(ctx, gone)
	}
	return err
}

// EraseTarget is the audit target of an erasure: "contact 9", and ": reason" when one
// was given.
func EraseTarget(contactID int64, reason string) string {
	target := fmt.Sprintf("contact %d", contactID)
	if reason != "" {
		target += ": " + reason
	}
	return target
}

// LogDataExported records that an admin downloaded ct's data export.
func (s *Service) LogDataExported(ctx context.Context, by Actor, ct contact.Contact) error {
	return audit.LogFor(ctx, s.DB, ct.TenantID, ct.ID, by.Label, audit.ContactDataExported,
		fmt.Sprintf("contact %d", ct.ID), by.IP, s.Now())
}
