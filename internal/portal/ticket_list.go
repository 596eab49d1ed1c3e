package portal

import (
	"bytes"
	"net/http"
	"slices"
	"strconv"

	"pforte/internal/i18n"
	"pforte/internal/ticket"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// ticketListView is what the ticket list shows.
type ticketListView struct {
	Rows   []ticket.Ticket
	Filter ticket.Filter
	Pager  web.Pager
	Capped bool // the search read only the newest matching messages (web.SearchNote)
	Short  bool // the search was too short for the messages: titles only (web.SearchNote)
	Own    bool // the list shows the contact's own and followed tickets, not the company's
	None   bool // an empty first page without a search: the list has no ticket in any state
}

// ticketList lists the tickets the contact may see in the active company: all of the
// company's for a main contact, their own and followed ones for a user. The list's
// content is kept in p.lists at the company's list version (see listKey), so people
// reopening their list cost no query until one of the company's tickets changes — but
// the lookup of their read marks for the page's tickets with news (renderList).
func (p *Portal) ticketList(w http.ResponseWriter, r *http.Request, v *visit) {
	q := r.URL.Query()
	f := ticket.Filter{State: q.Get("state"), Query: validate.Clean(q.Get("q")), Sort: q.Get("sort"), Page: web.Page(r),
		Mine: v.P.IsMain() && q.Get("who") == "mine", After: validate.Truncate(q.Get("after"), 100)}
	if !slices.Contains([]string{"open", "done", "all"}, f.State) {
		f.State = "open"
	}
	if !slices.Contains(ticket.Sorts, f.Sort) {
		f.Sort = "updated"
	}
	f.Query = validate.TruncateChars(f.Query, 200) // the field's maxlength, in characters
	frame := v.chrome(r, "tickets.title", "helpdesk")
	key, keep := listKey(r, v, f)
	if keep {
		if body, ok := p.lists.Get(key, v.Company.ListVersion); ok {
			p.renderList(w, r, v, frame, body)
			return
		}
	}
	r, err := p.withNames(r, v) // only when the list is rendered anew
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	var report ticket.SearchReport
	f.Report = &report
	rows, more, err := ticket.ListForContact(r.Context(), p.env.DB, v.P, f)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	pager := web.Pager{Page: max(f.Page, 1), HasNext: more, Path: "/tickets", Query: q}
	if more { // the next page starts where this one ends (keyset, ticket/list_after.go)
		pager.Next = f.Cursor(rows[len(rows)-1])
	}
	view := ticketListView{Rows: rows, Filter: f, Pager: pager,
		Capped: report.Capped && v.P.IsMain(), // the company's matches: a user's list says nothing of colleagues
		Short:  report.Short, Own: !v.P.IsMain() || f.Mine}
	if view.None, err = p.noneYet(r, v, view); err != nil {
		p.env.Fail(w, r, err)
		return
	}
	var body bytes.Buffer
	if err := ticketListContent(v, view).Render(r.Context(), &body); err != nil {
		p.env.Fail(w, r, err)
		return
	}
	if keep {
		p.lists.Put(key, v.Company.ListVersion, body.Bytes())
	}
	p.renderList(w, r, v, frame, body.Bytes())
}

// renderList answers with the list's content, kept or new, as the reader sees it: the
// badges of the tickets that are new for them (ticket_news.go) are not kept with it.
func (p *Portal) renderList(w http.ResponseWriter, r *http.Request, v *visit, frame web.Chrome, body []byte) {
	content, err := p.withNews(r, v, body)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, http.StatusOK, ticketListPage(frame, content))
}

// keptListPages is how deep list pages are kept: the first pages are the ones people
// reopen; deeper ones and searches are rendered each time.
const keptListPages = 5

// listKey names a list's content among the kept ones, and reports whether it is kept.
// The content depends on the company, on whose tickets it shows (all for main
// contacts, the contact's own for users), on the language and zone it is written in,
// and on the query (filter, order, page; the pager's links repeat the query). Together
// with the company's list version that is everything it shows.
func listKey(r *http.Request, v *visit, f ticket.Filter) (string, bool) {
	raw := r.URL.RawQuery
	if f.Query != "" || f.Page > keptListPages || len(raw) > 200 {
		return "", false
	}
	scope := "main"
	if !v.P.IsMain() || f.Mine { // a main contact's own list is a user's
		scope = "user " + strconv.FormatInt(v.P.ContactID, 10)
	}
	return "tickets " + strconv.FormatInt(v.P.CompanyID, 10) + " " + scope + " " + i18n.From(r.Context()).Lang + " " +
		web.Zone(r.Context()).String() + " ?" + raw, true
}

// noneYet reports, for an empty list's first page without a search in the default
// state, whether the list has no ticket in any state: a new portal then says there is
// none yet, where "no open tickets at the moment" suggested there were others. Only
// then is it asked, at one index entry per probe (ticket.AnyForContact); "all" needs
// no second look and "done" keeps its own words.
func (p *Portal) noneYet(r *http.Request, v *visit, view ticketListView) (bool, error) {
	f := view.Filter
	if len(view.Rows) > 0 || view.Pager.Page > 1 || f.Query != "" || f.After != "" {
		return false, nil
	}
	switch f.State {
	case "all":
		return true, nil
	case "open":
		anyTicket, err := ticket.AnyForContact(r.Context(), p.env.DB, v.P, f.Mine)
		return !anyTicket, err
	}
	return false, nil
}

// emptyListMessage says why the list is empty: nothing matches a search (or the page is
// past the end), or there is simply no ticket in the chosen state — then, for a first
// visit, where to start. A user's list (or a main contact's own) speaks of their
// tickets: the company may well have others.
func emptyListMessage(view ticketListView) string {
	if view.Filter.Query != "" || view.Pager.Page > 1 || view.Filter.After != "" {
		return "tickets.none"
	}
	state := view.Filter.State
	if view.None {
		state = "all"
	}
	if view.Own {
		return map[string]string{"open": "tickets.none_open_own", "done": "tickets.none_done_own",
			"all": "tickets.none_all_own"}[state]
	}
	return "tickets.none_" + state
}
