package web

import (
	"errors"
	"net/http"

	"pforte/internal/db"
	"pforte/internal/session"
)

// SessionsEnd answers "Sign out" on an account's list of sessions (SessionsCard) for
// owner o, whose session of the request is current: with one, the session {id} of the
// path — another person's, or the current one (that is what logging out is for), is a
// 404 — else every other session. record writes the audit entry of n ended sessions
// (none is written for none); the page back then says how many ended, or that none
// was left to end.
func (e *Env) SessionsEnd(w http.ResponseWriter, r *http.Request, o session.Owner, current int64, one bool,
	record func(n int) error, back string) {
	n := 1
	var err error
	if one {
		id, ok := ID(r, "id")
		if !ok {
			e.NotFound(w, r)
			return
		}
		err = session.EndOne(r.Context(), e.DB, o, id, current)
	} else {
		n, err = session.EndOthers(r.Context(), e.DB, o, current, e.Now())
	}
	if errors.Is(err, db.ErrNotFound) {
		e.NotFound(w, r)
		return
	}
	if err == nil && n > 0 {
		err = record(n)
	}
	if err != nil {
		e.Fail(w, r, err)
		return
	}
	if n == 0 { // a second click, or the others had ended meanwhile
		e.Flash(w, r, "active_sessions.none_ended", back)
		return
	}
	e.FlashParts(w, r, back, FlashPart{ID: "active_sessions.ended", Count: n})
}
