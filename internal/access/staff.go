package access

import (
	"context"
	"errors"
	"fmt"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/outbox"
	"pforte/internal/session"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/validate"
)

// InviteStaff creates a staff member without a password and mails them a link to set
// one. The member, the link, the mail and the audit entry are stored together, so no
// member exists whom nobody invited and no mail leaves for a member that was not created.
func (s *Service) InviteStaff(ctx context.Context, t tenant.Tenant, by Actor, m staff.Member, origin string) (staff.Member, error) {
	e := validate.Errors{}
	e.Text("name", m.Name, true, 100)
	e.Required("email", m.Email)
	e.MaxLen("email", m.Email, validate.MaxEmail)
	e.Email("email", m.Email)
	if m.Role != staff.RoleAdmin && m.Role != staff.RoleAgent {
		e.Add("role", "error.choice", nil)
	}
	if _, ok := e["email"]; !ok {
		_, err := staff.ByEmail(ctx, s.DB, t.ID, m.Email)
		if err == nil {
			e.Add("email", "error.taken", nil)
		} else if !errors.Is(err, db.ErrNotFound) {
			return m, err
		}
	}
	if e.Any() {
		return m, e
	}
	now := s.Now()
	m.TenantID, m.PasswordHash = t.ID, ""
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		created, err := staff.Create(ctx, tx, m, now)
		if db.IsUnique(err) { // the same address was invited a moment ago
			return validate.Errors{"email": {ID: "error.taken"}}
		}
		if err != nil {
			return err
		}
		m = created
		if err := s.mailStaffInvitation(ctx, tx, t, by, m, origin); err != nil {
			return err
		}
		return audit.Log(ctx, tx, t.ID, by.Label, audit.StaffCreated, fmt.Sprintf("%s (%s)", m.Email, m.Role), by.IP, now)
	})
	return m, err
}

// mailStaffInvitation issues a fresh staff link (earlier ones stop working) and queues
// the invitation mail, readable in the outbox by admins only. The mail names by, the
// admin who invited (or resent), as a contact's invitation names its inviter: a new
// colleague then knows whom to ask and that the mail is no phishing attempt.
func (s *Service) mailStaffInvitation(ctx context.Context, tx *db.Tx, t tenant.Tenant, by Actor, m staff.Member, origin string) error {
	now := s.Now()
	if _, err := tx.Exec(ctx, `UPDATE tokens SET used_at = ? WHERE tenant_id = ? AND staff_id = ? AND purpose = ?
		AND used_at IS NULL`, now.Unix(), t.ID, m.ID, auth.PurposeStaff); err != nil {
		return fmt.Errorf("access: cancel staff links: %w", err)
	}
	raw, err := auth.IssueToken(ctx, tx, auth.Token{TenantID: t.ID, Purpose: auth.PurposeStaff, StaffID: m.ID},
		InvitationTTL, now)
	if err != nil {
		return err
	}
	msg, err := outbox.Letter{To: m.Email, Lang: t.DefaultLanguage, Sender: t.Name, Key: "mail.staff_invitation",
		ActionURL: origin + "/admin/invitation/" + raw,
		Data: map[string]any{"Name": m.Name, "Portal": t.Name, "Days": int(InvitationTTL.Hours() / 24),
			"Inviter": by.inviter(t)},
	}.RenderFor(ctx, tx, t.ID)
	if err != nil {
		return err
	}
	_, err = outbox.QueueAdminOnly(ctx, tx, t.ID, msg, now)
	return err
}

// ErrHasPassword means the staff member has set a password already: nothing to resend.
var ErrHasPassword = errors.New("access: the staff member has a password")

// ResendStaffInvitation sends a new invitation to a member who has not set a password.
func (s *Service) ResendStaffInvitation(ctx context.Context, t tenant.Tenant, by Actor, id int64, origin string) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		// Serialised, so two resends at once cannot both leave a working link.
		if err := tenant.Lock(ctx, tx, t.ID); err != nil {
			return err
		}
		m, err := staff.Get(ctx, tx, t.ID, id)
		if err != nil {
			return err
		}
		if m.PasswordHash != "" || !m.Active {
			return ErrHasPassword
		}
		if err := s.mailStaffInvitation(ctx, tx, t, by, m, origin); err != nil {
			return err
		}
		return audit.Log(ctx, tx, t.ID, by.Label, audit.StaffInvitationResent, m.Email, by.IP, s.Now())
	})
}

