package portal

import (
	"net/http"
	"strconv"

	"pforte/internal/ticket"
	"pforte/internal/web"
)

// Limits of the ticket form.
const (
	maxTitle = 200
	maxBody  = 20000
	maxShort = 200
)

// ticketForm is what the new-ticket page needs besides the form values.
type ticketForm struct {
	Categories []ticket.Category
	LimitMB    int
	Kept       []ticket.Staged // files a refused form kept (ticket_kept.go)
}

func (p *Portal) ticketNewForm(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.NewForm()
	f.Set("priority", strconv.Itoa(ticket.PriorityNormal))
	f.Set("title", r.URL.Query().Get("title"))
	p.renderTicketNew(w, r, v, f, http.StatusOK)
}

func (p *Portal) renderTicketNew(w http.ResponseWriter, r *http.Request, v *visit, f web.Form, status int) {
	r, err := p.withNames(r, v)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	cats, err := ticket.Categories(r.Context(), p.env.DB, v.P.TenantID, true)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	kept, err := web.ListedKept(r.Context(), p.env.DB, keptOwner(v, 0), f)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	// The limit is shown from the request's tenant; ticketCreate enforces the current one.
	page := ticketNewPage(v.chrome(r, "tickets.new_title", "helpdesk"), v, f, ticketForm{Categories: cats, LimitMB: v.Tenant.Rules.UploadLimitMB, Kept: kept})
	web.Render(w, r, status, page)
}
