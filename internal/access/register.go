package access

import (
	"context"
	"fmt"
	"strings"
	"time"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/outbox"
	"pforte/internal/tenant"
	"pforte/internal/validate"
)

// RegisterTTL is how long a registration's confirmation link works.
const RegisterTTL = 24 * time.Hour

// RegisterIPLimit is how many registrations one address may send per auth.Window; more
// are answered as usual but mail nothing, so a script cannot flood strangers' mailboxes.
const RegisterIPLimit = 10

// Registration is what a person enters on the self-registration form.
type Registration struct {
	FirstName, LastName, Email, Company, Phone string
	Language                                   string // the page's language, for the mails
}

// Normalize trims the fields, puts each on one line (the names go into the mail the
// registration sends to the address typed) and lower-cases the email.
func (r *Registration) Normalize() {
	for _, p := range []*string{&r.FirstName, &r.LastName, &r.Company, &r.Phone} {
		*p = validate.OneLine(*p)
	}
	r.Email = strings.ToLower(strings.TrimSpace(r.Email))
}

// Validate checks the form; the field names are those of the form.
func (r Registration) Validate() validate.Errors {
	e := validate.Errors{}
	e.Text("first_name", r.FirstName, true, 100)
	e.Text("last_name", r.LastName, true, 100)
	e.Required("email", r.Email)
	e.MaxLen("email", r.Email, validate.MaxEmail)
	e.Email("email", r.Email)
	e.Text("company", r.Company, true, 200)
	e.Phone("phone", r.Phone)
	// The names and the company go into the confirmation mail, to whatever address
	// was typed: no links under the provider's name for strangers.
	for field, v := range map[string]string{"first_name": r.FirstName, "last_name": r.LastName, "company": r.Company} {
		if e[field].ID == "" {
			e.NoWebAddress(field, v)
		}
	}
	return e
}

// Register mails a confirmation link for a self-registration. Whether the address
// already belongs to a contact makes no difference here, so the answer never tells who
// is a customer; too many requests for one address or from one client are dropped
// silently, with the same answer.
func (s *Service) Register(ctx context.Context, t tenant.Tenant, r Registration, origin string, c Client) error {
	r.Normalize()
	if e := r.Validate(); e.Any() {
		return e
	}
	now := s.Now()
	key := "register:" + r.Email
	if err := auth.RecordFailure(ctx, s.DB, t.ID, key, c.IP, now); err != nil {
		return err
	}
	if limited, err := auth.Throttled(ctx, s.DB, t.ID, key, c.IP, now); err != nil || limited {
		return err
	}
	var fromIP int
	err := s.DB.QueryRow(ctx, `SELECT COUNT(*) FROM login_failures WHERE tenant_id = ? AND ip = ? AND at > ?
		AND email LIKE 'register:%'`, t.ID, auth.ClientKey(c.IP), now.Add(-auth.Window).Unix()).Scan(&fromIP)
	if err != nil || fromIP > RegisterIPLimit {
		return err
	}
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		raw, err := auth.IssueToken(ctx, tx, auth.Token{TenantID: t.ID, Purpose: auth.PurposeRegister}, RegisterTTL, now)
		if err != nil {
			return err
		}
		var tokenID int64
		if err := tx.QueryRow(ctx, `SELECT id FROM tokens WHERE hash = ?`, auth.HashToken(raw)).Scan(&tokenID); err != nil {
			return fmt.Errorf("access: registration token: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO registrations (tenant_id, token_id, first_name, last_name, email,
			company_name, phone, language, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, t.ID, tokenID,
			r.FirstName, r.LastName, r.Email, r.Company, r.Phone, r.Language, now.Unix()); err != nil {
			return fmt.Errorf("access: store registration: %w", err)
		}
		msg, err := outbox.Letter{To: r.Email, Lang: lang(r.Language, t), Sender: t.Name, Key: "mail.registration_confirm",
			ActionURL: origin + "/register/confirm/" + raw,
			Data: map[string]any{"FirstName": r.FirstName, "Name": r.name(), "Company": r.Company, "Portal": t.Name,
				"Hours": int(RegisterTTL.Hours())}}.RenderFor(ctx, tx, t.ID)
		if err != nil {
			return err
		}
		if _, err := outbox.Queue(ctx, tx, t.ID, msg, now); err != nil {
			return err
		}
		return audit.Log(ctx, tx, t.ID, r.Email, audit.RegistrationRequested, r.Company, c.IP, now)
	})
}

func (r Registration) name() string { return strings.TrimSpace(r.FirstName + " " + r.LastName) }

// pendingRegistration loads the registration a confirmation link belongs to.
func pendingRegistration(ctx context.Context, q db.Querier, tenantID, tokenID int64) (Registration, error) {
	var r Registration
	err := q.QueryRow(ctx, `SELECT first_name, last_name, email, company_name, phone, language FROM registrations
		WHERE tenant_id = ? AND token_id = ?`, tenantID, tokenID).
		Scan(&r.FirstName, &r.LastName, &r.Email, &r.Company, &r.Phone, &r.Language)
	if err = db.One(err); err != nil {
		return r, fmt.Errorf("access: registration of token %d: %w", tokenID, err)
	}
	return r, nil
}
