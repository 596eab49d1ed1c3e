package portal

import (
	"net/http"
	"slices"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketView is what the ticket page shows to a contact.
type ticketView struct {
	ticket.Detail
	CanReply   bool // not billed, not resolved or closed
	CanClose   bool
	CanReopen  bool
	Colleagues []contact.Membership // who can be added as follower (never the reader)
	LimitMB    int
	// MergedSeen: the contact may open the ticket this one was merged into (MergedInto),
	// so the notice links to it.
	MergedSeen bool
	Rating     ratingCard // the opener's rating card (ticket_rate.go)
	Following  bool       // the reader follows the ticket
	// FollowMuted: the reader follows but switched off mail about followed tickets, so
	// the card must not say that its mails reach them.
	FollowMuted bool
	// CanFollow: the reader neither opened nor follows the ticket (a main contact
	// reading a colleague's) and may follow it.
	CanFollow bool
	// Auto is the automation's next step, shown when the reader can still act on it
	// (ticket_auto.templ).
	Auto ticket.Plan
	// Time is the time spent on the ticket per day, read only when the tenant shows it
	// to customers (TimeShown; ticket_time.templ).
	Time      []ticket.PublicTime
	TimeShown bool
	// Kept are the files a refused reply kept (ticket_kept.go), listed on its form.
	Kept []ticket.Staged
}

// reopenable reports whether the contact may reopen t under rules: it is done, not
// billed, not merged into another and not a declined request (final for the customer:
// ticket.ErrDeclined).
func reopenable(t ticket.Ticket, rules tenant.TicketRules) bool {
	return !t.Billed && t.Done() && rules.Reopen && t.MergedInto == 0 && t.RequestState != ticket.RequestDeclined
}

// replyOffered reports whether the ticket page offers the contact a reply form for t
// under rules: the ticket's own, or the one that reopens it.
func replyOffered(t ticket.Ticket, rules tenant.TicketRules) bool {
	return !t.Billed && !t.Done() || reopenable(t, rules)
}

// loadTicket finds the ticket of the URL the contact may see; anything else is a 404.
// A ticket the contact may see in another of their companies is answered, on a GET,
// with the question whether to switch to that company (offerSwitch).
func (p *Portal) loadTicket(w http.ResponseWriter, r *http.Request, v *visit) (ticket.Ticket, bool) {
	return loadOrOffer(p, w, r, v, p.ticketSwitch(), ticket.ForContact)
}

func (p *Portal) ticketShow(w http.ResponseWriter, r *http.Request, v *visit) {
	t, ok := p.loadTicket(w, r, v)
	if !ok {
		return
	}
	p.renderTicket(w, r, v, t, web.NewForm(), http.StatusOK)
}

// renderTicket shows the ticket with the reply form f (kept on error).
func (p *Portal) renderTicket(w http.ResponseWriter, r *http.Request, v *visit, t ticket.Ticket, f web.Form, status int) {
	p.renderTicketWith(w, r, v, t, f, web.NewForm(), status)
}

// renderTicketWith is renderTicket with the rating form rf (kept on error).
func (p *Portal) renderTicketWith(w http.ResponseWriter, r *http.Request, v *visit, t ticket.Ticket, f, rf web.Form, status int) {
	r, err := p.withNames(r, v)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	d, err := ticket.Load(ctx, p.env.DB, t, false) // contacts never load internal notes
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	if v.Preview.ID == 0 { // staff previewing the portal read as the contact, never for them
		if err := ticket.MarkReadByContact(ctx, p.env.DB, t, v.P, p.env.Now()); err != nil {
			p.env.Fail(w, r, err)
			return
		}
	}
	rules := v.Tenant.Rules // shown here; the reply, close and reopen handlers check them anew
	view := ticketView{Detail: d, LimitMB: rules.UploadLimitMB}
	view.CanReply = !t.Billed && !t.Done()
	manage := mayManage(v, t) // a follower of a colleague's ticket reads and replies only
	view.CanClose = manage && !t.Billed && t.Status.Kind != ticket.KindClosed
	view.CanReopen = manage && reopenable(t, rules)
	if view.Kept, err = web.ListedKept(ctx, p.env.DB, keptOwner(v, t.ID), f); err != nil {
		p.env.Fail(w, r, err)
		return
	}
	if view.Auto, err = ticket.PlanOf(ctx, p.env.DB, t); err != nil {
		p.env.Fail(w, r, err)
		return
	}
	if view.TimeShown = rules.TimePortal; view.TimeShown {
		if view.Time, err = ticket.PublicTimes(ctx, p.env.DB, t); err != nil {
			p.env.Fail(w, r, err)
			return
		}
	}
	if view.MergedSeen, err = p.mayOpen(r, v, t.MergedInto); err != nil {
		p.env.Fail(w, r, err)
		return
	}
	if view.Rating, err = p.ratingCardOf(r, v, t, rf); err != nil {
		p.env.Fail(w, r, err)
		return
	}
	if view.CanReply && manage {
		view.Colleagues, err = p.followerChoices(r, v, d)
		if err != nil {
			p.env.Fail(w, r, err)
			return
		}
	}
	// A follower whose access was revoked (or who left the company) neither sees the
	// ticket nor gets its mails: the list does not name them, as Colleagues does not.
	view.Followers = slices.DeleteFunc(slices.Clone(d.Followers), func(f ticket.Follower) bool { return f.Gone })
	view.Following = slices.ContainsFunc(d.Followers, func(f ticket.Follower) bool { return f.ContactID == v.P.ContactID })
	if view.Following {
		mine, err := contact.GetNotifications(ctx, p.env.DB, v.P.TenantID, v.P.ContactID)
		if err != nil {
			p.env.Fail(w, r, err)
			return
		}
		view.FollowMuted = !mine.Followed
	}
	// Following is refused on billed tickets (ticketFollow), and a merged one goes on
	// elsewhere.
	view.CanFollow = !view.Following && d.ContactID != v.P.ContactID && !t.Billed && t.MergedInto == 0
	c := v.chrome(r, "tickets.show_title", "helpdesk")
	c.Title = web.TicketTitle(t.ID, t.Title) // tells several open tickets apart in the tabs
	web.Render(w, r, status, ticketPage(c, v, view, f))
}

// followerChoices are the company's active colleagues who neither opened nor follow
// the ticket. The reader is no colleague to add: following oneself is the button of
// ticketFollowers (view.CanFollow).
func (p *Portal) followerChoices(r *http.Request, v *visit, d ticket.Detail) ([]contact.Membership, error) {
	ms, err := contact.MembershipsOfCompany(r.Context(), p.env.DB, v.P.TenantID, v.P.CompanyID)
	if err != nil {
		return nil, err
	}
	taken := map[int64]bool{d.ContactID: true, v.P.ContactID: true}
	for _, f := range d.Followers {
		taken[f.ContactID] = true
	}
	var out []contact.Membership
	for _, m := range ms {
		if m.Access == contact.AccessActive && !taken[m.ContactID] {
			out = append(out, m)
		}
	}
	return out, nil
}

// change runs fn on the contact's ticket in a transaction and maps the rule errors to
// messages on the ticket page.
func (p *Portal) change(w http.ResponseWriter, r *http.Request, v *visit, fn func(tx *db.Tx, t ticket.Ticket) error, done string) {
	t, ok := p.loadTicket(w, r, v)
	if !ok {
		return
	}
	err := p.env.DB.InTx(r.Context(), func(tx *db.Tx) error { return fn(tx, t) })
	if msg := ruleMessage(err); msg != "" {
		f := web.NewForm()
		f.Err = msg
		p.renderTicket(w, r, v, t, f, http.StatusConflict)
		return
	}
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	p.env.WakeWorker()
	p.env.Flash(w, r, done, ticketURL(t.ID, ""))
}

// ruleMessage is the message for a ticket rule that refused a change.
func ruleMessage(err error) string {
	switch {
	case err == nil:
		return ""
	case errorIs(err, ticket.ErrBilled):
		return "tickets.error.billed"
	case errorIs(err, ticket.ErrDeclined): // before ErrNoReopen, which it is too
		return "tback_fix.portal.error.declined"
	case errorIs(err, ticket.ErrNoReopen):
		return "tickets.error.no_reopen"
	case errorIs(err, ticket.ErrClosed):
		return "tickets.error.closed"
	case errorIs(err, ticket.ErrNotClosed):
		return "tickets.error.not_closed"
	case errorIs(err, ticket.ErrMerged):
		return "ticket_merge.portal_error"
	}
	return ""
}
