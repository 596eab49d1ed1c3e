package admin

import (
	"strconv"

	"pforte/internal/access"
	"pforte/internal/contact"
)

// memberRow is a membership as the back office lists it, with its access state worked
// out (an invitation older than its lifetime shows as expired).
type memberRow struct {
	contact.Membership
	State string // none, invited, expired, active, revoked
}

func (a *Admin) rows(ms []contact.Membership) []memberRow {
	now := a.env.Now()
	out := make([]memberRow, len(ms))
	for i, m := range ms {
		out[i] = memberRow{Membership: m, State: access.State(m, now)}
	}
	return out
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func parseID(s string) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id > 0
}
