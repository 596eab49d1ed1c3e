package access

import (
	"context"
	"time"

	"pforte/internal/audit"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/outbox"
	"pforte/internal/tenant"
)

// registeredAlready answers a confirmed registration of a person who already has active
// access to the company their email domain suggests: nothing goes to the inbox (an
// approval could only change their role or end their sessions), and the mail tells them
// they already have access, with the way to the login page (which offers a new
// password when the tenant allows it). Only the owner of the
// address reads this, since the confirmation link proved it.
func (s *Service) registeredAlready(ctx context.Context, tx db.Querier, t tenant.Tenant, r Registration,
	ct contact.Contact, m contact.Membership, origin string, c Client, now time.Time) error {
	msg, err := outbox.Letter{To: r.Email, Lang: lang(ct.Language, t), Sender: t.Name, Key: "mail.registration_existing",
		ActionURL: origin + "/login",
		Data: map[string]any{"FirstName": ct.FirstName, "Name": ct.Name(), "Company": m.CompanyName, "Portal": t.Name,
			"PortalURL": origin, "Username": ct.Email}}.RenderFor(ctx, tx, t.ID)
	if err != nil {
		return err
	}
	if _, err := outbox.Queue(ctx, tx, t.ID, msg, now); err != nil {
		return err
	}
	return audit.Log(ctx, tx, t.ID, r.Email, audit.RegistrationConfirmed, r.Company, c.IP, now)
}
