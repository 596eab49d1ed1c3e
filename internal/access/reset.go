package access

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/jobs"
	"pforte/internal/outbox"
	"pforte/internal/session"
	"pforte/internal/tenant"
	"pforte/internal/twofactor"
)

// ResetTTL is how long a password-reset link works.
const ResetTTL = time.Hour

// ResetJobKind is the job that answers a "forgot password" request (see RunResetJob).
const ResetJobKind = "password_reset"

// RequestReset records a request for a reset link, to be answered by the worker
// (RunResetJob). The request does the same work for every address, known or not: it
// neither looks the address up nor issues a link, so neither the answer nor its timing
// reveals which addresses have accounts. Requests are throttled per address and per
// client; a throttled one is dropped silently.
func (s *Service) RequestReset(ctx context.Context, t tenant.Tenant, email, origin string, c Client) error {
	key := "reset:" + email
	if err := auth.RecordFailure(ctx, s.DB, t.ID, key, c.IP, s.Now()); err != nil {
		return err
	}
	if limited, err := auth.Throttled(ctx, s.DB, t.ID, key, c.IP, s.Now()); err != nil || limited {
		return err // throttled: silently nothing, like an unknown address
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		id, err := db.Insert(ctx, tx, `INSERT INTO reset_requests (tenant_id, email, ip, origin, created_at)
			VALUES (?, ?, ?, ?, ?)`, t.ID, email, c.IP, origin, now.Unix())
		if err != nil {
			return fmt.Errorf("access: store reset request: %w", err)
		}
		return jobs.Enqueue(ctx, tx, t.ID, ResetJobKind, id, now)
	})
}

