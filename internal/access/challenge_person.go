package access

import (
	"context"
	"errors"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/twofactor"
)

// ChallengeContact is the contact whose sign-in waits at the second step raw
// (ErrChallengeGone when the step is over). The right password has named them, so
// the code page can speak their language rather than the browser's.
func (s *Service) ChallengeContact(ctx context.Context, tenantID int64, raw string) (contact.Contact, error) {
	ch, err := twofactor.LookupChallenge(ctx, s.DB, tenantID, raw, s.Now())
	if errors.Is(err, db.ErrNotFound) {
		return contact.Contact{}, ErrChallengeGone
	}
	if err != nil {
		return contact.Contact{}, err
	}
	return contact.Get(ctx, s.DB, tenantID, ch.ContactID)
}

// ChallengeStaff is ChallengeContact for a back-office sign-in.
func (s *Service) ChallengeStaff(ctx context.Context, tenantID int64, raw string) (staff.Member, error) {
	ch, err := twofactor.LookupStaffChallenge(ctx, s.DB, tenantID, raw, s.Now())
	if errors.Is(err, db.ErrNotFound) {
		return staff.Member{}, ErrChallengeGone
	}
	if err != nil {
		return staff.Member{}, err
	}
	return staff.Get(ctx, s.DB, tenantID, ch.StaffID)
}
