package contact

import (
	"context"
	"fmt"
	"strings"
	"time"

	"pforte/internal/db"
)

// Portal access states of a membership.
const (
	AccessNone    = "none"    // in the company, no portal login
	AccessInvited = "invited" // invitation sent, password not set yet
	AccessActive  = "active"  // may log in to this company
	AccessRevoked = "revoked" // access withdrawn
)

// Membership links a contact to a company with a role.
type Membership struct {
	ID          int64
	TenantID    int64
	ContactID   int64
	CompanyID   int64
	CompanyName string
	ContactName string
	Email       string
	Role        string
	Access      string
	InvitedAt   time.Time
	// InvitedName is the name a main contact typed when inviting this person; the
	// colleagues page shows it instead of ContactName while the invitation is open, so
	// an invitation never reveals an existing account's stored name.
	InvitedName string
	// CompanyRequiresTwoFactor: the company demands two-factor sign-in of its contacts.
	// Loaded with the membership so a page can skip the check when it does not.
	CompanyRequiresTwoFactor bool
	// ListVersion changes with every change to what the company's ticket lists show
	// (kept by triggers, see migration 00017): a list rendered at one version is still
	// right while the company is at that version. Loaded for portal requests only.
	ListVersion int64
	// CompanyArchived: staff archived the company. The access state is kept for a
	// restore, but gives no access meanwhile (Usable).
	CompanyArchived bool
}

// Usable reports whether the membership lets its contact into the portal now: access
// active in a company that is not archived.
func (m Membership) Usable() bool { return m.Access == AccessActive && !m.CompanyArchived }

const mColumns = `m.id, m.tenant_id, m.contact_id, m.company_id, co.name,
	TRIM(c.first_name || ' ' || c.last_name), c.email, m.role, m.access, COALESCE(m.invited_at, 0),
	co.require_two_factor, m.invited_name, co.archived_at IS NOT NULL`

const mFrom = ` FROM memberships m JOIN companies co ON co.id = m.company_id JOIN contacts c ON c.id = m.contact_id `

// dest are the scan targets of mColumns; invited takes the invitation time, which
// finish turns into InvitedAt.
func (m *Membership) dest(invited *int64) []any {
	return []any{&m.ID, &m.TenantID, &m.ContactID, &m.CompanyID, &m.CompanyName, &m.ContactName,
		&m.Email, &m.Role, &m.Access, invited, &m.CompanyRequiresTwoFactor, &m.InvitedName, &m.CompanyArchived}
}

func (m *Membership) finish(invited int64) {
	if invited > 0 {
		m.InvitedAt = time.Unix(invited, 0)
	}
}

func scanM(row interface{ Scan(...any) error }) (Membership, error) {
	var m Membership
	var invited int64
	err := row.Scan(m.dest(&invited)...)
	m.finish(invited)
	return m, db.One(err)
}

