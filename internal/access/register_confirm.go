package access

import (
	"context"
	"errors"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/outbox"
	"pforte/internal/tenant"
)

// RegistrationPayload is the payload of an inbox item of kind registration.
type RegistrationPayload struct {
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	Email     string `json:"email"`
	Company   string `json:"company"` // the company name as the person typed it
	Phone     string `json:"phone"`
	Language  string `json:"language"`
	// Existing says the address already belonged to a contact when the registration was
	// confirmed; approving gives that contact access instead of creating a new one.
	Existing bool `json:"existing"`
}

// CheckRegistration tells whether a confirmation link can still be used, and for what.
func (s *Service) CheckRegistration(ctx context.Context, tenantID int64, raw string) (Registration, error) {
	tok, err := auth.LookupToken(ctx, s.DB, tenantID, auth.PurposeRegister, raw, s.Now())
	if err != nil {
		return Registration{}, err
	}
	return pendingRegistration(ctx, s.DB, tenantID, tok.ID)
}

// ConfirmRegistration uses a confirmation link: the address is proven, the registration
// lands in the staff inbox with the company its email domain suggests, and the person
// is told it arrived; where main contacts may decide on it, the suggested company's are
// told it waits for them. An address that already belongs to a contact is noted on the
// item for staff only. A second confirmed registration of an address with one still open adds
// nothing new to the inbox. Someone who already has access to that company is only
// told so, with the way to a new password (see registeredAlready), and the result says
// so for the page (Confirmed.HasAccess).
func (s *Service) ConfirmRegistration(ctx context.Context, t tenant.Tenant, raw, origin string, c Client) (Confirmed, error) {
	now := s.Now()
	var done Confirmed
	err := s.DB.InTx(ctx, func(tx *db.Tx) error {
		tok, err := auth.LookupToken(ctx, tx, t.ID, auth.PurposeRegister, raw, now)
		if err != nil {
			return err
		}
		if err := auth.ConsumeToken(ctx, tx, tok.ID, now); err != nil {
			return err
		}
		r, err := pendingRegistration(ctx, tx, t.ID, tok.ID)
		if err != nil {
			return err
		}
		p := RegistrationPayload{FirstName: r.FirstName, LastName: r.LastName, Email: r.Email, Company: r.Company,
			Phone: r.Phone, Language: r.Language}
		it := inbox.Item{TenantID: t.ID, Kind: inbox.KindRegistration, Title: r.name() + " · " + r.Company, Email: r.Email}
		ct, err := contact.ByEmail(ctx, tx, t.ID, r.Email)
		switch {
		case err == nil:
			p.Existing, it.ContactID = true, ct.ID
		case !errors.Is(err, db.ErrNotFound):
			return err
		}
		co, err := company.LiveByDomain(ctx, tx, t.ID, inbox.DomainOf(r.Email)) // an archived one is not suggested
		switch {
		case err == nil:
			it.SuggestedCompanyID = co.ID
		case !errors.Is(err, db.ErrNotFound):
			return err
		}
		if p.Existing && it.SuggestedCompanyID > 0 {
			m, err := contact.MembershipIn(ctx, tx, t.ID, ct.ID, it.SuggestedCompanyID)
			if err == nil && m.Access == contact.AccessActive {
				done = Confirmed{HasAccess: true, Company: m.CompanyName}
				return s.registeredAlready(ctx, tx, t, r, ct, m, origin, c, now)
			} else if err != nil && !errors.Is(err, db.ErrNotFound) {
				return err
			}
		}
		var open int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM inbox_items WHERE tenant_id = ? AND kind = ? AND state = 'open'
			AND email = ?`, t.ID, inbox.KindRegistration, r.Email).Scan(&open); err != nil {
			return err
		}
		if open == 0 {
			if _, err := inbox.Create(ctx, tx, it, p, now); err != nil {
				return err
			}
			if it.SuggestedCompanyID > 0 {
				if err := s.tellMainContacts(ctx, tx, t, co, r, origin, now); err != nil {
					return err
				}
			}
		}
		msg, err := outbox.Letter{To: r.Email, Lang: lang(r.Language, t), Sender: t.Name, Key: "mail.registration_received",
			// No button: a pending registration cannot sign in to the portal yet.
			Data: map[string]any{"FirstName": r.FirstName, "Name": r.name(), "Company": r.Company, "Portal": t.Name}}.RenderFor(ctx, tx, t.ID)
		if err != nil {
			return err
		}
		if _, err := outbox.Queue(ctx, tx, t.ID, msg, now); err != nil {
			return err
		}
		return audit.Log(ctx, tx, t.ID, r.Email, audit.RegistrationConfirmed, r.Company, c.IP, now)
	})
	if err != nil {
		return Confirmed{}, err
	}
	return done, nil
}

// Confirmed is what using a confirmation link came to.
type Confirmed struct {
	// HasAccess: the person already signs in to the company the registration suggests,
	// so nothing waits for staff. Only the holder of the link learns it, and the mail
	// to the confirmed address says the same.
	HasAccess bool
	Company   string // that company's name
}
