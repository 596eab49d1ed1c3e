package admin

import (
	"strconv"
	"time"

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

// stamp formats a time for tables (UTC; the back office is a work tool, not a letter).
//
// Deprecated: pages use web.When, in the reader's language. Kept only for branches
// written before it; remove once nothing calls it.
func stamp(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.UTC().Format("2006-01-02 15:04")
}
