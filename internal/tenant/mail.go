package tenant

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"pforte/internal/db"
)

// MailSettings are a tenant's own outgoing mail server and sender, set in the back
// office. Empty values fall back to the installation's PFORTE_SMTP_URL / PFORTE_MAIL_FROM.
type MailSettings struct {
	SMTPURL string
	From    string
	// TenantName is the display name of mail from a tenant without a sender of its
	// own; GetMail reads it, SetMail leaves it alone.
	TenantName string
}

// GetMail loads the tenant's mail settings.
func GetMail(ctx context.Context, q db.Querier, id int64) (MailSettings, error) {
	var m MailSettings
	err := q.QueryRow(ctx, `SELECT smtp_url, mail_from, name FROM tenants WHERE id = ?`, id).Scan(&m.SMTPURL, &m.From, &m.TenantName)
	return m, db.One(err)
}

// SetMail stores the tenant's mail settings.
func SetMail(ctx context.Context, q db.Querier, id int64, m MailSettings) error {
	if _, err := q.Exec(ctx, `UPDATE tenants SET smtp_url = ?, mail_from = ? WHERE id = ?`, m.SMTPURL, m.From, id); err != nil {
		return fmt.Errorf("tenant: set mail: %w", err)
	}
	return nil
}

// PasswordMask stands for a stored SMTP password in forms, which never show it.
const PasswordMask = "********"

// MaskSMTP replaces the password of an SMTP URL with PasswordMask.
func MaskSMTP(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "" // never echo what might hold a password
	}
	if u.User == nil {
		return raw
	}
	if _, ok := u.User.Password(); !ok {
		return raw
	}
	// Built by hand: url.URL would percent-encode the mask's asterisks.
	user := url.User(u.User.Username()).String()
	u.User = nil
	scheme, rest, _ := strings.Cut(u.String(), "://")
	return scheme + "://" + user + ":" + PasswordMask + "@" + rest
}

// ErrPasswordNeeded means a submitted SMTP URL carries the mask but the stored password
// may not be reused: the server or user changed, or no password is stored.
var ErrPasswordNeeded = errors.New("tenant: SMTP password must be entered again")

// UnmaskSMTP puts the stored password back into a submitted URL that still carries the
// mask, so saving the form unchanged keeps the password. It does so only for the same
// scheme, host, port and user: otherwise the stored password would be sent to whatever
// server the URL now names.
func UnmaskSMTP(submitted, stored string) (string, error) {
	u, err := url.Parse(submitted)
	if err != nil || u.User == nil {
		return submitted, nil
	}
	if pw, ok := u.User.Password(); !ok || pw != PasswordMask {
		return submitted, nil
	}
	old, err := url.Parse(stored)
	if err != nil || old.User == nil || old.Scheme != u.Scheme || old.Host != u.Host ||
		old.User.Username() != u.User.Username() {
		return "", ErrPasswordNeeded
	}
	oldPW, ok := old.User.Password()
	if !ok {
		return "", ErrPasswordNeeded
	}
	u.User = url.UserPassword(u.User.Username(), oldPW)
	return u.String(), nil
}
