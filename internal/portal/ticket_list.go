package portal

import (
	"net/http"
	"slices"

	"pforte/internal/ticket"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// ticketListView is what the ticket list shows.
type ticketListView struct {
	Rows   []ticket.Ticket
	Filter ticket.Filter
	Pager  web.Pager
}

// ticketList lists the tickets the contact may see in the active company: all of the
// company's for a main contact, their own and followed ones for a user.
func (p *Portal) ticketList(w http.ResponseWriter, r *http.Request, v *visit) {
	q := r.URL.Query()
	f := ticket.Filter{State: q.Get("state"), Query: validate.Clean(q.Get("q")), Sort: q.Get("sort"), Page: web.Page(r)}
	if !slices.Contains([]string{"open", "done", "all"}, f.State) {
		f.State = "open"
	}
	if !slices.Contains(ticket.Sorts, f.Sort) {
		f.Sort = "updated"
	}
	if len(f.Query) > 200 {
		f.Query = f.Query[:200]
	}
	rows, more, err := ticket.ListForContact(r.Context(), p.env.DB, v.P, f)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	view := ticketListView{Rows: rows, Filter: f, Pager: web.Pager{Page: max(f.Page, 1), HasNext: more, Path: "/tickets", Query: q}}
	web.Render(w, r, http.StatusOK, ticketListPage(v.chrome(r, "tickets.title", "helpdesk"), v, view))
}
