package access

import (
	"context"
	"errors"
	"fmt"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/validate"
)

// RenameStaff changes a member's name (a typo in the invitation, a new surname). The
// name is what colleagues and customers see on tickets and replies, so it is logged.
func (s *Service) RenameStaff(ctx context.Context, t tenant.Tenant, by Actor, id int64, name string) error {
	name = validate.Line(validate.Clean(name))
	e := validate.Errors{}
	e.Text("name", name, true, 100)
	if e.Any() {
		if _, err := staff.Get(ctx, s.DB, t.ID, id); err != nil {
			return err // another tenant's member is a 404 whatever the form says
		}
		return e
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		m, err := staff.Get(ctx, tx, t.ID, id)
		if err != nil {
			return err
		}
		if m.Name == name {
			return nil
		}
		old := m.Name
		m.Name = name
		if err := staff.Update(ctx, tx, m); err != nil {
			return fmt.Errorf("access: rename staff: %w", err)
		}
		return audit.Log(ctx, tx, t.ID, by.Label, audit.StaffRenamed, fmt.Sprintf("%s: %s → %s", m.Email, old, name), by.IP, now)
	})
}

// ErrSignedIn means the staff member has set a password (signed in): their account is
// deactivated, not deleted, so their tickets and replies keep their name.
var ErrSignedIn = errors.New("access: the staff member has signed in")

// WithdrawStaffInvitation deletes a member who was invited but never set a password,
// together with their invitation link (the tokens go with the row), so an invitation
// sent to a wrong address can be taken back.
func (s *Service) WithdrawStaffInvitation(ctx context.Context, t tenant.Tenant, by Actor, id int64) (staff.Member, error) {
	var m staff.Member
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		// Serialised with a resend, so no link is issued for a member being deleted.
		if err := tenant.Lock(ctx, tx, t.ID); err != nil {
			return err
		}
		var err error
		if m, err = staff.Get(ctx, tx, t.ID, id); err != nil {
			return err
		}
		if m.PasswordHash != "" {
			return ErrSignedIn
		}
		if err := staff.DeleteInvited(ctx, tx, t.ID, m.ID); err != nil {
			return err
		}
		return audit.Log(ctx, tx, t.ID, by.Label, audit.StaffInvitationWithdrawn, fmt.Sprintf("%s (%s)", m.Email, m.Role), by.IP, s.Now())
	})
	return m, err
}
