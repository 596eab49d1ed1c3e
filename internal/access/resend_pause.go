package access

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/auth"
	"pforte/internal/contact"
	"pforte/internal/db"
)

// ResendPause is how long after an invitation link went out to a membership another
// one is refused. A double click, or an impatient colleague pressing "resend" again,
// would otherwise fill the person's mailbox and leave only the last link working.
const ResendPause = 2 * time.Minute

// ErrResentRecently: an invitation went to the membership less than ResendPause ago.
var ErrResentRecently = errors.New("access: an invitation went out moments ago")

// invitedRecently reports whether an invitation link was issued for the membership
// within ResendPause before now.
func invitedRecently(ctx context.Context, q db.Querier, tenantID, membershipID int64, now time.Time) (bool, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM tokens WHERE tenant_id = ? AND membership_id = ? AND purpose = ?
		AND created_at > ?`, tenantID, membershipID, auth.PurposeInvitation, now.Add(-ResendPause).Unix()).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("access: recent invitation: %w", err)
	}
	return n > 0, nil
}

// linkedRecently reports whether an invitation link still open went to the contact,
// for any of their memberships, within ResendPause before now: a grant would void it
// (grantIn cancels all of the contact's invitation links).
func linkedRecently(ctx context.Context, q db.Querier, tenantID, contactID int64, now time.Time) (bool, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM tokens WHERE tenant_id = ? AND contact_id = ? AND purpose = ?
		AND used_at IS NULL AND created_at > ?`, tenantID, contactID, auth.PurposeInvitation, now.Add(-ResendPause).Unix()).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("access: recent invitation link: %w", err)
	}
	return n > 0, nil
}

// pauseResend refuses a new invitation to an invited membership while the last one
// is fresh; other states pass.
func pauseResend(ctx context.Context, q db.Querier, tenantID, membershipID int64, state string, now time.Time) error {
	if state != contact.AccessInvited {
		return nil
	}
	recent, err := invitedRecently(ctx, q, tenantID, membershipID, now)
	if err == nil && recent {
		err = ErrResentRecently
	}
	return err
}
