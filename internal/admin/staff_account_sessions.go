package admin

import (
	"net/http"
	"strconv"

	"pforte/internal/audit"
	"pforte/internal/session"
)

// staffSessionOwner is the staff member as the owner of sessions.
func staffSessionOwner(v *visit) session.Owner {
	return session.Owner{TenantID: v.P.TenantID, StaffID: v.P.StaffID}
}

// staffSessionsEnd signs out one of the member's other sessions (one) or all of them,
// noted in the audit log.
func (a *Admin) staffSessionsEnd(one bool) handler {
	return func(w http.ResponseWriter, r *http.Request, v *visit) {
		a.env.SessionsEnd(w, r, staffSessionOwner(v), v.P.SessionID, one, func(n int) error {
			by := v.actor(r, a.env)
			return audit.Log(r.Context(), a.env.DB, v.P.TenantID, by.Label, audit.SessionsEnded, strconv.Itoa(n), by.IP, a.env.Now())
		}, "/admin/account#sessions")
	}
}
