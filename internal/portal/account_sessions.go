package portal

import (
	"net/http"
	"strconv"

	"pforte/internal/access"
	"pforte/internal/audit"
	"pforte/internal/session"
)

// sessionOwner is the contact as the owner of sessions.
func sessionOwner(v *visit) session.Owner {
	return session.Owner{TenantID: v.P.TenantID, ContactID: v.P.ContactID}
}

// accountSessionsEnd signs out one of the contact's other sessions (one) — a browser
// left signed in at a colleague's desk — or all of them, noted in their security
// events.
func (p *Portal) accountSessionsEnd(one bool) handler {
	return func(w http.ResponseWriter, r *http.Request, v *visit) {
		p.env.SessionsEnd(w, r, sessionOwner(v), v.P.SessionID, one, func(n int) error {
			return audit.LogFor(r.Context(), p.env.DB, v.P.TenantID, v.P.ContactID, access.ContactActor(v.P.ContactID, v.Contact.Email),
				audit.SessionsEnded, strconv.Itoa(n), p.env.ClientIP(r), p.env.Now())
		}, "/account#sessions")
	}
}
