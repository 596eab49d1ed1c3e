package inbound

import (
	"context"

	"pforte/internal/mailin"
	"pforte/internal/tenant"
)

// authenticate checks m's From address against the Authentication-Results of the
// tenant's trusted mail server, if the tenant named one.
func (l *Listener) authenticate(ctx context.Context, tenantID int64, m *mailin.Message) (mailin.AuthVerdict, error) {
	servID, err := tenant.InboundAuthServID(ctx, l.DB, tenantID)
	if err != nil {
		return mailin.AuthVerdict{}, err
	}
	return mailin.Authenticate(m.AuthResults, servID, m.From.Address), nil
}
