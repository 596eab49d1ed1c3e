package portal

import (
	"net/http"

	"pforte/internal/web"
)

// ticketRoutes are the helpdesk's pages; they exist only while the tenant has the
// helpdesk module switched on.
func (p *Portal) ticketRoutes() []web.Route {
	return []web.Route{
		{Pattern: "GET /tickets", Handler: p.helpdesk(p.ticketList)},
		{Pattern: "GET /tickets/new", Handler: p.helpdesk(p.ticketNewForm)},
		{Pattern: "GET /tickets/report", Handler: p.helpdesk(p.ticketReport)},
		// A POST: the export writes an audit entry (web.ExportPage).
		{Pattern: "POST /tickets/report.csv", Handler: p.helpdesk(p.ticketReportCSV)},
		{Pattern: "GET /tickets/report.csv", Handler: web.ExportPage("/tickets/report")},
		{Pattern: "POST /tickets", Handler: p.helpdesk(p.ticketCreate)},
		{Pattern: "GET /tickets/{id}", Handler: p.helpdesk(p.ticketShow)},
		{Pattern: "POST /tickets/{id}/reply", Handler: p.helpdesk(p.ticketReply)},
		{Pattern: "POST /tickets/{id}/close", Handler: p.helpdesk(p.ticketClose)},
		{Pattern: "POST /tickets/{id}/reopen", Handler: p.helpdesk(p.ticketReopen)},
		{Pattern: "POST /tickets/{id}/rating", Handler: p.helpdesk(p.ticketRate)},
		{Pattern: "GET /tickets/{id}/rating", Handler: p.helpdesk(p.ticketRateLink)},
		{Pattern: "POST /tickets/{id}/followers", Handler: p.helpdesk(p.ticketFollow)},
		{Pattern: "POST /tickets/{id}/followers/{contact}/remove", Handler: p.helpdesk(p.ticketUnfollow)},
		{Pattern: "GET /tickets/{id}/files/{file}", Handler: p.helpdesk(p.ticketFile)},
		{Pattern: "POST /tickets/{id}/switch", Handler: p.helpdesk(p.switchTo(p.ticketSwitch()))},
	}
}

// helpdesk admits logged-in contacts of tenants that use the helpdesk.
func (p *Portal) helpdesk(h handler) http.HandlerFunc {
	return p.contact(func(w http.ResponseWriter, r *http.Request, v *visit) {
		if !v.Tenant.HasModule("helpdesk") {
			p.env.NotFound(w, r)
			return
		}
		h(w, r, v)
	})
}
