package access

import (
	"context"
	"errors"
	"strconv"
	"time"

	"pforte/internal/audit"
	"pforte/internal/auth"
	"pforte/internal/company"
	"pforte/internal/principal"
)

// ColleagueInviteLimit is how many colleague invitations the main contacts of one
// company may send from the portal within ColleagueInviteWindow. Each invitation mails
// an address the main contact typed, under the provider's name: without a limit, the
// colleagues page would send mail to any number of strangers. Twenty a day lets a small
// company bring its whole team in at once; a larger one is onboarded by staff, whose
// grants in the back office (and imports and the API) are not limited. The count is per
// company, not per main contact, since a main contact may invite further main contacts
// (addresses of their own) and would otherwise multiply the quota.
const ColleagueInviteLimit = 20

// ColleagueInviteWindow is the rolling period ColleagueInviteLimit counts over. The
// counts live in the throttle's table (auth.RecordFailure), which keeps them for
// auth.Kept: the window is exactly that long.
const ColleagueInviteWindow = auth.Kept

// ErrInviteLimit: the company's main contacts sent ColleagueInviteLimit invitations
// within ColleagueInviteWindow; nothing was created or mailed.
var ErrInviteLimit = errors.New("access: too many colleague invitations today")

// inviteKey is what the throttle counts a company's invitations under. It holds no
// address, so the erasure of a person has nothing to forget here, and its prefix keeps
// the invitations out of the client's count of sign-in failures (auth.failures).
func inviteKey(companyID int64) string { return "invite:company:" + strconv.FormatInt(companyID, 10) }

// countInvitation counts an invitation of the main contact's company before it is sent
// (counting first, as the throttle does, so parallel requests cannot all slip in under
// the limit) and refuses it with ErrInviteLimit, taking the count back, when the
// company is over the limit. The refusal is audited, in the main contact's own log too.
// release takes the count back for an invitation that failed later (an address already
// invited), so only invitations that went out use up the quota.
func (s *Service) countInvitation(ctx context.Context, p principal.Contact, by Actor, now time.Time) (release func(), err error) {
	key := inviteKey(p.CompanyID)
	if err := auth.RecordFailure(ctx, s.DB, p.TenantID, key, by.IP, now); err != nil {
		return nil, err
	}
	// Without the request's cancellation: an invitation that failed because the browser
	// went away (its context cancelled) went out as little as any other failed one, and
	// a cancelled context would leave its count standing.
	release = func() { auth.ForgetFailure(context.WithoutCancel(ctx), s.DB, p.TenantID, key, by.IP, now) }
	n, err := auth.Recorded(ctx, s.DB, p.TenantID, key, now.Add(-ColleagueInviteWindow))
	if err != nil {
		release()
		return nil, err
	}
	if n > ColleagueInviteLimit {
		release()
		// "company:7 Kunde AG", as an archived company's entry: linked while it exists.
		target := "company:" + strconv.FormatInt(p.CompanyID, 10)
		if c, err := company.Get(ctx, s.DB, p.TenantID, p.CompanyID); err == nil {
			target += " " + c.Name
		}
		if err := audit.LogFor(ctx, s.DB, p.TenantID, p.ContactID, by.Label, audit.InvitationsLimited, target, by.IP, now); err != nil {
			return nil, err
		}
		return nil, ErrInviteLimit
	}
	return release, nil
}
