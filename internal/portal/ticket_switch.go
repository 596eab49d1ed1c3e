package portal

import (
	"errors"
	"net/http"
	"path"
	"strconv"
	"strings"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// switchedFlash is the flash after switching to the company of a ticket; it names the
// company the page is in now (visit.chrome).
const switchedFlash = "portalfix.switched_to"

// ticketCompany finds another of the contact's companies (active access) in which they
// may see ticket id, with the same role rules as there: a main contact sees all, a user
// their own and followed ones. ok is false when there is none.
func (p *Portal) ticketCompany(r *http.Request, v *visit, id int64) (m contact.Membership, ok bool, err error) {
	for _, m := range v.Companies {
		if m.CompanyID == v.P.CompanyID {
			continue
		}
		there := v.P
		there.CompanyID, there.Role = m.CompanyID, m.Role
		if _, err := ticket.ForContact(r.Context(), p.env.DB, there, id); errors.Is(err, db.ErrNotFound) {
			continue
		} else if err != nil {
			return m, false, err
		}
		return m, true, nil
	}
	return contact.Membership{}, false, nil
}

// switchToTicket handles a ticket link that is not in the active company: a contact in
// several companies follows a mail about a ticket of company A while working for B. If
// the ticket is one they may see in another company, a GET (or HEAD) answers with a
// page that names the company and asks whether to switch to it, by a button that posts
// (ticketSwitch): a link — prefetched by a mail scanner, opened in a second tab — never
// changes which company the session works for. A form sent to the address stays a 404:
// it must never land in another company than the one its page was shown in. A staff
// preview stays in the company being previewed. It reports whether it answered.
func (p *Portal) switchToTicket(w http.ResponseWriter, r *http.Request, v *visit, id int64) (bool, error) {
	if (r.Method != http.MethodGet && r.Method != http.MethodHead) || v.Preview.ID != 0 {
		return false, nil
	}
	m, ok, err := p.ticketCompany(r, v, id)
	if !ok || err != nil {
		return false, err
	}
	web.Render(w, r, http.StatusOK, ticketSwitchPage(v.chrome(r, "weakfix.switch.title", "tickets"), ticketSwitchView{
		TicketID: id, Company: m.CompanyName, CompanyID: m.CompanyID, Next: r.URL.Path, Current: v.Company.CompanyName}))
	return true, nil
}

// ticketSwitchView is what the switch question shows.
type ticketSwitchView struct {
	TicketID         int64
	Company, Current string // the ticket's company, the one the contact works for now
	CompanyID        int64
	Next             string // the address that was asked for, opened after the switch
}

// ticketSwitch switches to the company of ticket id (the form's company_id) when the
// contact has active access there and may see the ticket in it, then opens the address
// first asked for (the ticket, its rating card or one of its files) with a notice
// naming the company. Anything else is a 404 and switches nothing.
func (p *Portal) ticketSwitch(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	f := web.ParseForm(w, r)
	want, _ := parseID(f.Get("company_id"))
	if !ok || f.Err != "" {
		p.env.NotFound(w, r)
		return
	}
	m, found, err := p.ticketCompany(r, v, id)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	if !found || m.CompanyID != want {
		p.env.NotFound(w, r)
		return
	}
	if err := p.svc.SwitchCompany(r.Context(), v.P, m.CompanyID); err != nil {
		p.env.Fail(w, r, err)
		return
	}
	p.env.Flash(w, r, switchedFlash, ticketNext(id, f.Get("next")))
}

// ticketNext is where the switch leads: next when it is an address of ticket id in the
// portal (the ticket itself or one of its parts), else the ticket; never elsewhere, so
// the form cannot be made to redirect off the portal.
func ticketNext(id int64, next string) string {
	base := "/tickets/" + strconv.FormatInt(id, 10)
	if next == base || (strings.HasPrefix(next, base+"/") && !strings.ContainsAny(next, "\\?#") && !strings.Contains(next, "//") &&
		strings.HasPrefix(path.Clean(next), base+"/")) { // no "/tickets/5/../../settings"
		return next
	}
	return base
}
