package access

import (
	"context"
	"errors"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/passkey"
	"pforte/internal/session"
	"pforte/internal/tenant"
	"pforte/internal/validate"
)

// ErrPasskeyLogin is every failed passkey login that is not throttled: a malformed
// answer, an expired or used challenge, an unknown passkey, a bad signature. One error,
// so the answer does not tell which passkeys exist.
var ErrPasskeyLogin = errors.New("access: passkey login failed")

// passkeyThrottleKey is the throttle's "account" for passkey logins from one address:
// a passkey login names no email before it succeeds, so failures count per client
// address (and, as every failure does, towards the address's overall limit).
func passkeyThrottleKey(ip string) string { return "passkey:" + ip }

// PasskeyLogin verifies the answer to a passkey login ceremony and opens a session the
// way a password login does: in the company used last, with the same audit trail and
// throttling. A passkey asks for the person's PIN or biometrics (user verification is
// required), so the session counts as two-factor and skips any second-factor step.
func (s *Service) PasskeyLogin(ctx context.Context, t tenant.Tenant, rp passkey.RelyingParty, body []byte, c Client) (string, contact.Contact, error) {
	key := passkeyThrottleKey(c.IP)
	if err := s.checkThrottle(ctx, t.ID, key, c); err != nil {
		return "", contact.Contact{}, err
	}
	a, err := passkey.FinishLogin(ctx, s.DB, rp, t.ID, body, s.Now())
	if errors.Is(err, passkey.ErrBadInput) || errors.Is(err, passkey.ErrCeremony) || errors.Is(err, passkey.ErrRejected) {
		return "", contact.Contact{}, s.passkeyFailed(ctx, t.ID, a.Passkey.ContactID, err.Error(), c)
	}
	if err != nil {
		return "", contact.Contact{}, err
	}
	ct, err := contact.Get(ctx, s.DB, t.ID, a.Passkey.ContactID)
	if err != nil {
		return "", ct, err
	}
	companyID, err := s.startCompany(ctx, ct)
	if err != nil {
		return "", ct, err
	}
	if companyID == 0 { // a valid passkey, but no company lets them in any more
		return "", ct, s.passkeyFailed(ctx, t.ID, ct.ID, "no active access", c)
	}
	now := s.Now()
	var raw string
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := requireSameContact(ctx, tx, t.ID, ct.ID, ct.Email); err != nil {
			return err // erased or given another address since it was read
		}
		if raw, err = session.New(ctx, tx, t.ID, 0, ct.ID, companyID, c.IP, c.UserAgent, now); err != nil {
			return err
		}
		if err := passkey.Used(ctx, tx, a.Passkey.ID, a.SignCount, a.Flags, now); err != nil {
			return err
		}
		if err := auth.ClearFailures(ctx, tx, t.ID, key); err != nil {
			return err
		}
		return audit.LogFor(ctx, tx, t.ID, ct.ID, ContactActor(ct.ID, ct.Email), passkey.ActionLogin, a.Passkey.Name, c.IP, now)
	})
	if errors.Is(err, errSignInGone) {
		return "", contact.Contact{}, s.passkeyFailed(ctx, t.ID, 0, "contact changed", c)
	}
	return raw, ct, err
}

// passkeyFailed audits a failed passkey login (checkThrottle already counted it); when
// the passkey was recognised, its owner sees the failure on their account page.
func (s *Service) passkeyFailed(ctx context.Context, tenantID, contactID int64, why string, c Client) error {
	audit.LogFor(ctx, s.DB, tenantID, contactID, "passkey", audit.LoginFailed, validate.Truncate(why, 200), c.IP, s.Now())
	return ErrPasskeyLogin
}
