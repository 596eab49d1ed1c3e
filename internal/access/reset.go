package access

import (
	"context"
	"errors"
	"time"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/outbox"
	"pforte/internal/session"
	"pforte/internal/tenant"
)

// ResetTTL is how long a password-reset link works.
const ResetTTL = time.Hour

// RequestReset mails a reset link to the contact with this email, if there is one who
// may log in. The caller shows the same answer either way, so the form does not reveal
// which addresses have accounts; requests are throttled per address and per client.
func (s *Service) RequestReset(ctx context.Context, t tenant.Tenant, email, origin string, c Client) error {
	key := "reset:" + email
	if err := auth.RecordFailure(ctx, s.DB, t.ID, key, c.IP, s.Now()); err != nil {
		return err
	}
	if limited, err := auth.Throttled(ctx, s.DB, t.ID, key, c.IP, s.Now()); err != nil || limited {
		return err // throttled: silently nothing, like an unknown address
	}
	ct, err := contact.ByEmail(ctx, s.DB, t.ID, email)
	if errors.Is(err, db.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if company, err := s.startCompany(ctx, ct); err != nil || company == 0 || ct.PasswordHash == "" {
		return err // no access anywhere (or invited only): nothing to reset
	}
	now := s.Now()
	return s.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := auth.CancelTokens(ctx, tx, t.ID, ct.ID, 0, auth.PurposeReset, now); err != nil {
			return err
		}
		raw, err := auth.IssueToken(ctx, tx, auth.Token{TenantID: t.ID, Purpose: auth.PurposeReset, ContactID: ct.ID}, ResetTTL, now)
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
		if _, err := outbox.Queue(ctx, tx, t.ID, msg, now); err != nil {
			return err
		}
		return audit.LogFor(ctx, tx, t.ID, ct.ID, ContactActor(ct.ID, ct.Email), audit.PasswordResetRequested, "", c.IP, now)
	})
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
// the old password is out), logs them in afresh and mails a notice.
func (s *Service) CompleteReset(ctx context.Context, t tenant.Tenant, raw, pw, confirm, origin string, c Client) (string, error) {
	ct, err := s.CheckReset(ctx, t.ID, raw)
	if err != nil {
		return "", err
	}
	if e := CheckNewPassword("password", pw, confirm); e.Any() {
		return "", e
	}
	company, err := s.startCompany(ctx, ct)
	if err != nil {
		return "", err
	}
	if company == 0 { // access was revoked since the link was sent
		return "", auth.ErrTokenUnknown
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return "", err
	}
	now := s.Now()
	var sess, challenge string
	err = s.DB.InTx(ctx, func(tx *db.Tx) error {
		tok, err := auth.LookupToken(ctx, tx, t.ID, auth.PurposeReset, raw, now)
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
		if err := auth.ClearFailures(ctx, tx, t.ID, ct.Email); err != nil {
			return err
		}
		// With two-factor authentication on, the link from the mailbox is not enough.
		if sess, challenge, err = s.openSession(ctx, tx, t.ID, ct, company, c, now); err != nil {
			return err
		}
		if err := s.queueNotice(ctx, tx, t, ct, "mail.password_changed", origin); err != nil {
			return err
		}
		return audit.LogFor(ctx, tx, t.ID, ct.ID, ContactActor(ct.ID, ct.Email), audit.PasswordReset, "", c.IP, now)
	})
	if err == nil && challenge != "" {
		return "", &SecondFactorNeeded{Challenge: challenge}
	}
	return sess, err
}

// queueNotice mails a security notice (key: a mail message prefix) to a contact.
func (s *Service) queueNotice(ctx context.Context, tx *db.Tx, t tenant.Tenant, ct contact.Contact, key, origin string) error {
	msg, err := outbox.Letter{To: ct.Email, Lang: lang(ct.Language, t), Sender: t.Name, Key: key,
		ActionURL: origin + "/login", Data: map[string]any{"FirstName": ct.FirstName, "Name": ct.Name(), "Portal": t.Name,
			"PortalURL": origin}}.RenderFor(ctx, tx, t.ID)
	if err != nil {
		return err
	}
	_, err = outbox.Queue(ctx, tx, t.ID, msg, s.Now())
	return err
}
