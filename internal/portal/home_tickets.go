package portal

import (
	"bytes"
	"net/http"
	"strconv"

	"github.com/a-h/templ"

	"pforte/internal/i18n"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// homeTickets renders the home page's "Your tickets": the few open tickets with the
// newest activity that the ticket list would show first (ticket.Recent), each saying
// who wrote last and flagging those waiting for the customer and those with a new
// reply. Nil without the helpdesk. The panel is kept like the list's content
// (p.lists, at the company's list version, see listKey), so the home page — opened far
// more often than tickets change — costs no query for it until one of the company's
// tickets does, but the lookup of the reader's marks on its tickets with news
// (withNews).
func (p *Portal) homeTickets(r *http.Request, v *visit) (templ.Component, error) {
	if !v.Tenant.HasModule("helpdesk") || !tenant.ModuleAvailable("helpdesk") {
		return nil, nil
	}
	key := homeTicketsKey(r, v)
	if body, ok := p.lists.Get(key, v.Company.ListVersion); ok {
		return p.withNews(r, v, body)
	}
	r, err := p.withNames(r, v)
	if err != nil {
		return nil, err
	}
	rows, err := ticket.Recent(r.Context(), p.env.DB, v.P, ticket.RecentLimit)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := homeTicketsPanel(v, rows).Render(r.Context(), &b); err != nil {
		return nil, err
	}
	p.lists.Put(key, v.Company.ListVersion, b.Bytes())
	return p.withNews(r, v, b.Bytes())
}

// homeTicketsKey names the panel among the kept fragments. Besides what the list's key
// holds (company, whose tickets, language, zone), the panel depends on the reader: it
// says "you" for their own messages, also to a main contact, who sees everybody's. The
// role stays in the key because a change of role moves no list version.
func homeTicketsKey(r *http.Request, v *visit) string {
	return "home " + strconv.FormatInt(v.P.CompanyID, 10) + " " + strconv.FormatInt(v.P.ContactID, 10) + " " +
		v.P.Role + " " + i18n.From(r.Context()).Lang + " " + web.Zone(r.Context()).String()
}

// lastBy is the message key naming who wrote a ticket's newest public message, as the
// reader sees it: staff, the reader, or a colleague by name. A ticket with nobody's
// reply yet says who opened it: "last reply" would name a reply that was never written.
func lastBy(v *visit, m ticket.LastMessage) string {
	switch {
	case m.Opening && m.FromStaff():
		return "portal_qa.opened_staff"
	case m.Opening && m.ContactID == v.P.ContactID:
		return "portal_qa.opened_you"
	case m.Opening:
		return "portal_qa.opened_other"
	case m.FromStaff():
		return "home_tickets.last_staff"
	case m.ContactID == v.P.ContactID:
		return "home_tickets.last_you"
	}
	return "home_tickets.last_other"
}

// answered tells whether staff wrote a ticket's newest public message as an answer:
// not the one that opened it on the customer's behalf, which asks the customer nothing.
func answered(t ticket.Ticket) bool { return t.Last.FromStaff() && !t.Last.Opening }

// waitsOnReader tells whether a ticket's row needs the badge "your reply is needed":
// staff answered last. Not in the built-in status "waiting for your reply", whose name
// says the same already.
func waitsOnReader(t ticket.Ticket) bool {
	return answered(t) && t.Status.Code != ticket.CodeWaiting
}
