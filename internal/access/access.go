// Package access holds the rules of getting in: staff and contact logins with
// throttling, the first-admin setup link, granting and revoking portal access with
// invitations, and password changes. Each rule runs in one transaction together with its
// audit entry and the mail it sends.
package access

import (
	"errors"
	"fmt"
	"pforte/internal/filestore"
	"time"

	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/twofactor"
	"pforte/internal/validate"
)

// Link lifetimes.
const (
	InvitationTTL = 7 * 24 * time.Hour
	SetupTTL      = 24 * time.Hour
)

// Errors a login page turns into one message each. Unknown email and wrong password are
// the same error, so the answer never tells which accounts exist.
var (
	ErrInvalidLogin = errors.New("access: invalid email or password")
	ErrThrottled    = errors.New("access: too many failed logins")
)

// Service runs the access rules against the database.
type Service struct {
	DB  *db.DB
	Now func() time.Time
	// Keys seals TOTP secrets and keys recovery-code hashes (see package twofactor).
	Keys *twofactor.Keyring
	// Files is the file store, where an erased contact's raw mails are deleted from;
	// nil keeps them (tests that erase nobody).
	Files *filestore.Store
}

// CheckNewPassword validates a password a person chose; field is the form field name,
// personal the person's email address (and name) the password must not contain.
func CheckNewPassword(field, pw, confirm string, personal ...string) validate.Errors {
	e := validate.Errors{}
	// Each empty field says so itself: a form sent with both empty showed a message
	// under the first only, and "too short" for a password nobody typed.
	if pw == "" {
		e.Add(field, "error.required", nil)
	} else if len([]rune(pw)) < auth.MinPasswordLength {
		e.Add(field, "error.password_short", map[string]any{"Min": auth.MinPasswordLength})
	} else if why := weakPassword(pw, personal...); why != "" {
		e.Add(field, "error.password_"+why, nil)
	}
	e.MaxLen(field, pw, 200)
	if confirm == "" {
		e.Add("password_confirm", "error.required", nil)
	} else if pw != confirm {
		e.Add("password_confirm", "error.password_mismatch", nil)
	}
	return e
}

// ContactActor names a contact in the audit log.
func ContactActor(id int64, email string) string { return fmt.Sprintf("contact:%d %s", id, email) }

// StaffActor names a staff member in the audit log.
func StaffActor(id int64, email string) string { return fmt.Sprintf("staff:%d %s", id, email) }

// State is a membership's access state as people see it: an invitation older than its
// lifetime shows as "expired".
func State(m contact.Membership, now time.Time) string {
	if m.Access == contact.AccessInvited && now.Sub(m.InvitedAt) > InvitationTTL {
		return "expired"
	}
	return m.Access
}
