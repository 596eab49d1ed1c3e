package access

import (
	"context"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/outbox"
	"pforte/internal/tenant"
)

// inviteColleagueIn invites membership m (of contact ct) with role inside tx, for a main
// contact: unlike a grant by staff it never gives access at once, even to a contact who
// already has a password. The membership becomes "invited" under name (what the main
// contact typed), earlier links of this membership stop working, and the contact gets a
// link: to set a password (mail.invitation), or, with a password already, to accept
// after confirming it (mail.colleague_invitation).
func (s *Service) inviteColleagueIn(ctx context.Context, tx db.Querier, t tenant.Tenant, by Actor, m contact.Membership,
	ct contact.Contact, role, origin, name string) error {
	now := s.Now()
	if err := auth.CancelTokens(ctx, tx, t.ID, ct.ID, m.ID, auth.PurposeInvitation, now); err != nil {
		return err
	}
	raw, err := auth.IssueToken(ctx, tx, auth.Token{TenantID: t.ID, Purpose: auth.PurposeInvitation,
		ContactID: ct.ID, MembershipID: m.ID}, InvitationTTL, now)
	if err != nil {
		return err
	}
	key := "mail.invitation"
	if ct.PasswordHash != "" {
		key = "mail.colleague_invitation"
	}
	letter := outbox.Letter{To: ct.Email, Lang: lang(ct.Language, t), Sender: t.Name, Key: key,
		ActionURL: origin + "/invitation/" + raw,
		Data: map[string]any{"FirstName": ct.FirstName, "Name": ct.Name(), "Company": m.CompanyName, "Portal": t.Name,
			"PortalURL": origin, "Username": ct.Email, "Days": int(InvitationTTL.Hours() / 24),
			"Inviter": by.inviter(t)}}
	if err := contact.SetAccess(ctx, tx, t.ID, m.ID, role, contact.AccessInvited, now); err != nil {
		return err
	}
	if err := contact.SetInvitedName(ctx, tx, t.ID, m.ID, name); err != nil {
		return err
	}
	return sendGranted(ctx, tx, t, by, m, ct, role, letter, audit.InvitationSent, now)
}
