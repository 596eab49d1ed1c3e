package portal

import (
	"net/http"

	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketUnfollow removes a follower; a user may remove only themselves, a main contact
// anyone.
func (p *Portal) ticketUnfollow(w http.ResponseWriter, r *http.Request, v *visit) {
	cid, ok := web.ID(r, "contact")
	if !ok || (!v.P.IsMain() && cid != v.P.ContactID) {
		p.env.NotFound(w, r)
		return
	}
	done := "tickets.follower_removed"
	if cid == v.P.ContactID { // a main contact who stops following still sees the ticket
		done = "tickets.unfollowed"
	}
	p.followChange(w, r, v, func(tx *db.Tx, t ticket.Ticket) error {
		return ticket.Unfollow(r.Context(), tx, t, cid)
	}, done)
}
