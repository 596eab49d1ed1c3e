package portal

import (
	"errors"
	"net/http"
	"strconv"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketFollow adds a colleague of the same company as follower: they see the ticket
// and get its mails. The reader may add themselves ("Follow this ticket"). Anyone who
// is not an active colleague is a 404, and so is a reader who only follows the
// ticket (mayManage).
func (p *Portal) ticketFollow(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	if f.Err == "" && f.Get("contact_id") == "" { // "Choose a colleague…" sent as it was
		t, ok := p.loadTicket(w, r, v)
		if !ok {
			return
		}
		if !mayManage(v, t) {
			p.env.NotFound(w, r)
			return
		}
		f.Errors.Add("contact_id", "portal_qa.follower_required", nil)
		p.renderTicket(w, r, v, t, f, http.StatusUnprocessableEntity)
		return
	}
	cid, _ := strconv.ParseInt(f.Get("contact_id"), 10, 64)
	by := ticket.Actor{ContactID: v.P.ContactID, Name: v.Contact.Name()}
	done := "tickets.follower_added"
	if cid == v.P.ContactID {
		done = "ticket_follow.followed"
		// "…and receive its emails" is not true for one who switched those off.
		mine, err := contact.GetNotifications(r.Context(), p.env.DB, v.P.TenantID, cid)
		if err != nil {
			p.env.Fail(w, r, err)
			return
		}
		if !mine.Followed {
			done = "qa_portal.followed_no_mail"
		}
	}
	p.followChange(w, r, v, func(tx *db.Tx, t ticket.Ticket) error {
		if !mayManage(v, t) { // a follower adds nobody (ticket_manage.go): 404
			return ticket.ErrNotFollower
		}
		if t.Billed {
			return ticket.ErrBilled
		}
		if cid == t.ContactID {
			return errOpenerFollows
		}
		return ticket.Follow(r.Context(), tx, t, cid, by.Name, v.P.ContactID, 0, p.env.Now())
	}, done)
}

// errOpenerFollows refuses the ticket's opener as follower: they see the ticket and
// get its mails already, and "follower added" would claim a change that never was.
// The page does not offer them; only a changed request names them.
var errOpenerFollows = errors.New("portal: the opener follows their ticket already")

func (p *Portal) followChange(w http.ResponseWriter, r *http.Request, v *visit, fn func(tx *db.Tx, t ticket.Ticket) error, done string) {
	t, ok := p.loadTicket(w, r, v)
	if !ok {
		return
	}
	err := p.env.DB.InTx(r.Context(), func(tx *db.Tx) error { return fn(tx, t) })
	switch {
	case errors.Is(err, ticket.ErrNotFollower):
		p.env.NotFound(w, r)
	case errors.Is(err, ticket.ErrBilled):
		f := web.NewForm()
		f.Err = "tickets.error.billed"
		p.renderTicket(w, r, v, t, f, http.StatusConflict)
	case errors.Is(err, errOpenerFollows):
		// At the page's top, not at the colleague list: the list may not be shown.
		f := web.NewForm()
		f.Err = "colleague_guard.opener_follows"
		p.renderTicket(w, r, v, t, f, http.StatusUnprocessableEntity)
	case err != nil:
		p.env.Fail(w, r, err)
	default:
		// A user who stopped following a colleague's ticket can no longer see it:
		// the list takes the message then, rather than a 404.
		if _, err := ticket.ForContact(r.Context(), p.env.DB, v.P, t.ID); errors.Is(err, db.ErrNotFound) {
			p.env.Flash(w, r, "tickets.unfollowed", "/tickets")
			return
		} else if err != nil {
			p.env.Fail(w, r, err)
			return
		}
		p.env.Flash(w, r, done, ticketURL(t.ID, ""))
	}
}