// RunResetJob answers a recorded reset request: a contact with this address who may log
// in gets a fresh link (earlier ones stop working); anyone else gets nothing. The request
// row goes in the same transaction, so a request is answered at most once.
func (s *Service) RunResetJob(ctx context.Context, j jobs.Job) error {
	var email, ip, origin string
	err := db.One(s.DB.QueryRow(ctx, `SELECT email, ip, origin FROM reset_requests WHERE id = ? AND tenant_id = ?`,
		j.RefID, j.TenantID).Scan(&email, &ip, &origin))
	if errors.Is(err, db.ErrNotFound) {
		return nil // answered already
	}
	if err != nil {
		return fmt.Errorf("access: reset request: %w", err)
	}
	t, err := tenant.Get(ctx, s.DB, j.TenantID)
	if err != nil {
		return err
	}
	ct, err := contact.ByEmail(ctx, s.DB, t.ID, email)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return err
	}
	send := err == nil && ct.PasswordHash != ""
	if send {
		company, err := s.startCompany(ctx, ct)
		if err != nil {
			return err
		}
		send = company > 0 // no access anywhere (or invited only): nothing to reset
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		res, err := tx.Exec(ctx, `DELETE FROM reset_requests WHERE id = ?`, j.RefID)
		if err != nil {
			return fmt.Errorf("access: reset request: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 || !send {
			return nil
		}
		// The address was looked up before this transaction; staff may have changed it
		// since (which cancels reset links). Touching the row with the old address both
		// checks it still holds and locks it until the link is stored, so a change
		// cannot slip in between and leave a fresh link in the old mailbox.
		res, err = tx.Exec(ctx, `UPDATE contacts SET email = email WHERE id = ? AND tenant_id = ? AND email = ?`,
			ct.ID, t.ID, ct.Email)
		if err != nil {
			return fmt.Errorf("access: reset request: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		return s.mailReset(ctx, tx, t, ct, origin, ip, now)
	})
}

// mailReset issues a reset link for ct and queues the mail with it.
func (s *Service) mailReset(ctx context.Context, tx db.Querier, t tenant.Tenant, ct contact.Contact, origin, ip string, now time.Time) error {
	if err := s.queueResetMail(ctx, tx, t, ct, origin, 0, now); err != nil {
		return err
	}
	return audit.LogFor(ctx, tx, t.ID, ct.ID, ContactActor(ct.ID, ct.Email), audit.PasswordResetRequested, "", ip, now)
}

// queueResetMail cancels ct's earlier reset links, issues a new one and queues the mail
// with it. staffID names the staff member who sent it (0: the contact asked): such a
// link works even where the tenant offers no self-service reset (StaffSentReset).
func (s *Service) queueResetMail(ctx context.Context, tx db.Querier, t tenant.Tenant, ct contact.Contact, origin string, staffID int64, now time.Time) error {
	if err := auth.CancelTokens(ctx, tx, t.ID, ct.ID, 0, auth.PurposeReset, now); err != nil {
		return err
	}
	raw, err := auth.IssueToken(ctx, tx, auth.Token{TenantID: t.ID, Purpose: auth.PurposeReset, ContactID: ct.ID, StaffID: staffID}, ResetTTL, now)
	if err != nil {
		return err
	}
	msg, err := outbox.Letter{To: ct.Email, Lang: lang(ct.Language, t), Sender: t.Name, Key: "mail.reset",
		ActionURL: origin + "/password/reset/" + raw,
		Data: map[string]any{"FirstName": ct.FirstName, "Name": ct.Name(), "Portal": t.Name,
			"Minutes": int(ResetTTL.Minutes())}}.RenderFor(ctx, tx, t.ID)
	if err != nil {
		return err
	}
	_, err = outbox.Queue(ctx, tx, t.ID, msg, now)
	return err
}

// CheckReset tells whether a reset link can still be used, and for whom.
func (s *Service) CheckReset(ctx context.Context, tenantID int64, raw string) (contact.Contact, error) {
	tok, err := auth.LookupToken(ctx, s.DB, tenantID, auth.PurposeReset, raw, s.Now())
	if err != nil {
		return contact.Contact{}, err
	}
	return contact.Get(ctx, s.DB, tenantID, tok.ContactID)
}

// CompleteReset sets the new password, ends every session of the contact (whoever had
// the old password is out), logs them in afresh and mails a notice. With TOTP on, the
// code (in.Code: from the authenticator app, or a recovery code) is checked first in the
// same transaction: a missing or wrong one changes nothing and leaves the link usable
// (reset_code.go says why), and wrong codes count towards the sign-in's code throttle.
func (s *Service) CompleteReset(ctx context.Context, t tenant.Tenant, raw string, in ResetInput, origin string, c Client) (string, error) {
	ct, err := s.CheckReset(ctx, t.ID, raw)
	if err != nil {
		return "", err
	}
	on, err := twofactor.Enabled(ctx, s.DB, t.ID, ct.ID)
	if err != nil {
		return "", err
	}
	e := CheckNewPassword("password", in.Password, in.Confirm, ct.Email)
	var kind, code string
	if on {
		kind, code = resetCode(in.Code, e)
	}
	if e.Any() {
		return "", e
	}
	company, err := s.startCompany(ctx, ct)
	if err != nil {
		return "", err
	}
	if company == 0 { // access was revoked since the link was sent
		return "", auth.ErrTokenUnknown
	}
	if on {
		if err := s.secondThrottle(ctx, t.ID, ct, c.IP, "code"); err != nil {
			return "", err
		}
	}
	hash, err := auth.HashPassword(in.Password)
	if err != nil {
		return "", err
	}
	now := s.Now()
	var sess string
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		tok, err := auth.LookupToken(ctx, tx, t.ID, auth.PurposeReset, raw, now)
		if err != nil {
			return err
		}
		// The second factor before anything changes.
		checked, err := s.resetFactor(ctx, tx, t, ct, kind, code, origin, c, now)
		if err != nil {
			return err
		}
		if err := auth.ConsumeToken(ctx, tx, tok.ID, now); err != nil {
			return err
		}
		if err := contact.SetPassword(ctx, tx, t.ID, ct.ID, hash, now); err != nil {
			return err
		}
		if err := session.EndForContact(ctx, tx, t.ID, ct.ID, 0); err != nil {
			return err
		}
		// A second step opened with the old password ends too.
		if err := twofactor.EndChallenges(ctx, tx, t.ID, ct.ID); err != nil {
			return err
		}
		if err := auth.ClearFailures(ctx, tx, t.ID, ct.Email); err != nil {
			return err
		}
		// The code (if any) was just given: no second step.
		if sess, err = session.New(ctx, tx, t.ID, 0, ct.ID, company, c.IP, c.UserAgent, now); err != nil {
			return err
		}
		if err := s.queueNotice(ctx, tx, t, ct, "mail.password_changed", origin); err != nil {
			return err
		}
		actor := ContactActor(ct.ID, ct.Email)
		if err := audit.LogFor(ctx, tx, t.ID, ct.ID, actor, audit.PasswordReset, "", c.IP, now); err != nil {
			return err
		}
		if checked { // a sign-in with the second factor, as the code step logs it
			return audit.LogFor(ctx, tx, t.ID, ct.ID, actor, audit.LoginOK, kind, c.IP, now)
		}
		return nil
	})
	if err != nil {
		return "", resetCodeRefusal(err, kind, func() {
			audit.LogFor(ctx, s.DB, t.ID, ct.ID, ContactActor(ct.ID, ct.Email), audit.TwoFactorFailed, kind, c.IP, now)
		})
	}
	return sess, nil
}

// queueNotice mails a security notice (key: a mail message prefix) to a contact.
func (s *Service) queueNotice(ctx context.Context, tx *db.Tx, t tenant.Tenant, ct contact.Contact, key, origin string) error {
	msg, err := outbox.Letter{To: ct.Email, Lang: lang(ct.Language, t), Sender: t.Name, Key: key,
		ActionURL: origin + "/login", Data: withSupport(t, map[string]any{"FirstName": ct.FirstName, "Name": ct.Name(),
			"Portal": t.Name, "PortalURL": origin})}.RenderFor(ctx, tx, t.ID)
	if err != nil {
		return err
	}
	_, err = outbox.Queue(ctx, tx, t.ID, supportReply(t, msg), s.Now())
	return err
}
