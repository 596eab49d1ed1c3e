package portal

import (
	"errors"
	"net/http"

	"pforte/internal/db"
	"pforte/internal/ticket"
)

// switchedFlash is the flash after opening a ticket of another of the contact's
// companies; it names the company the page is in now (visit.chrome).
const switchedFlash = "portalfix.switched_to"

// switchToTicket handles a ticket link that is not in the active company: a contact in
// several companies follows a mail about a ticket of company A while working for B. If
// the ticket is one the contact may see in another company they have active access to
// (the same role rules as there: a main contact sees all, a user their own and followed
// ones), the session switches to that company as the header's switcher does and the
// same address is asked for again. Only a GET (or HEAD) switches: a form must never land
// in another company than the one its page was shown in. A staff preview stays in the
// company being previewed. It reports whether it answered the request.
func (p *Portal) switchToTicket(w http.ResponseWriter, r *http.Request, v *visit, id int64) (bool, error) {
	if (r.Method != http.MethodGet && r.Method != http.MethodHead) || v.Preview.ID != 0 {
		return false, nil
	}
	for _, m := range v.Companies {
		if m.CompanyID == v.P.CompanyID {
			continue
		}
		there := v.P
		there.CompanyID, there.Role = m.CompanyID, m.Role
		if _, err := ticket.ForContact(r.Context(), p.env.DB, there, id); errors.Is(err, db.ErrNotFound) {
			continue
		} else if err != nil {
			return false, err
		}
		if err := p.svc.SwitchCompany(r.Context(), v.P, m.CompanyID); err != nil {
			return false, err
		}
		p.env.Flash(w, r, switchedFlash, r.URL.RequestURI())
		return true, nil
	}
	return false, nil
}
