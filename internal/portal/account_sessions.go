package portal

import (
	"errors"
	"net/http"
	"strconv"

	"pforte/internal/access"
	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/session"
	"pforte/internal/web"
)

// sessionOwner is the contact as the owner of sessions.
func sessionOwner(v *visit) session.Owner {
	return session.Owner{TenantID: v.P.TenantID, ContactID: v.P.ContactID}
}

// accountSessionEnd signs out one of the contact's other sessions — a browser left
// signed in at a colleague's desk. Another person's session, or the current one (that
// is what "Log out" is for), is a 404.
func (p *Portal) accountSessionEnd(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		p.env.NotFound(w, r)
		return
	}
	err := session.EndOne(r.Context(), p.env.DB, sessionOwner(v), id, v.P.SessionID)
	if errors.Is(err, db.ErrNotFound) {
		p.env.NotFound(w, r)
		return
	} else if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	p.sessionsEnded(w, r, v, 1)
}

// accountSessionsEndOthers signs out every session of the contact but this one.
func (p *Portal) accountSessionsEndOthers(w http.ResponseWriter, r *http.Request, v *visit) {
	n, err := session.EndOthers(r.Context(), p.env.DB, sessionOwner(v), v.P.SessionID)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	p.sessionsEnded(w, r, v, n)
}

// sessionsEnded records n ended sessions in the contact's security events and says so
// on the account page.
func (p *Portal) sessionsEnded(w http.ResponseWriter, r *http.Request, v *visit, n int) {
	if n > 0 {
		if err := audit.LogFor(r.Context(), p.env.DB, v.P.TenantID, v.P.ContactID, access.ContactActor(v.P.ContactID, v.Contact.Email),
			audit.SessionsEnded, strconv.Itoa(n), p.env.ClientIP(r), p.env.Now()); err != nil {
			p.env.Fail(w, r, err)
			return
		}
	}
	p.env.FlashParts(w, r, "/account#sessions", web.FlashPart{ID: "active_sessions.ended", Count: max(n, 1)})
}
