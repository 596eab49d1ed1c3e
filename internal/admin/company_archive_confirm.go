package admin

import (
	"net/http"

	"pforte/internal/company"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// archiveView is what the confirmation page tells staff before they archive a company.
type archiveView struct {
	Company     company.Company
	Impact      company.Impact
	OpenTickets int
	Helpdesk    bool
}

// openTicketCap is where the confirmation page stops counting open tickets: the
// count walks the company's queue, and "at least 10,000" says enough.
const openTicketCap = 10000

// companyArchiveConfirm says what archiving the company does, with figures, and asks to
// confirm. An archived company has nothing to confirm: back to its page.
func (a *Admin) companyArchiveConfirm(w http.ResponseWriter, r *http.Request, v *visit) {
	c, ok := a.loadCompany(w, r, v)
	if !ok {
		return
	}
	if c.Archived() {
		a.env.FlashInfo(w, r, "company_archive.already_archived", "/admin/companies/"+itoa(c.ID))
		return
	}
	av := archiveView{Company: c, Helpdesk: usesHelpdesk(v.Tenant)}
	var err error
	if av.Impact, err = company.ImpactOf(r.Context(), a.env.DB, v.P.TenantID, c.ID); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if av.Helpdesk {
		av.OpenTickets, err = ticket.CountQueue(r.Context(), a.env.DB, v.P.TenantID,
			ticket.Filter{State: "open", CompanyID: c.ID}, openTicketCap)
		if err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	chrome := v.chrome(r, "company_archive.title")
	web.Render(w, r, http.StatusOK, companyArchivePage(chrome, av))
}
