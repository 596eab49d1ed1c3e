package access

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/tenant"
	"pforte/internal/twofactor"
	"pforte/internal/validate"
)

// TOTPSetup is what the setup page shows: the secret for manual entry and its QR code.
type TOTPSetup struct {
	Secret string
	URL    string // otpauth:// URL, what the QR code holds
	QR     string // data: URI of the QR code PNG
}

// ErrTOTPOn is returned when TOTP is to be set up but is on already.
var ErrTOTPOn = errors.New("access: two-factor authentication is on already")

// TwoFactorOn reports whether a contact has TOTP switched on.
func (s *Service) TwoFactorOn(ctx context.Context, tenantID, contactID int64) (bool, error) {
	return twofactor.Enabled(ctx, s.DB, tenantID, contactID)
}

// StartTOTP makes a new secret for the contact, pending until a code confirms it.
func (s *Service) StartTOTP(ctx context.Context, t tenant.Tenant, p principal.Contact) error {
	ct, err := contact.Get(ctx, s.DB, p.TenantID, p.ContactID)
	if err != nil {
		return err
	}
	if on, err := twofactor.Enabled(ctx, s.DB, p.TenantID, p.ContactID); err != nil || on {
		return errors.Join(err, ErrTOTPOn)
	}
	key, err := twofactor.NewSecret(t.Name, ct.Email)
	if err != nil {
		return err
	}
	return twofactor.SetPending(ctx, s.DB, p.TenantID, p.ContactID, s.Keys.Seal(key.Secret()), s.Now())
}

// PendingTOTP returns the secret awaiting confirmation; db.ErrNotFound when there is
// none, ErrTOTPOn when TOTP is on already.
func (s *Service) PendingTOTP(ctx context.Context, t tenant.Tenant, p principal.Contact) (TOTPSetup, error) {
	ct, err := contact.Get(ctx, s.DB, p.TenantID, p.ContactID)
	if err != nil {
		return TOTPSetup{}, err
	}
	return s.pendingSetup(ctx, t, twofactor.Contacts, p.TenantID, p.ContactID, ct.Email)
}

// pendingSetup is what the setup page shows of the secret awaiting confirmation for
// account id of owner (a contact or a staff member) signing in as email.
func (s *Service) pendingSetup(ctx context.Context, t tenant.Tenant, o twofactor.Owner, tenantID, id int64, email string) (TOTPSetup, error) {
	row, err := o.Get(ctx, s.DB, tenantID, id)
	if err != nil {
		return TOTPSetup{}, err
	}
	if row.Enabled {
		return TOTPSetup{}, ErrTOTPOn
	}
	secret, err := s.Keys.Open(row.Sealed)
	if err != nil {
		return TOTPSetup{}, err
	}
	u := twofactor.KeyURL(t.Name, email, secret)
	qr, err := twofactor.QRDataURI(u)
	return TOTPSetup{Secret: secret, URL: u, QR: qr}, err
}

// pendingStep checks code against the secret awaiting confirmation for account id of
// owner and gives the time step it matched, for the replay guard.
func (s *Service) pendingStep(ctx context.Context, o twofactor.Owner, tenantID, id int64, code string) (int64, error) {
	code, msg := totpCode(code)
	if msg != "" {
		return 0, validate.Errors{"code": {ID: msg}}
	}
	row, err := o.Get(ctx, s.DB, tenantID, id)
	if err != nil {
		return 0, err
	}
	if row.Enabled {
		return 0, ErrTOTPOn
	}
	secret, err := s.Keys.Open(row.Sealed)
	if err != nil {
		return 0, err
	}
	step, ok := twofactor.Match(secret, code, s.Now())
	if !ok {
		return 0, validate.Errors{"code": {ID: "security.code_wrong"}}
	}
	return step, nil
}

// ConfirmTOTP switches the pending secret on when code fits it, and returns the new
// recovery codes (shown once, stored only as keyed hashes).
func (s *Service) ConfirmTOTP(ctx context.Context, t tenant.Tenant, p principal.Contact, code, ip, origin string) ([]string, error) {
	step, err := s.pendingStep(ctx, twofactor.Contacts, p.TenantID, p.ContactID, code)
	if err != nil {
		return nil, err
	}
	ct, err := contact.Get(ctx, s.DB, p.TenantID, p.ContactID)
	if err != nil {
		return nil, err
	}
	codes := twofactor.NewRecoveryCodes()
	now := s.Now()
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := twofactor.Enable(ctx, tx, p.TenantID, p.ContactID, step, now); err != nil {
			return err
		}
		if err := twofactor.ReplaceRecoveryCodes(ctx, tx, p.TenantID, p.ContactID, s.Keys.RecoveryHashes(twofactor.Contacts, p.ContactID, codes), now); err != nil {
			return err
		}
		if err := s.queueNotice(ctx, tx, t, ct, "mail.twofactor_enabled", origin); err != nil {
			return err
		}
		return audit.LogFor(ctx, tx, p.TenantID, ct.ID, ContactActor(ct.ID, ct.Email), audit.TwoFactorEnabled, "totp", ip, now)
	})
	if err != nil {
		return nil, err
	}
	return codes, nil
}

