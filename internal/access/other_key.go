package access

import (
	"context"
	"errors"
	"log/slog"

	"pforte/internal/db"
	"pforte/internal/twofactor"
	"pforte/internal/validate"
)

// errOtherKey: the person's TOTP secret was sealed with another secret key than this
// process holds (a restore or a move without PFORTE_SECRET_KEY or the old data
// directory's secret.key), so neither the authenticator's code nor a recovery code can
// be checked. The sign-in says so under the code field instead of failing with a 500 or
// calling a right recovery code wrong.
var errOtherKey = errors.New("access: two-factor secret sealed with another secret key")

// otherKeyMessage is what the code field says for errOtherKey.
const otherKeyMessage = "operator.totp_other_key"

// checkOwnKey returns errOtherKey, and logs it for the operator, when account id of
// owner o has a switched-on secret sealed with another key.
func (s *Service) checkOwnKey(ctx context.Context, q db.Querier, o twofactor.Owner, tenantID, id int64) error {
	row, err := o.Get(ctx, q, tenantID, id)
	if errors.Is(err, db.ErrNotFound) || (err == nil && !row.Enabled) {
		return nil
	}
	if err != nil {
		return err
	}
	if s.Keys.Owns(row.Sealed) {
		return nil
	}
	slog.Default().Error("two-factor sign-in cannot be checked: the secret was sealed with another secret key; "+
		"start with the PFORTE_SECRET_KEY or data directory secret.key of the installation where it was set up",
		"tenant", tenantID, "staff", o == twofactor.Staff, "id", id)
	return errOtherKey
}

// otherKeyRefusal turns errOtherKey into the message under the code field.
func otherKeyRefusal(err error) error {
	if errors.Is(err, errOtherKey) {
		return validate.Errors{"code": {ID: otherKeyMessage}}
	}
	return err
}