// CheckStaffInvitation tells whether a staff invitation link can still be used, and by
// whom. A member deactivated since the invitation cannot use it: the link reads as
// unknown rather than letting them set a password for an account that cannot log in.
// A member who has a password already (set through the operator's link, pforte
// staff-login, while the invitation waited) is done with it: the link reads as used.
// It only ever sets the first password, so mailbox or outbox access never replaces a
// password nor gets past a second factor switched on since.
func (s *Service) CheckStaffInvitation(ctx context.Context, tenantID int64, raw string) (staff.Member, error) {
	tok, err := auth.LookupToken(ctx, s.DB, tenantID, auth.PurposeStaff, raw, s.Now())
	if err != nil {
		return staff.Member{}, err
	}
	m, err := staff.Get(ctx, s.DB, tenantID, tok.StaffID)
	if errors.Is(err, db.ErrNotFound) || (err == nil && !m.Active) {
		return staff.Member{}, auth.ErrTokenUnknown
	}
	if err == nil && m.PasswordHash != "" {
		return staff.Member{}, auth.ErrTokenUsed
	}
	return m, err
}

// AcceptStaffInvitation sets the member's first password, uses up the link and logs
// them in; it returns the new session's cookie value. A member with a password gets
// auth.ErrTokenUsed and nothing changes (see CheckStaffInvitation).
func (s *Service) AcceptStaffInvitation(ctx context.Context, tenantID int64, raw, pw, confirm string, c Client) (string, error) {
	m, err := s.CheckStaffInvitation(ctx, tenantID, raw)
	if err != nil {
		return "", err
	}
	if e := CheckNewPassword("password", pw, confirm, m.Email); e.Any() {
		return "", e
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return "", err
	}
	now := s.Now()
	var sess string
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		// Looked up again inside the transaction: a concurrent click may have used it.
		tok, err := auth.LookupToken(ctx, tx, tenantID, auth.PurposeStaff, raw, now)
		if err != nil {
			return err
		}
		if err := auth.ConsumeToken(ctx, tx, tok.ID, now); err != nil {
			return err
		}
		// Only while there is no password: one set since the check above (the
		// operator's link) stays, and so does the second factor that may guard it.
		if first, err := staff.SetFirstPassword(ctx, tx, tenantID, m.ID, hash); err != nil {
			return err
		} else if !first {
			return auth.ErrTokenUsed
		}
		if sess, err = session.New(ctx, tx, tenantID, m.ID, 0, 0, c.IP, c.UserAgent, now); err != nil {
			return err
		}
		return audit.Log(ctx, tx, tenantID, StaffActor(m.ID, m.Email), audit.PasswordSet, "invitation", c.IP, now)
	})
	return sess, err
}

// UpdateStaff changes a member's role and whether they may log in. The tenant must keep
// at least one active admin who can log in, or nobody could manage staff and settings
// any more; deactivating a member ends their sessions at once.
func (s *Service) UpdateStaff(ctx context.Context, t tenant.Tenant, by Actor, id int64, role string, active bool) error {
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := tenant.Lock(ctx, tx, t.ID); err != nil {
			return err
		}
		// Load first: another tenant's member is a 404 whatever the form says.
		m, err := staff.Get(ctx, tx, t.ID, id)
		if err != nil {
			return err
		}
		if role != staff.RoleAdmin && role != staff.RoleAgent {
			return validate.Errors{"role": {ID: "error.choice"}}
		}
		if usableAdmin(m) && (role != staff.RoleAdmin || !active) {
			others, err := s.otherUsableAdmins(ctx, tx, t.ID, m.ID)
			if err != nil {
				return err
			}
			if others == 0 {
				return validate.Errors{"role": {ID: "admin.staff.last_admin"}}
			}
		}
		wasActive := m.Active
		m.Role, m.Active = role, active
		if err := staff.Update(ctx, tx, m); err != nil {
			return fmt.Errorf("access: update staff: %w", err)
		}
		if wasActive && !active { // nobody would look after their open tickets
			if err := unassignOpen(ctx, tx, t.ID, m, by, now); err != nil {
				return err
			}
		}
		target := fmt.Sprintf("%s (%s)", m.Email, role)
		if !active {
			if err := session.EndForStaff(ctx, tx, t.ID, m.ID, 0); err != nil {
				return err
			}
			target = fmt.Sprintf("%s (%s, inactive)", m.Email, role)
		}
		return audit.Log(ctx, tx, t.ID, by.Label, audit.StaffChanged, target, by.IP, now)
	})
}

// usableAdmin reports whether m is an admin who can log in today. An invited admin who
// never set a password does not count: they might never accept.
func usableAdmin(m staff.Member) bool {
	return m.Role == staff.RoleAdmin && m.Active && m.PasswordHash != ""
}

// otherUsableAdmins counts the tenant's usable admins other than exceptID. Staff lists
// are short, so counting in Go keeps the SQL in the staff package.
func (s *Service) otherUsableAdmins(ctx context.Context, q db.Querier, tenantID, exceptID int64) (int, error) {
	all, err := staff.List(ctx, q, tenantID)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, o := range all {
		if o.ID != exceptID && usableAdmin(o) {
			n++
		}
	}
	return n, nil
}
