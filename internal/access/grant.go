package access

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/outbox"
	"pforte/internal/principal"
	"pforte/internal/session"
	"pforte/internal/tenant"
	"pforte/internal/validate"
)

// Actor is who performs a change, for the audit log.
type Actor struct {
	Label string // StaffActor(…) or ContactActor(…)
	IP    string
	// Name is the person as others know them (the staff member's or the main
	// contact's name): an invitation says who invited its reader.
	Name string
}

// Grant gives a membership portal access with role. A contact without a password gets an
// invitation link to set one; a contact who already has a password (access to another
// company) gets access at once and a notice. Granting again resends the invitation.
func (s *Service) Grant(ctx context.Context, t tenant.Tenant, by Actor, membershipID int64, role, origin string) error {
	if role != principal.RoleMain && role != principal.RoleUser {
		return validate.Errors{"role": {ID: "error.choice"}}
	}
	m, err := contact.GetMembership(ctx, s.DB, t.ID, membershipID)
	if err != nil {
		return err
	}
	if m.CompanyArchived {
		return ErrCompanyArchived
	}
	ct, err := contact.Get(ctx, s.DB, t.ID, m.ContactID)
	if err != nil {
		return err
	}
	if ct.Email == "" {
		return validate.Errors{"email": {ID: "error.email_needed"}}
	}
	if m.Access == contact.AccessActive && ct.PasswordHash != "" {
		return s.changeRole(ctx, t, by, m, role)
	}
	if err := pauseResend(ctx, s.DB, t.ID, m.ID, m.Access, s.Now()); err != nil {
		return err
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		return s.grantIn(ctx, tx, t, by, m, ct, role, origin, "mail.invitation", "")
	})
}

// GrantAll gives each of the memberships access with role in one transaction: all get
// their invitation or notice, or none does (the back office's bulk grant). The caller
// has left out memberships whose contact can already sign in, since Grant would change
// their role instead. A contact whose invitation link went out less than ResendPause
// ago is skipped and returned in paused: a new invitation would void that link, which
// the single resend refuses too (ErrResentRecently).
func (s *Service) GrantAll(ctx context.Context, t tenant.Tenant, by Actor, ms []contact.Membership, role, origin string) (paused []contact.Membership, err error) {
	if role != principal.RoleMain && role != principal.RoleUser {
		return nil, validate.Errors{"role": {ID: "error.choice"}}
	}
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		paused = paused[:0]
		for _, m := range ms {
			if m.CompanyArchived {
				return ErrCompanyArchived
			}
			ct, err := contact.Get(ctx, tx, t.ID, m.ContactID)
			if err != nil {
				return err
			}
			if ct.Email == "" {
				return validate.Errors{"email": {ID: "error.email_needed"}}
			}
			if ct.PasswordHash == "" { // grantIn voids the contact's open invitation links
				recent, err := linkedRecently(ctx, tx, t.ID, ct.ID, s.Now())
				if err != nil {
					return err
				}
				if recent {
					paused = append(paused, m)
					continue
				}
			}
			if err := s.grantIn(ctx, tx, t, by, m, ct, role, origin, "mail.invitation", ""); err != nil {
				return err
			}
		}
		return nil
	})
	return paused, err
}

// grantIn gives membership m access with role inside tx: a contact with a password gets
// access at once and the mail.access notice, one without gets a fresh set-password link
// in the mail inviteKey (mail.invitation, or mail.welcome for a welcome). key, when not
// empty, names the mail to send instead of either (an approved registration).
func (s *Service) grantIn(ctx context.Context, tx db.Querier, t tenant.Tenant, by Actor, m contact.Membership,
	ct contact.Contact, role, origin, inviteKey, key string) error {
	if err := requireLive(ctx, tx, t.ID, m.CompanyID); err != nil {
		return err
	}
	// An erased contact's memberships stay, revoked: no invitation goes to the
	// placeholder address, whatever page the grant came from.
	if err := RequireNotErased(ctx, tx, t.ID, ct.ID); err != nil {
		return err
	}
	now := s.Now()
	letter := outbox.Letter{To: ct.Email, Lang: lang(ct.Language, t), Sender: t.Name,
		Data: map[string]any{"FirstName": ct.FirstName, "Name": ct.Name(), "Company": m.CompanyName, "Portal": t.Name,
			"PortalURL": origin, "Username": ct.Email, "Inviter": by.inviter(t)}}
	state := contact.AccessInvited
	if ct.PasswordHash != "" {
		state = contact.AccessActive
		letter.Key, letter.ActionURL = "mail.access", origin+"/login"
	} else {
		// A resent invitation replaces the earlier link.
		if err := auth.CancelTokens(ctx, tx, t.ID, ct.ID, 0, auth.PurposeInvitation, now); err != nil {
			return err
		}
		raw, err := auth.IssueToken(ctx, tx, auth.Token{TenantID: t.ID, Purpose: auth.PurposeInvitation,
			ContactID: ct.ID, MembershipID: m.ID}, InvitationTTL, now)
		if err != nil {
			return err
		}
		letter.Key, letter.ActionURL = inviteKey, origin+"/invitation/"+raw
		letter.Data["Days"] = int(InvitationTTL.Hours() / 24)
	}
	if key != "" {
		letter.Key = key
	}
	if err := contact.SetAccess(ctx, tx, t.ID, m.ID, role, state, now); err != nil {
		return err
	}
	return sendGranted(ctx, tx, t, by, m, ct, role, letter, audit.AccessGranted, now)
}

