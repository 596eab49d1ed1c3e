package admin

import (
	"errors"
	"net/http"
	"strconv"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/session"
	"pforte/internal/web"
)

// staffSessionOwner is the staff member as the owner of sessions.
func staffSessionOwner(v *visit) session.Owner {
	return session.Owner{TenantID: v.P.TenantID, StaffID: v.P.StaffID}
}

// staffSessionEnd signs out one of the member's other sessions; another person's, or
// the current one, is a 404.
func (a *Admin) staffSessionEnd(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	err := session.EndOne(r.Context(), a.env.DB, staffSessionOwner(v), id, v.P.SessionID)
	if errors.Is(err, db.ErrNotFound) {
		a.env.NotFound(w, r)
		return
	} else if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.staffSessionsEnded(w, r, v, 1)
}

// staffSessionsEndOthers signs out every session of the member but this one.
func (a *Admin) staffSessionsEndOthers(w http.ResponseWriter, r *http.Request, v *visit) {
	n, err := session.EndOthers(r.Context(), a.env.DB, staffSessionOwner(v), v.P.SessionID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.staffSessionsEnded(w, r, v, n)
}

// staffSessionsEnded records n ended sessions in the audit log and says so on My
// account.
func (a *Admin) staffSessionsEnded(w http.ResponseWriter, r *http.Request, v *visit, n int) {
	if n > 0 {
		by := v.actor(r, a.env)
		if err := audit.Log(r.Context(), a.env.DB, v.P.TenantID, by.Label, audit.SessionsEnded, strconv.Itoa(n), by.IP, a.env.Now()); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	a.env.FlashParts(w, r, "/admin/account#sessions", web.FlashPart{ID: "active_sessions.ended", Count: max(n, 1)})
}