func listM(ctx context.Context, q db.Querier, where string, args ...any) ([]Membership, error) {
	rows, err := q.Query(ctx, `SELECT `+mColumns+mFrom+`WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("contact: memberships: %w", err)
	}
	defer rows.Close()
	var out []Membership
	for rows.Next() {
		m, err := scanM(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// AddMembership puts a contact into a company of the same tenant.
func AddMembership(ctx context.Context, q db.Querier, tenantID, contactID, companyID int64, role string, now time.Time) (int64, error) {
	id, err := db.Insert(ctx, q, `INSERT INTO memberships (tenant_id, contact_id, company_id, role, access, created_at)
		SELECT ?, c.id, co.id, ?, 'none', ? FROM contacts c, companies co
		WHERE c.id = ? AND c.tenant_id = ? AND co.id = ? AND co.tenant_id = ?`,
		tenantID, role, now.Unix(), contactID, tenantID, companyID, tenantID)
	if err != nil {
		return 0, fmt.Errorf("contact: add membership: %w", db.One(err))
	}
	return id, nil
}

// GetMembership loads a membership of the tenant.
func GetMembership(ctx context.Context, q db.Querier, tenantID, id int64) (Membership, error) {
	return scanM(q.QueryRow(ctx, `SELECT `+mColumns+mFrom+`WHERE m.tenant_id = ? AND m.id = ?`, tenantID, id))
}

// MembershipsOfContact lists a contact's companies, by company name.
func MembershipsOfContact(ctx context.Context, q db.Querier, tenantID, contactID int64) ([]Membership, error) {
	return listM(ctx, q, `m.tenant_id = ? AND m.contact_id = ? ORDER BY co.name, m.id`, tenantID, contactID)
}

// MembershipsOfCompany lists a company's contacts, by name.
func MembershipsOfCompany(ctx context.Context, q db.Querier, tenantID, companyID int64) ([]Membership, error) {
	return listM(ctx, q, `m.tenant_id = ? AND m.company_id = ? ORDER BY c.last_name, c.first_name, m.id`, tenantID, companyID)
}

// ActiveMembership loads the contact's membership in company if portal access is active
// and the company is not archived.
func ActiveMembership(ctx context.Context, q db.Querier, tenantID, contactID, companyID int64) (Membership, error) {
	return scanM(q.QueryRow(ctx, `SELECT `+mColumns+mFrom+`WHERE m.tenant_id = ? AND m.contact_id = ?
		AND m.company_id = ? AND m.access = 'active' AND co.archived_at IS NULL`, tenantID, contactID, companyID))
}

// SetAccess changes the portal access state (and optionally the role) of a membership.
func SetAccess(ctx context.Context, q db.Querier, tenantID, id int64, role, access string, now time.Time) error {
	// Any change of access ends what a colleague's invitation showed (see InvitedName);
	// SetInvitedName sets it again for a new one.
	set := `access = ?, invited_name = ''`
	args := []any{access}
	if role != "" {
		set += `, role = ?`
		args = append(args, role)
	}
	switch access {
	case AccessInvited:
		set += `, invited_at = ?`
		args = append(args, now.Unix())
	case AccessActive:
		set += `, activated_at = ?`
		args = append(args, now.Unix())
	}
	res, err := q.Exec(ctx, `UPDATE memberships SET `+set+` WHERE tenant_id = ? AND id = ?`, append(args, tenantID, id)...)
	if err != nil {
		return fmt.Errorf("contact: set access: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return db.ErrNotFound
	}
	return nil
}

// ActivateInvited turns the pending invitations of a contact into active access; called
// once the contact has set a password through the link of membership linkID. A
// colleague's invitation (one with an InvitedName) becomes active only through its own
// link: the person agrees to each company a customer's main contact adds them to. An
// invitation to an archived company waits: it stays an invitation, so a restore gives
// back exactly what there was.
func ActivateInvited(ctx context.Context, q db.Querier, tenantID, contactID, linkID int64, now time.Time) error {
	_, err := q.Exec(ctx, `UPDATE memberships SET access = 'active', activated_at = ?, invited_name = ''
		WHERE tenant_id = ? AND contact_id = ? AND access = 'invited' AND (invited_name = '' OR id = ?)
		AND company_id IN (SELECT id FROM companies WHERE tenant_id = ? AND archived_at IS NULL)`,
		now.Unix(), tenantID, contactID, linkID, tenantID)
	return err
}

// MembershipsOfContacts returns the memberships of each given contact (for lists), in
// one query for the whole page.
func MembershipsOfContacts(ctx context.Context, q db.Querier, tenantID int64, contactIDs []int64) (map[int64][]Membership, error) {
	out := map[int64][]Membership{}
	if len(contactIDs) == 0 {
		return out, nil
	}
	args := []any{tenantID}
	marks := make([]string, len(contactIDs))
	for i, id := range contactIDs {
		marks[i] = "?"
		args = append(args, id)
	}
	list, err := listM(ctx, q, `m.tenant_id = ? AND co.tenant_id = m.tenant_id AND m.contact_id IN (`+
		strings.Join(marks, ",")+`) ORDER BY co.name, m.id`, args...)
	for _, m := range list {
		out[m.ContactID] = append(out[m.ContactID], m)
	}
	return out, err
}

// MembershipIn loads the contact's membership in a company, whatever its access.
func MembershipIn(ctx context.Context, q db.Querier, tenantID, contactID, companyID int64) (Membership, error) {
	return scanM(q.QueryRow(ctx, `SELECT `+mColumns+mFrom+`WHERE m.tenant_id = ? AND m.contact_id = ?
		AND m.company_id = ?`, tenantID, contactID, companyID))
}

// SetInvitedName stores the name a main contact typed when inviting the membership's
// person (see Membership.InvitedName).
func SetInvitedName(ctx context.Context, q db.Querier, tenantID, id int64, name string) error {
	_, err := q.Exec(ctx, `UPDATE memberships SET invited_name = ? WHERE tenant_id = ? AND id = ?`, name, tenantID, id)
	if err != nil {
		return fmt.Errorf("contact: set invited name: %w", err)
	}
	return nil
}