// sendGranted queues the access mail letter and logs action (a grant, or a colleague's
// invitation), in tx.
func sendGranted(ctx context.Context, tx db.Querier, t tenant.Tenant, by Actor, m contact.Membership, ct contact.Contact,
	role string, letter outbox.Letter, action string, now time.Time) error {
	msg, err := letter.RenderFor(ctx, tx, t.ID)
	if err != nil {
		return err
	}
	if _, err := outbox.Queue(ctx, tx, t.ID, msg, now); err != nil {
		return err
	}
	target := fmt.Sprintf("%s @ %s (%s)", ct.Email, m.CompanyName, role)
	return audit.LogFor(ctx, tx, t.ID, ct.ID, by.Label, action, target, by.IP, now)
}

// changeRole changes the role of active access. Sessions read the role afresh on every
// request (session.LookupContact), so a promotion applies at once and the contact stays
// signed in; a downgrade ends their sessions in that company, so nobody keeps a page of
// rights they lost open (the page that greets them says their access was changed).
func (s *Service) changeRole(ctx context.Context, t tenant.Tenant, by Actor, m contact.Membership, role string) error {
	if role == m.Role {
		return nil
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := requireLive(ctx, tx, t.ID, m.CompanyID); err != nil {
			return err
		}
		if err := contact.SetAccess(ctx, tx, t.ID, m.ID, role, contact.AccessActive, now); err != nil {
			return err
		}
		if Downgrade(m.Role, role) {
			if err := session.EndForContactCompany(ctx, tx, t.ID, m.ContactID, m.CompanyID); err != nil {
				return err
			}
		}
		target := fmt.Sprintf("%s @ %s (%s → %s)", m.Email, m.CompanyName, m.Role, role)
		return audit.LogFor(ctx, tx, t.ID, m.ContactID, by.Label, audit.RoleChanged, target, by.IP, now)
	})
}

// Downgrade reports whether changing a role from one to to takes rights away (main
// contact to user): only then do the contact's sessions end.
func Downgrade(from, to string) bool {
	return from == principal.RoleMain && to != principal.RoleMain
}

// Revoke withdraws a membership's portal access and ends the contact's sessions in that
// company at once.
func (s *Service) Revoke(ctx context.Context, t tenant.Tenant, by Actor, membershipID int64) error {
	m, err := contact.GetMembership(ctx, s.DB, t.ID, membershipID)
	if err != nil {
		return err
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := contact.SetAccess(ctx, tx, t.ID, m.ID, "", contact.AccessRevoked, now); err != nil {
			return err
		}
		if err := session.EndForContactCompany(ctx, tx, t.ID, m.ContactID, m.CompanyID); err != nil {
			return err
		}
		if err := auth.CancelTokens(ctx, tx, t.ID, m.ContactID, m.ID, auth.PurposeInvitation, now); err != nil {
			return err
		}
		target, action := fmt.Sprintf("%s @ %s", m.Email, m.CompanyName), audit.AccessRevoked
		if m.Access == contact.AccessInvited {
			action = audit.InvitationWithdrawn // nobody lost access they had
		}
		return audit.LogFor(ctx, tx, t.ID, m.ContactID, by.Label, action, target, by.IP, now)
	})
}

// lang is the language to write to a contact in.
func lang(contactLang string, t tenant.Tenant) string {
	if contactLang != "" {
		return contactLang
	}
	return t.DefaultLanguage
}
