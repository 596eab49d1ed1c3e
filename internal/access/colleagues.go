package access

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"pforte/internal/audit"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/principal"
	"pforte/internal/tenant"
	"pforte/internal/validate"
)

// ErrSelf means a main contact tried to change or revoke their own access, which would
// lock them out of managing their company.
var ErrSelf = errors.New("access: not on your own access")

// Colleague is what a main contact enters to invite a colleague.
type Colleague struct {
	FirstName, LastName, Email, Role string
}

// InviteColleague lets a main contact invite a colleague into the active company: an
// existing contact of the tenant with that address joins the company, a new address
// becomes a new contact. Either way the membership stays "invited" under the name the
// main contact typed until the person accepts through the mailed link, so the page
// looks the same whether the address was known or not, and nobody is added to a
// company without agreeing. A company's main contacts together send at most
// ColleagueInviteLimit invitations a day (ErrInviteLimit).
func (s *Service) InviteColleague(ctx context.Context, t tenant.Tenant, p principal.Contact, by Actor, c Colleague, origin string) error {
	if !p.IsMain() {
		return db.ErrNotFound
	}
	// The typed name greets the invited person in the mail: one line, as it is shown.
	c.FirstName, c.LastName = validate.OneLine(c.FirstName), validate.OneLine(c.LastName)
	e := validate.Errors{}
	e.Text("last_name", c.LastName, true, 100)
	e.MaxLen("first_name", c.FirstName, 100)
	e.Required("email", c.Email)
	e.MaxLen("email", c.Email, validate.MaxEmail)
	e.Email("email", c.Email)
	// The typed name greets a stranger in a mail under the provider's name: no links.
	if e["first_name"].ID == "" {
		e.NoWebAddress("first_name", c.FirstName)
	}
	if e["last_name"].ID == "" {
		e.NoWebAddress("last_name", c.LastName)
	}
	if c.Role != principal.RoleMain && c.Role != principal.RoleUser {
		e.Add("role", "error.choice", nil)
	}
	if e.Any() {
		return e
	}
	release, err := s.countInvitation(ctx, p, by, s.Now())
	if err != nil {
		return err
	}
	if err := s.inviteColleague(ctx, t, p, by, c, origin); err != nil {
		release() // nothing went out: the invitation does not use up the company's quota
		return err
	}
	return nil
}

// inviteColleague is InviteColleague once the form is valid and the invitation counted.
func (s *Service) inviteColleague(ctx context.Context, t tenant.Tenant, p principal.Contact, by Actor, c Colleague, origin string) error {
	ct, err := contact.ByEmail(ctx, s.DB, t.ID, c.Email)
	if errors.Is(err, db.ErrNotFound) {
		// A new colleague speaks the inviter's language, most likely: the invitation and
		// later mails go out in it (rather than the portal's default) until they choose.
		var lang string
		if inviter, err := contact.Get(ctx, s.DB, t.ID, p.ContactID); err == nil {
			lang = inviter.Language
		}
		ct, err = contact.Create(ctx, s.DB, contact.Contact{TenantID: t.ID, FirstName: c.FirstName, LastName: c.LastName,
			Email: c.Email, Language: lang}, i18n.Languages, s.Now())
	}
	if err != nil {
		return err
	}
	m, err := contact.MembershipIn(ctx, s.DB, t.ID, ct.ID, p.CompanyID)
	if err == nil && (m.Access == contact.AccessActive || m.Access == contact.AccessInvited) {
		return validate.Errors{"email": {ID: "colleagues.exists"}}
	}
	if errors.Is(err, db.ErrNotFound) {
		var id int64
		if id, err = contact.AddMembership(ctx, s.DB, t.ID, ct.ID, p.CompanyID, c.Role, s.Now()); err == nil {
			m.ID = id
		}
	}
	if err != nil {
		return err
	}
	m, err = contact.GetMembership(ctx, s.DB, t.ID, m.ID)
	if err != nil {
		return err
	}
	name := strings.TrimSpace(c.FirstName + " " + c.LastName)
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		return s.inviteColleagueIn(ctx, tx, t, by, m, ct, c.Role, origin, name)
	})
}

// colleague loads a membership of the main contact's active company that is not their own.
func (s *Service) colleague(ctx context.Context, p principal.Contact, membershipID int64) (contact.Membership, error) {
	if !p.IsMain() {
		return contact.Membership{}, db.ErrNotFound
	}
	m, err := contact.GetMembership(ctx, s.DB, p.TenantID, membershipID)
	if err != nil || m.CompanyID != p.CompanyID {
		return contact.Membership{}, db.ErrNotFound
	}
	if m.ContactID == p.ContactID {
		return m, ErrSelf
	}
	return m, nil
}

// ColleagueRole changes a colleague's role in the main contact's company; signedOut
// tells whether the change ended the colleague's sessions (a downgrade of active
// access, see changeRole), so the page can say so.
func (s *Service) ColleagueRole(ctx context.Context, p principal.Contact, by Actor, membershipID int64, role string) (signedOut bool, err error) {
	m, err := s.colleague(ctx, p, membershipID)
	if err != nil {
		return false, err
	}
	if role != principal.RoleMain && role != principal.RoleUser {
		return false, validate.Errors{"role": {ID: "error.choice"}}
	}
	if m.Access == contact.AccessActive {
		return Downgrade(m.Role, role), s.changeRole(ctx, tenant.Tenant{ID: p.TenantID}, by, m, role)
	}
	now := s.Now()
	return false, s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := contact.SetAccess(ctx, tx, p.TenantID, m.ID, role, m.Access, now); err != nil {
			return err
		}
		target := fmt.Sprintf("%s @ %s (%s → %s)", m.Email, m.CompanyName, m.Role, role)
		return audit.LogFor(ctx, tx, p.TenantID, m.ContactID, by.Label, audit.RoleChanged, target, by.IP, now)
	})
}

// ColleagueRevoke withdraws a colleague's access to the main contact's company, or
// their invitation when they have not accepted it yet (invitation reports which).
func (s *Service) ColleagueRevoke(ctx context.Context, p principal.Contact, by Actor, membershipID int64) (invitation bool, err error) {
	m, err := s.colleague(ctx, p, membershipID)
	if err != nil {
		return false, err
	}
	return m.Access == contact.AccessInvited, s.Revoke(ctx, tenant.Tenant{ID: p.TenantID}, by, m.ID)
}

// ColleagueResend sends a colleague whose invitation is still open (or expired) a new
// link, in place of the earlier one, under the name the invitation was made with. Only
// an invited membership of the main contact's company qualifies; any other id is
// db.ErrNotFound.
func (s *Service) ColleagueResend(ctx context.Context, t tenant.Tenant, p principal.Contact, by Actor, membershipID int64, origin string) error {
	m, err := s.colleague(ctx, p, membershipID)
	if err != nil {
		return err
	}
	if m.Access != contact.AccessInvited {
		return db.ErrNotFound
	}
	if err := pauseResend(ctx, s.DB, t.ID, m.ID, m.Access, s.Now()); err != nil {
		return err
	}
	ct, err := contact.Get(ctx, s.DB, t.ID, m.ContactID)
	if err != nil {
		return err
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		return s.inviteColleagueIn(ctx, tx, t, by, m, ct, m.Role, origin, m.InvitedName)
	})
}
