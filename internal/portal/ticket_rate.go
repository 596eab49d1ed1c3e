package portal

import (
	"errors"
	"net/http"
	"strings"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ratingCard is the rating card of the ticket page. Only the contact who opened the
// ticket sees it, and only while it is resolved or closed (not merged into another),
// support answered it (ticket.RatingOffered) and the tenant asks for ratings:
// followers and main contacts who did not open it do not rate.
type ratingCard struct {
	Show  bool
	Rated *ticket.Rating // the opener's rating of the current resolution, if given
	Form  web.Form       // the form, with what was typed when it came back with errors
}

// Open reports whether the form shows unfolded: nothing rated yet, or a change that
// came back with errors.
func (c ratingCard) Open() bool { return c.Rated == nil || c.Form.Invalid() }

// errRatingsOff: the tenant switched ratings off after the page was shown.
var errRatingsOff = errors.New("portal: the provider does not ask for ratings")

// errNotAnswered: staff never answered the ticket, so it is not offered for rating
// (ticket.RatingOffered); only a form made by hand gets here.
var errNotAnswered = errors.New("portal: the ticket was never answered")

// ratingCardOf builds the card for the ticket page; rf is the submitted form after an
// error, else empty (then filled with the stored rating).
func (p *Portal) ratingCardOf(r *http.Request, v *visit, t ticket.Ticket, rf web.Form) (ratingCard, error) {
	c := ratingCard{Form: rf}
	if !v.Tenant.Rules.Ratings || !t.Rateable() || t.ContactID == 0 || t.ContactID != v.P.ContactID {
		return c, nil
	}
	offered, err := ticket.RatingOffered(r.Context(), p.env.DB, t)
	if err != nil || !offered {
		return c, err
	}
	c.Show = true
	rt, err := ticket.CurrentRating(r.Context(), p.env.DB, t)
	switch {
	case errors.Is(err, db.ErrNotFound):
	case err != nil:
		return c, err
	default:
		c.Rated = &rt
	}
	if !rf.Invalid() && c.Rated != nil {
		c.Form = web.NewForm()
		c.Form.Set("rating", c.Rated.Value)
		c.Form.Set("comment", c.Rated.Comment)
	}
	return c, nil
}

// ticketRate stores the opener's rating of the resolved ticket (good or bad, with an
// optional comment), or changes it while the ticket stays resolved. Anyone but the
// opener gets a 404, like for a ticket they cannot see. The rating changes nothing
// about the ticket, so a billed ticket can be rated too.
func (p *Portal) ticketRate(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := r.Context()
	t, ok := p.loadTicket(w, r, v)
	if !ok {
		return
	}
	if t.ContactID == 0 || t.ContactID != v.P.ContactID {
		p.env.NotFound(w, r)
		return
	}
	f := web.ParseForm(w, r)
	// A browser sends a textarea's line breaks as CRLF but counts them as one
	// character against maxlength; the stored comment keeps plain line feeds.
	value, comment := f.Get("rating"), strings.ReplaceAll(f.Get("comment"), "\r\n", "\n")
	if f.Err == "" {
		f.Errors = ticket.CheckRating(value, comment)
	}
	if f.Invalid() {
		p.renderTicketWith(w, r, v, t, web.NewForm(), f, http.StatusUnprocessableEntity)
		return
	}
	err := p.env.DB.InTx(ctx, func(tx *db.Tx) error {
		rules, err := tenant.GetTicketRules(ctx, tx, v.P.TenantID)
		if err != nil {
			return err
		}
		v.Tenant.Rules = rules // the page, if shown again, offers what this request enforced
		if !rules.Ratings {
			return errRatingsOff
		}
		if answered, err := ticket.Answered(ctx, tx, t); err != nil {
			return err
		} else if !answered && t.Rateable() { // an open ticket is refused by Rate, with its own message
			return errNotAnswered
		}
		return ticket.Rate(ctx, tx, t, v.P.ContactID, value, comment, p.env.Now())
	})
	switch {
	case errors.Is(err, ticket.ErrNotOpener):
		p.env.NotFound(w, r)
	case errors.Is(err, errRatingsOff), errors.Is(err, ticket.ErrNotDone), errors.Is(err, errNotAnswered):
		// The card is gone from the page shown again; the message says why.
		pf := web.NewForm()
		pf.Err, pf.Unsaved = "ticket_rating.error.not_open", strings.TrimSpace(comment)
		switch {
		case errors.Is(err, errRatingsOff):
			pf.Err = "ticket_rating.error.off"
		case errors.Is(err, errNotAnswered):
			pf.Err = "portal_qa.rating_unanswered"
		}
		p.renderTicketWith(w, r, v, t, pf, f, http.StatusConflict)
	case f.Take(err):
		p.renderTicketWith(w, r, v, t, web.NewForm(), f, http.StatusUnprocessableEntity)
	case err != nil:
		p.env.Fail(w, r, err)
	default:
		p.env.Flash(w, r, "ticket_rating.saved", ticketURL(t.ID, "#rate"))
	}
}
