package access

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/outbox"
	"pforte/internal/session"
	"pforte/internal/tenant"
	"pforte/internal/twofactor"
	"pforte/internal/validate"
)

// SecondFactorNeeded is returned instead of a session when the password (or an
// invitation link) was right but the contact has two-factor authentication on. (A reset
// link asks for the code on its own form instead: ResetInput.) The page
// keeps Challenge in a cookie and asks for the code.
type SecondFactorNeeded struct{ Challenge string }

func (e *SecondFactorNeeded) Error() string { return "access: second factor needed" }

// ErrChallengeGone means the second step of a login expired or was finished already:
// the contact starts again with the password.
var ErrChallengeGone = errors.New("access: login step expired")

// errWrongCode rolls back the second step's transaction when the code does not fit.
var errWrongCode = errors.New("access: wrong code")

// errCodeUsed is a TOTP code that fits but whose time step was used already (a
// replay, or the same code typed twice): refused like a wrong one, but the person is
// told to wait for the next code, not that theirs is wrong.
var errCodeUsed = errors.New("access: code used")

// secondKey is the throttle key of second-factor failures. It is not the login's key,
// so a right password (which clears the login's failures) does not reset the count of
// wrong codes.
func secondKey(email string) string { return "2fa:" + strings.ToLower(email) }

// secondThrottle counts an attempt at a second factor and refuses it when the account
// or the address failed too often (the error names field).
func (s *Service) secondThrottle(ctx context.Context, tenantID int64, ct contact.Contact, ip, field string) error {
	now := s.Now()
	if err := auth.RecordFailure(ctx, s.DB, tenantID, secondKey(ct.Email), ip, now); err != nil {
		return err
	}
	limited, err := auth.Throttled(ctx, s.DB, tenantID, secondKey(ct.Email), ip, now)
	if err != nil {
		return err
	}
	if limited {
		audit.LogFor(ctx, s.DB, tenantID, ct.ID, ContactActor(ct.ID, ct.Email), audit.TwoFactorFailed, "throttled", ip, now)
		return validate.Errors{field: {ID: "login.throttled"}}
	}
	return nil
}

// openSession starts a contact's session, or, when the contact has TOTP on, a
// challenge for the second step (returned as *SecondFactorNeeded after the caller's
// transaction commits).
func (s *Service) openSession(ctx context.Context, tx *db.Tx, tenantID int64, ct contact.Contact, companyID int64, c Client, now time.Time) (sess, challenge string, err error) {
	on, err := twofactor.Enabled(ctx, tx, tenantID, ct.ID)
	if err != nil {
		return "", "", err
	}
	if on {
		challenge, err = twofactor.NewChallenge(ctx, tx, tenantID, ct.ID, companyID, now)
		return "", challenge, err
	}
	sess, err = session.New(ctx, tx, tenantID, 0, ct.ID, companyID, c.IP, c.UserAgent, now)
	return sess, "", err
}

// CheckChallenge tells whether a second step is still open.
func (s *Service) CheckChallenge(ctx context.Context, tenantID int64, raw string) error {
	_, err := twofactor.LookupChallenge(ctx, s.DB, tenantID, raw, s.Now())
	if errors.Is(err, db.ErrNotFound) {
		return ErrChallengeGone
	}
	return err
}

// SecondFactor finishes a login with a TOTP code or a recovery code and returns the new
// session. Wrong codes are throttled per account from all clients (auth.Throttled: only
// someone with the password gets here) and per client; a TOTP code works once, a
// recovery code works once and the contact gets a notice.
func (s *Service) SecondFactor(ctx context.Context, t tenant.Tenant, raw, input, origin string, c Client) (string, error) {
	ch, err := twofactor.LookupChallenge(ctx, s.DB, t.ID, raw, s.Now())
	if errors.Is(err, db.ErrNotFound) {
		return "", ErrChallengeGone
	}
	if err != nil {
		return "", err
	}
	kind, code, msg := loginCode(input)
	if msg != "" {
		return "", validate.Errors{"code": {ID: msg}}
	}
	ct, err := contact.Get(ctx, s.DB, t.ID, ch.ContactID)
	if err != nil {
		return "", err
	}
	if err := s.secondThrottle(ctx, t.ID, ct, c.IP, "code"); err != nil {
		return "", err
	}
	now := s.Now()
	var sess string
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		// Erased or given another address since the password step: start again.
		if err := requireSameContact(ctx, tx, t.ID, ct.ID, ct.Email); err != nil {
			return errors.Join(err, ErrChallengeGone)
		}
		ok, err := s.checkCode(ctx, tx, t.ID, ct.ID, kind, code)
		if err != nil {
			return err
		}
		if !ok {
			return errWrongCode
		}
		if live, err := twofactor.EndChallenge(ctx, tx, ch.ID); err != nil || !live {
			return errors.Join(err, ErrChallengeGone)
		}
		// An invitation accepted with the password becomes a membership only now.
		if ch.InvitationTokenID != 0 {
			if err := acceptAtSecondStep(ctx, tx, ct, ch, c.IP, now); err != nil {
				return err
			}
		}
		// Access may have been revoked while the code was typed.
		if _, err := contact.ActiveMembership(ctx, tx, t.ID, ct.ID, ch.CompanyID); err != nil {
			return errors.Join(err, ErrChallengeGone)
		}
		if sess, err = session.New(ctx, tx, t.ID, 0, ct.ID, ch.CompanyID, c.IP, c.UserAgent, now); err != nil {
			return err
		}
		if err := auth.ClearFailures(ctx, tx, t.ID, secondKey(ct.Email)); err != nil {
			return err
		}
		actor := ContactActor(ct.ID, ct.Email)
		if kind == "recovery" {
			if err := s.recoveryNotice(ctx, tx, t, ct, origin, now); err != nil {
				return err
			}
			if err := audit.LogFor(ctx, tx, t.ID, ct.ID, actor, audit.RecoveryCodeUsed, "", c.IP, now); err != nil {
				return err
			}
		}
		return audit.LogFor(ctx, tx, t.ID, ct.ID, actor, audit.LoginOK, kind, c.IP, now)
	})
	if errors.Is(err, errWrongCode) || errors.Is(err, errCodeUsed) {
		audit.LogFor(ctx, s.DB, t.ID, ct.ID, ContactActor(ct.ID, ct.Email), audit.TwoFactorFailed, kind, c.IP, now)
		return "", validate.Errors{"code": {ID: wrongCodeMessage(kind, err)}}
	}
	return sess, otherKeyRefusal(err)
}