func (s *Service) recoveryHashes(contactID int64, codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = s.Keys.Hash(contactID, twofactor.NormalizeRecovery(c))
	}
	return out
}

// RenewRecoveryCodes replaces the contact's recovery codes; proof is a current code from
// the app or the password, so a session left open does not suffice.
func (s *Service) RenewRecoveryCodes(ctx context.Context, p principal.Contact, proof, ip string) ([]string, error) {
	ct, err := contact.Get(ctx, s.DB, p.TenantID, p.ContactID)
	if err != nil {
		return nil, err
	}
	if err := s.checkProof(ctx, p, ct, "proof", proof, ip); err != nil {
		return nil, err
	}
	codes := twofactor.NewRecoveryCodes()
	now := s.Now()
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := twofactor.ReplaceRecoveryCodes(ctx, tx, p.TenantID, p.ContactID, s.Keys.RecoveryHashes(twofactor.Contacts, p.ContactID, codes), now); err != nil {
			return err
		}
		return audit.LogFor(ctx, tx, p.TenantID, ct.ID, ContactActor(ct.ID, ct.Email), audit.RecoveryCodesRenewed, "", ip, now)
	})
	if err != nil {
		return nil, err
	}
	return codes, nil
}

// checkProof accepts a current TOTP code (six digits) or the password, throttled like
// the second step of a login. A wrong one is audited as a failed second factor.
func (s *Service) checkProof(ctx context.Context, p principal.Contact, ct contact.Contact, field, proof, ip string) error {
	proof = strings.TrimSpace(proof)
	if proof == "" {
		return validate.Errors{field: {ID: "error.required"}}
	}
	if len(proof) > 200 {
		return validate.Errors{field: {ID: "error.too_long", Data: map[string]any{"Max": 200}}}
	}
	if err := s.secondThrottle(ctx, p.TenantID, ct, ip, field); err != nil {
		return err
	}
	refusal, err := s.proofRefusal(ctx, twofactor.Contacts, p.TenantID, p.ContactID, ct.PasswordHash, proof)
	if err != nil {
		return err
	}
	if refusal != "" {
		audit.LogFor(ctx, s.DB, p.TenantID, ct.ID, ContactActor(ct.ID, ct.Email), audit.TwoFactorFailed, "proof", ip, s.Now())
		return validate.Errors{field: {ID: refusal}}
	}
	return auth.ClearFailures(ctx, s.DB, p.TenantID, secondKey(ct.Email))
}

// DisableTOTP switches TOTP off after checking the password, unless a company of the
// contact requires two factors.
func (s *Service) DisableTOTP(ctx context.Context, t tenant.Tenant, p principal.Contact, password, ip, origin string) error {
	ct, err := contact.Get(ctx, s.DB, p.TenantID, p.ContactID)
	if err != nil {
		return err
	}
	if name, err := twofactor.RequiringCompany(ctx, s.DB, p.TenantID, p.ContactID); err != nil {
		return err
	} else if name != "" {
		return validate.Errors{"password": {ID: "security.required_by", Data: map[string]any{"Company": name}}}
	}
	if password == "" {
		return validate.Errors{"password": {ID: "error.required"}}
	}
	if err := s.secondThrottle(ctx, p.TenantID, ct, ip, "password"); err != nil {
		return err
	}
	if auth.CheckPassword(ct.PasswordHash, password) != nil {
		audit.LogFor(ctx, s.DB, p.TenantID, ct.ID, ContactActor(ct.ID, ct.Email), audit.PasswordChangeFailed, "twofactor_disable", ip, s.Now())
		return validate.Errors{"password": {ID: "error.password_wrong"}}
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := twofactor.Remove(ctx, tx, p.TenantID, p.ContactID); err != nil {
			return err
		}
		if err := auth.ClearFailures(ctx, tx, p.TenantID, secondKey(ct.Email)); err != nil {
			return err
		}
		if err := s.queueNotice(ctx, tx, t, ct, "mail.twofactor_disabled", origin); err != nil {
			return err
		}
		return audit.LogFor(ctx, tx, p.TenantID, ct.ID, ContactActor(ct.ID, ct.Email), audit.TwoFactorDisabled, "totp", ip, now)
	})
}

// SetCompanyTwoFactor switches a company's requirement of two factors for all its
// contacts; by is staff or the company's main contact.
func (s *Service) SetCompanyTwoFactor(ctx context.Context, tenantID int64, by Actor, companyID int64, on bool) error {
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		was, err := twofactor.CompanyRequires(ctx, tx, tenantID, companyID)
		if err != nil || was == on {
			return err
		}
		if err := twofactor.SetCompanyRequires(ctx, tx, tenantID, companyID, on); err != nil {
			return err
		}
		state := "off"
		if on {
			state = "on"
		}
		return audit.Log(ctx, tx, tenantID, by.Label, audit.CompanyTwoFactorChanged, "company:"+strconv.FormatInt(companyID, 10)+" "+state, by.IP, s.Now())
	})
}
