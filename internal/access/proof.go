package access

import (
	"context"
	"errors"

	"pforte/internal/auth"
	"pforte/internal/twofactor"
)

// proofRefusal checks a proof typed where a session alone is not enough (renewing
// recovery codes): the account's password (hash) or a current TOTP code of account id
// of owner o, whose step it then uses up. It returns "" when the proof fits, else the
// message id to show. A code from the app whose step was used already (typed twice, or
// just used to sign in) gets its own message: "neither code nor password" would send
// the person looking for a typo where there is none.
func (s *Service) proofRefusal(ctx context.Context, o twofactor.Owner, tenantID, id int64, hash, proof string) (string, error) {
	if auth.CheckPassword(hash, proof) == nil {
		return "", nil
	}
	code, msg := totpCode(proof)
	if msg != "" {
		return "security.proof_wrong", nil
	}
	ok, err := s.useTOTP(ctx, s.DB, o, tenantID, id, code)
	switch {
	case errors.Is(err, errCodeUsed):
		return "mailout.code_used", nil
	case errors.Is(err, errOtherKey):
		return otherKeyMessage, nil
	case err != nil:
		return "", err
	case !ok:
		return "security.proof_wrong", nil
	}
	return "", nil
}