// checkCode uses up a TOTP step or a recovery code if the code fits.
func (s *Service) checkCode(ctx context.Context, q db.Querier, tenantID, contactID int64, kind, code string) (bool, error) {
	if err := s.checkOwnKey(ctx, q, twofactor.Contacts, tenantID, contactID); err != nil {
		return false, err
	}
	if kind == "recovery" {
		return twofactor.UseRecoveryCode(ctx, q, tenantID, contactID, s.Keys.Hash(contactID, code), s.Now())
	}
	return s.useTOTP(ctx, q, twofactor.Contacts, tenantID, contactID, code)
}

// useTOTP checks a six-digit code against the switched-on secret of account id of owner
// (a contact or a staff member) and uses up its step; a code whose step was used
// already does not fit, and comes with errCodeUsed.
func (s *Service) useTOTP(ctx context.Context, q db.Querier, o twofactor.Owner, tenantID, id int64, code string) (bool, error) {
	row, err := o.Get(ctx, q, tenantID, id)
	if errors.Is(err, db.ErrNotFound) || (err == nil && !row.Enabled) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	secret, err := s.Keys.Open(row.Sealed)
	if errors.Is(err, twofactor.ErrWrongKey) {
		return false, s.checkOwnKey(ctx, q, o, tenantID, id) // logs it, and says errOtherKey
	}
	if err != nil {
		return false, err
	}
	step, ok := twofactor.Match(secret, code, s.Now())
	if !ok {
		return false, nil
	}
	if step <= row.LastStep {
		return false, errCodeUsed
	}
	used, err := o.UseStep(ctx, q, tenantID, id, step)
	if err == nil && !used { // a request with the same code got there first
		err = errCodeUsed
	}
	return used, err
}

func (s *Service) recoveryNotice(ctx context.Context, tx *db.Tx, t tenant.Tenant, ct contact.Contact, origin string, now time.Time) error {
	left, err := twofactor.RecoveryLeft(ctx, tx, t.ID, ct.ID)
	if err != nil {
		return err
	}
	msg, err := outbox.Letter{To: ct.Email, Lang: lang(ct.Language, t), Sender: t.Name, Key: "mail.recovery_used",
		ActionURL: origin + "/account",
		Data: withSupport(t, map[string]any{"FirstName": ct.FirstName, "Name": ct.Name(), "Portal": t.Name,
			"Left": strconv.Itoa(left)})}.RenderFor(ctx, tx, t.ID)
	if err != nil {
		return err
	}
	_, err = outbox.Queue(ctx, tx, t.ID, supportReply(t, msg), now)
	return err
}

// maxCodeInput bounds what the code fields accept before any parsing.
const maxCodeInput = 40

// totpCode checks a typed TOTP code (spaces allowed) and returns it, or a message id.
func totpCode(in string) (string, string) {
	in = strings.ReplaceAll(strings.TrimSpace(in), " ", "")
	switch {
	case in == "":
		return "", "error.required"
	case len(in) > maxCodeInput:
		return "", "security.code_long"
	case len(in) != 6 || !isDigits(in):
		return "", "security.code_digits"
	}
	return in, ""
}

// loginCode sorts the second step's input into a TOTP code or a recovery code.
func loginCode(in string) (kind, code, msg string) {
	if c, m := totpCode(in); m == "" {
		return "totp", c, ""
	} else if m == "error.required" || m == "security.code_long" || isDigits(in) {
		return "", "", m
	}
	if rc := twofactor.NormalizeRecovery(in); rc != "" {
		return "recovery", rc, ""
	}
	return "", "", "security.code_format"
}

// wrongCodeMessage is the message for a code of kind that does not fit (err: why, for a
// TOTP code used already): a wrong TOTP
// code is mostly a phone's clock, a wrong recovery code a mistyped, used or replaced one.
func wrongCodeMessage(kind string, err error) string {
	if kind == "recovery" {
		return "signin.recovery_code_wrong"
	}
	if errors.Is(err, errCodeUsed) {
		return "mailout.code_used"
	}
	return "security.code_wrong"
}

func isDigits(s string) bool {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	return s != "" && strings.Trim(s, "0123456789") == ""
}
